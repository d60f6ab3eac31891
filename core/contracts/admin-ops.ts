import { type Static, Type } from 'typebox';
import { TicketViewSchema } from './api.js';
import { DisplaySettingsSchema } from './display.js';
import { PAPER_WIDTHS, TicketLayoutSchema } from './printing.js';
import { RatingSettingsSchema } from './rating-api.js';
import { VoiceSettingsSchema } from './voice.js';

/** Settings, day operations, retention and voice segments of the admin page (/api/admin/*). */

/** Data protection (Nghị định 13/2023/NĐ-CP): how long raw visits and ratings are kept, in days. */
export const RetentionSettingsSchema = Type.Object(
  {
    visitsDays: Type.Integer({ minimum: 31, maximum: 3650 }),
    ratingsDays: Type.Integer({ minimum: 31, maximum: 3650 }),
  },
  { additionalProperties: false },
);
export type RetentionSettings = Static<typeof RetentionSettingsSchema>;
export const RETENTION_KEY = 'retention';
export const DEFAULT_RETENTION: RetentionSettings = { visitsDays: 1095, ratingsDays: 1095 };

/** Login lockout: wrong PINs in a row before the account is locked, and for how long. */
export const SecuritySettingsSchema = Type.Object(
  {
    maxFailedLogins: Type.Integer({ minimum: 3, maximum: 20 }),
    lockMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
  },
  { additionalProperties: false },
);
export type SecuritySettings = Static<typeof SecuritySettingsSchema>;
export const SECURITY_KEY = 'security';
export const DEFAULT_SECURITY: SecuritySettings = { maxFailedLogins: 5, lockMinutes: 5 };

/** GET /api/admin/settings: every setting, stored values over the defaults. */
export const AdminSettingsSchema = Type.Object({
  display: DisplaySettingsSchema,
  voice: VoiceSettingsSchema,
  rating: RatingSettingsSchema,
  ticketLayout: TicketLayoutSchema,
  retention: RetentionSettingsSchema,
  security: SecuritySettingsSchema,
});
export type AdminSettings = Static<typeof AdminSettingsSchema>;

/** POST /api/admin/ticket-preview: a sample ticket drawn with this layout → image/png. */
export const TicketPreviewBodySchema = Type.Object(
  {
    layout: TicketLayoutSchema,
    width: Type.Optional(Type.Union(PAPER_WIDTHS.map((w) => Type.Literal(w)))),
  },
  { additionalProperties: false },
);
export type TicketPreviewBody = Static<typeof TicketPreviewBodySchema>;

/** GET /api/admin/day: today's issuing state and the tickets still open. */
export const DayStatusSchema = Type.Object({
  day: Type.String(),
  closedEarly: Type.Boolean(),
  open: Type.Object({
    waiting: Type.Integer(),
    called: Type.Integer(),
    serving: Type.Integer(),
    noShow: Type.Integer(),
  }),
  /** waiting or no-show tickets left over from earlier days */
  fromEarlierDays: Type.Integer(),
});
export type DayStatus = Static<typeof DayStatusSchema>;

export const END_OF_DAY_REASON = 'Hết ngày làm việc';
export const EndDayResultSchema = Type.Object({
  cancelled: Type.Integer(),
  labels: Type.Array(Type.String()),
  status: DayStatusSchema,
});
export type EndDayResult = Static<typeof EndDayResultSchema>;

export const TicketSearchQuerySchema = Type.Object({
  /** label or its beginning, e.g. A0 */
  label: Type.Optional(Type.String({ maxLength: 12 })),
  day: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
export const TicketSearchSchema = Type.Object({ tickets: Type.Array(TicketViewSchema) });

export const PrintTestSchema = Type.Object({
  outcome: Type.Unknown({ description: 'PrintOutcome of core/contracts/printing.ts' }),
});

/** Voice segments: the committed ones and the site's own replacements. */
export const VoiceSegmentInfoSchema = Type.Object({
  id: Type.String(),
  text: Type.String(),
  kind: Type.String(),
  durationMs: Type.Integer(),
  url: Type.String(),
  replaced: Type.Boolean(),
});
export type VoiceSegmentInfo = Static<typeof VoiceSegmentInfoSchema>;
export const VoiceSegmentListSchema = Type.Object({ segments: Type.Array(VoiceSegmentInfoSchema) });
export const SegmentParamsSchema = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,60}$' }) });
export const SegmentUploadQuerySchema = Type.Object({
  durationMs: Type.Integer({ minimum: 50, maximum: 30_000 }),
});
export const VOICE_UPLOAD_MAX_BYTES = 1024 * 1024;
export const VOICE_MEDIA_TYPES = {
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/webm': 'webm',
} as const;
