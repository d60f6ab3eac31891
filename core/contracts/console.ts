import { type Static, Type } from 'typebox';
import { TicketViewSchema } from './api.js';

/**
 * Read models for the officials' console (GET /api/counters/:n/waiting, GET /api/counters/:n/current,
 * GET /api/me/today). Every response carries the server time `now` so the console can run its timers
 * against the server clock instead of the counter PC's.
 */

const Iso = Type.String({ description: 'ISO 8601 instant' });
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A waiting ticket this counter may call. */
export const WaitingItemSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  service: Type.String(),
  serviceName: Type.String(),
  priority: NullableString,
  priorityName: NullableString,
  issuedAt: Iso,
  waitedMinutes: Type.Integer({ minimum: 0 }),
  /** transferred to this very counter (call-next takes these first) */
  targeted: Type.Boolean(),
  /** it came here by a transfer (from another service or counter) */
  transferred: Type.Boolean(),
});
export type WaitingItem = Static<typeof WaitingItemSchema>;

/** A no-show of today that any official may put back in the queue. */
export const NoShowItemSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  service: Type.String(),
  serviceName: Type.String(),
  priority: NullableString,
  counter: Type.Union([Type.Integer(), Type.Null()]),
  issuedAt: Iso,
  lastCalledAt: Type.Union([Iso, Type.Null()]),
});
export type NoShowItem = Static<typeof NoShowItemSchema>;

export const CounterWaitingSchema = Type.Object({
  counter: Type.Integer(),
  now: Iso,
  /** oldest first; at most `WAITING_LIST_LIMIT` items, `total` counts them all */
  waiting: Type.Array(WaitingItemSchema),
  total: Type.Integer(),
  /** the ticket "call next" would pick now (the ordering policy), if any */
  nextId: Type.Union([Type.Integer(), Type.Null()]),
  /** newest first */
  noShows: Type.Array(NoShowItemSchema),
});
export type CounterWaiting = Static<typeof CounterWaitingSchema>;

export const WAITING_LIST_LIMIT = 100;

export const TransferNoteSchema = Type.Object({
  fromService: NullableString,
  fromCounter: Type.Union([Type.Integer(), Type.Null()]),
  reason: NullableString,
});
export type TransferNote = Static<typeof TransferNoteSchema>;

export const CurrentTicketDetailSchema = Type.Object({
  ...TicketViewSchema.properties,
  serviceName: Type.String(),
  priorityName: NullableString,
  /** issued → first call, in whole seconds */
  waitedSeconds: Type.Integer({ minimum: 0 }),
  /** the last transfer that brought it here, if any */
  transfer: Type.Union([TransferNoteSchema, Type.Null()]),
});
export type CurrentTicketDetail = Static<typeof CurrentTicketDetailSchema>;

export const CounterCurrentSchema = Type.Object({
  counter: Type.Integer(),
  now: Iso,
  ticket: Type.Union([CurrentTicketDetailSchema, Type.Null()]),
  paused: Type.Union([Type.Object({ reason: Type.String(), since: Iso }), Type.Null()]),
});
export type CounterCurrent = Static<typeof CounterCurrentSchema>;

/** Today's own figures of the logged-in official. Aggregates only: never single ratings. */
export const MyTodaySchema = Type.Object({
  day: Type.String({ description: 'local day YYYY-MM-DD' }),
  now: Iso,
  served: Type.Integer({ minimum: 0 }),
  noShows: Type.Integer({ minimum: 0 }),
  avgServiceSeconds: Type.Union([Type.Number(), Type.Null()]),
  /** satisfied / valid ratings in 0..1; null when no ratings yet or ratings are not recorded */
  satisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  ratings: Type.Integer({ minimum: 0, description: 'valid ratings counted in the rate' }),
});
export type MyToday = Static<typeof MyTodaySchema>;
