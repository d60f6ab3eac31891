import { type Static, Type } from 'typebox';

/** Printer states read from DLE EOT (silence is `unknown`, never an error). */
export const PrinterStateSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('paperNearEnd'),
  Type.Literal('paperOut'),
  Type.Literal('coverOpen'),
  Type.Literal('offline'),
  Type.Literal('unknown'),
]);
export type PrinterState = Static<typeof PrinterStateSchema>;

/** Serial device link states (rating boxes, ticket buttons). */
export const SerialStateSchema = Type.Union([
  Type.Literal('connected'),
  Type.Literal('disconnected'),
  Type.Literal('error'),
]);
export type SerialState = Static<typeof SerialStateSchema>;

export const DeviceKindSchema = Type.Union([
  Type.Literal('printer'),
  Type.Literal('ratingBox'),
  Type.Literal('ticketButtons'),
]);
export type DeviceKind = Static<typeof DeviceKindSchema>;

/** One device's live status, as shown in /api/health and sent as `device:status`. */
export const DeviceStatusSchema = Type.Object({
  id: Type.String(),
  kind: DeviceKindSchema,
  name: Type.String(),
  state: Type.Union([PrinterStateSchema, SerialStateSchema, Type.Literal('disabled')]),
  lastError: Type.Optional(Type.String()),
  since: Type.String({ description: 'ISO time of the last state change' }),
  counters: Type.Optional(Type.Record(Type.String(), Type.Number())),
});
export type DeviceStatus = Static<typeof DeviceStatusSchema>;
