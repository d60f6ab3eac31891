import { type Static, Type } from 'typebox';
import { RatingLevelSchema } from './rating.js';

/**
 * Ratings over REST and Socket.IO: the site's rating settings, the tablet's press, the leaders'
 * list and the privacy-preserving summary. Levels run 1 = best … n = worst; the raw level is stored.
 */

const Counter = Type.Integer({ minimum: 1, maximum: 999 });
const Iso = Type.String({ description: 'ISO 8601 instant' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'local date YYYY-MM-DD' });

export const RatingReasonSchema = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9_-]{1,32}$' }),
  label: Type.String({ minLength: 1, maxLength: 80 }),
  labelEn: Type.String({ minLength: 1, maxLength: 80 }),
});
export type RatingReason = Static<typeof RatingReasonSchema>;

/** Settings row `rating` (a RatingScale plus the attribution window, prompt time and reason list). */
export const RatingSettingsSchema = Type.Object({
  levels: Type.Array(RatingLevelSchema, { minItems: 2, maxItems: 5 }),
  satisfied: Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { minItems: 1 }),
  windowSeconds: Type.Integer({
    minimum: 5,
    maximum: 600,
    description: 'a press rates a ticket finished this long ago',
  }),
  promptSeconds: Type.Integer({
    minimum: 5,
    maximum: 300,
    description: 'the prompt returns to idle after this',
  }),
  reasons: Type.Array(RatingReasonSchema, {
    maxItems: 12,
    description: 'asked after a level not in `satisfied`',
  }),
});
export type RatingSettings = Static<typeof RatingSettingsSchema>;

/** PUT /api/ratings/settings: any subset; the result is validated as a whole. */
export const RatingSettingsPatchSchema = Type.Partial(RatingSettingsSchema, { additionalProperties: false });
export type RatingSettingsPatch = Static<typeof RatingSettingsPatchSchema>;

/** POST /api/ratings (paired tablet only). */
export const RateBodySchema = Type.Object(
  {
    counter: Counter,
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    reason: Type.Optional(Type.String({ pattern: '^[a-z0-9_-]{1,32}$' })),
  },
  { additionalProperties: false },
);
export type RateBody = Static<typeof RateBodySchema>;

export const RatingDecisionKindSchema = Type.Union([
  Type.Literal('ticket'),
  Type.Literal('general'),
  Type.Literal('bounce'),
  Type.Literal('duplicate'),
]);
export type RatingDecisionKind = Static<typeof RatingDecisionKindSchema>;

export const RateResultSchema = Type.Object({
  /** the stored rating (null for bounce/duplicate: nothing stored) */
  id: Type.Union([Type.Integer(), Type.Null()]),
  kind: RatingDecisionKindSchema,
  /** the ticket's number when the rating went to a ticket */
  label: Type.Union([Type.String(), Type.Null()]),
  /** true when the tablet should offer the reason list (a stored, not-satisfied level) */
  askReason: Type.Boolean(),
});
export type RateResult = Static<typeof RateResultSchema>;

export const RatingReasonBodySchema = Type.Object(
  { reason: Type.String({ pattern: '^[a-z0-9_-]{1,32}$' }) },
  { additionalProperties: false },
);
export const RatingParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** One rating with its time: leaders and admins only (privacy rule). */
export const RatingViewSchema = Type.Object({
  id: Type.Integer(),
  at: Iso,
  level: Type.Integer(),
  scaleSize: Type.Integer(),
  ticketId: Type.Union([Type.Integer(), Type.Null()]),
  ticketLabel: Type.Union([Type.String(), Type.Null()]),
  counter: Type.Integer(),
  officialId: Type.Union([Type.Integer(), Type.Null()]),
  officialName: Type.Union([Type.String(), Type.Null()]),
  service: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('box'), Type.Literal('tablet')]),
  deviceId: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type RatingView = Static<typeof RatingViewSchema>;

export const RatingListQuerySchema = Type.Object(
  {
    from: Type.Optional(Iso),
    to: Type.Optional(Iso),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export const RatingListSchema = Type.Object({
  ratings: Type.Array(RatingViewSchema),
  truncated: Type.Boolean(),
});
export type RatingList = Static<typeof RatingListSchema>;

/** Aggregates over whole local days: officials get their own only, never single ratings with times. */
export const RatingSummaryQuerySchema = Type.Object(
  { from: Day, to: Day, official: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const RatingSummarySchema = Type.Object({
  from: Day,
  to: Day,
  officialId: Type.Union([Type.Integer(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'raw level → count' }),
  valid: Type.Integer(),
  satisfied: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
  formula: Type.String(),
  formulaEn: Type.String(),
  /** presses tied to no official (whole site only) */
  general: Type.Integer(),
});
export type RatingSummary = Static<typeof RatingSummarySchema>;

/** Socket: a ticket finished at `counter`; its screen/tablet asks for a rating until `expiresAt`. */
export const RatingRequestedSchema = Type.Object({
  counter: Counter,
  ticketId: Type.Integer(),
  label: Type.String(),
  /** /console only: never sent on /display */
  officialName: Type.Optional(Type.String()),
  expiresAt: Iso,
});
export type RatingRequested = Static<typeof RatingRequestedSchema>;

/** Socket: a rating was stored at `counter` (`label` = the rated ticket's number, absent for general feedback). */
export const RatingReceivedSchema = Type.Object({
  counter: Counter,
  level: Type.Integer(),
  label: Type.Optional(Type.String()),
  at: Iso,
});
export type RatingReceived = Static<typeof RatingReceivedSchema>;

export const DEFAULT_RATING_REASONS: RatingReason[] = [
  { code: 'wait', label: 'Chờ đợi lâu', labelEn: 'Long wait' },
  { code: 'attitude', label: 'Thái độ phục vụ chưa tốt', labelEn: 'Unfriendly service' },
  { code: 'guidance', label: 'Hướng dẫn chưa rõ ràng', labelEn: 'Unclear guidance' },
  { code: 'procedure', label: 'Thủ tục phức tạp', labelEn: 'Complicated procedure' },
  { code: 'facilities', label: 'Cơ sở vật chất chưa tốt', labelEn: 'Poor facilities' },
  { code: 'other', label: 'Lý do khác', labelEn: 'Other' },
];

export const DEFAULT_WINDOW_SECONDS = 45;
export const DEFAULT_PROMPT_SECONDS = 30;
