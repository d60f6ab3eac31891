import { type Static, Type } from 'typebox';
import { CentreSchema } from './site.js';

const Iso = Type.String();

export const ServiceStateSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  prefix: Type.String(),
  color: Type.String(),
  waiting: Type.Integer(),
  active: Type.Boolean(),
  open: Type.Boolean(),
  closedReason: Type.Union([Type.String(), Type.Null()]),
  opensAt: Type.Union([Iso, Type.Null()]),
  closesAt: Type.Union([Iso, Type.Null()]),
  capReached: Type.Boolean(),
});
export type ServiceState = Static<typeof ServiceStateSchema>;

export const CurrentTicketSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  service: Type.String(),
  status: Type.Union([Type.Literal('called'), Type.Literal('serving')]),
  calledAt: Iso,
  priority: Type.Union([Type.String(), Type.Null()]),
});

export const CounterStateSchema = Type.Object({
  number: Type.Integer(),
  name: Type.String(),
  services: Type.Array(Type.String()),
  official: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
  paused: Type.Union([Type.Object({ reason: Type.String(), since: Iso }), Type.Null()]),
  current: Type.Union([CurrentTicketSchema, Type.Null()]),
});
export type CounterState = Static<typeof CounterStateSchema>;

export const CallSchema = Type.Object({
  ticketId: Type.Integer(),
  label: Type.String(),
  counter: Type.Integer(),
  service: Type.String(),
  calledAt: Iso,
  recall: Type.Boolean(),
});
export type Call = Static<typeof CallSchema>;

/** Everything a screen needs to draw itself; sent on every (re)connect. */
export const QueueSnapshotSchema = Type.Object({
  version: Type.String({ description: 'server app version; screens reload when it changes' }),
  at: Iso,
  timeZone: Type.String(),
  centre: CentreSchema,
  services: Type.Array(ServiceStateSchema),
  counters: Type.Array(CounterStateSchema),
  recentCalls: Type.Array(CallSchema),
});
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>;

export const WaitingCountsSchema = Type.Object({
  services: Type.Record(Type.String(), Type.Integer()),
});
export type WaitingCounts = Static<typeof WaitingCountsSchema>;
