import { type Static, Type } from 'typebox';
import { RatingLevelSchema } from './rating.js';

/** Reports for leaders (GET /api/reports, exports) and the live dashboard (GET /api/dashboard). */

export const ReportGroupSchema = Type.Union([
  Type.Literal('official'),
  Type.Literal('counter'),
  Type.Literal('service'),
  Type.Literal('agency'),
  Type.Literal('day'),
  Type.Literal('hour'),
]);
export type ReportGroup = Static<typeof ReportGroupSchema>;
export const REPORT_GROUPS: readonly ReportGroup[] = [
  'official',
  'counter',
  'service',
  'agency',
  'day',
  'hour',
];

const PresetSchema = Type.Union([
  Type.Literal('day'),
  Type.Literal('week'),
  Type.Literal('month'),
  Type.Literal('quarter'),
  Type.Literal('halfYear'),
  Type.Literal('year'),
]);

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local day YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Int = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const ReportQuerySchema = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  preset: Type.Optional(PresetSchema),
  offset: Type.Optional(Type.Integer({ minimum: -120, maximum: 0, description: '-1 = the previous period' })),
  groupBy: Type.Optional(ReportGroupSchema),
});
export type ReportQuery = Static<typeof ReportQuerySchema>;

export const DurationStatsSchema = Type.Object({
  count: Int,
  avgS: Nullable(Type.Number()),
  medianS: Nullable(Type.Number({ description: 'whole minutes, in seconds' })),
  p90S: Nullable(Type.Number()),
  maxS: Nullable(Type.Number()),
});

export const PausedByReasonSchema = Type.Object({
  break: Type.Number(),
  meeting: Type.Number(),
  fieldWork: Type.Number(),
  other: Type.Number(),
});

export const TimeUseSchema = Type.Object({
  loggedInS: Type.Number(),
  servingS: Type.Number(),
  pausedS: Type.Number(),
  pausedByReasonS: PausedByReasonSchema,
  idleS: Type.Number(),
});
export type TimeUse = Static<typeof TimeUseSchema>;

export const SatisfactionSchema = Type.Object({
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'level → ratings on the current scale' }),
  valid: Int,
  satisfied: Int,
  rate: Rate,
  /** ratings tied to a served visit */
  linked: Int,
  /** linked / served */
  responseRate: Rate,
});

export const ReportRowSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  /** only for service, day, hour and the total: tickets are issued before anyone serves them */
  issued: Nullable(Int),
  served: Int,
  noShows: Int,
  transferred: Int,
  cancelled: Int,
  recalls: Int,
  wait: DurationStatsSchema,
  service: DurationStatsSchema,
  serviceLevel: Type.Object({ within: Int, total: Int, rate: Rate }),
  /** officials' time; null for service and hour rows */
  time: Nullable(TimeUseSchema),
  satisfaction: SatisfactionSchema,
});
export type ReportRow = Static<typeof ReportRowSchema>;

export const ReportSchema = Type.Object({
  period: Type.Object({
    from: Day,
    to: Day,
    label: Type.String(),
    labelEn: Type.String(),
  }),
  groupBy: ReportGroupSchema,
  generatedAt: Type.String(),
  timeZone: Type.String(),
  centre: Type.Object({ name: Type.String(), commune: Type.String(), province: Type.String() }),
  targetWaitMinutes: Type.Integer(),
  scale: Type.Object({ levels: Type.Array(RatingLevelSchema), satisfied: Type.Array(Type.Integer()) }),
  formula: Type.String(),
  formulaEn: Type.String(),
  /** true when an official asked: only their own row and total */
  restricted: Type.Boolean(),
  rows: Type.Array(ReportRowSchema),
  total: ReportRowSchema,
});
export type Report = Static<typeof ReportSchema>;

export const CounterActivitySchema = Type.Union([
  Type.Literal('serving'),
  Type.Literal('idle'),
  Type.Literal('paused'),
  Type.Literal('closed'),
]);

export const LiveAlertSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('longWait'),
    service: Type.String(),
    waitedMinutes: Type.Integer(),
    targetMinutes: Type.Integer(),
    waiting: Type.Integer(),
  }),
  Type.Object({
    kind: Type.Literal('deviceDown'),
    device: Type.String(),
    name: Type.String(),
    state: Type.String(),
  }),
]);

export const DashboardSchema = Type.Object({
  at: Type.String(),
  day: Day,
  timeZone: Type.String(),
  targetWaitMinutes: Type.Integer(),
  services: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      color: Type.String(),
      waiting: Int,
      longestWaitS: Nullable(Int),
    }),
  ),
  longestWait: Nullable(Type.Object({ service: Type.String(), label: Type.String(), seconds: Int })),
  counters: Type.Array(
    Type.Object({
      number: Type.Integer(),
      name: Type.String(),
      activity: CounterActivitySchema,
      official: Nullable(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
      ticket: Nullable(Type.String()),
      pausedReason: Nullable(Type.String()),
      since: Nullable(Type.String()),
    }),
  ),
  today: Type.Object({
    issued: Int,
    served: Int,
    waiting: Int,
    satisfaction: Type.Object({ rate: Rate, valid: Int }),
  }),
  alerts: Type.Array(LiveAlertSchema),
});
export type Dashboard = Static<typeof DashboardSchema>;
