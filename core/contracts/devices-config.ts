import { type Static, Type } from 'typebox';
import { PrinterSettingsSchema as PrintingSettingsSchema } from './printing.js';
import { DeviceKindSchema, DeviceStatusSchema } from './devices.js';
import { SerialDeviceConfigSchema } from './rating.js';

/**
 * Device configuration as stored in the `devices` table (one row per printer, rating box or
 * ticket-button pad) and edited by admins through /api/devices. Changes apply live.
 */

export const DeviceIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
const Code = Type.String({ minLength: 1, maxLength: 32 });
const KeyNumber = Type.String({ pattern: '^[0-9]{1,2}$' });

/** `config` of a `ratingBox` row: the serial line, framing and key → level map. */
export const RatingBoxSettingsSchema = Type.Intersect([
  SerialDeviceConfigSchema,
  Type.Object({
    keyMap: Type.Optional(
      Type.Record(KeyNumber, Type.Integer({ minimum: 1, maximum: 5 }), {
        description: 'key number → rating level; absent = key n is level n',
      }),
    ),
  }),
]);
export type RatingBoxSettings = Static<typeof RatingBoxSettingsSchema>;

/** What one ticket button issues. */
export const TicketButtonKeySchema = Type.Object(
  {
    service: Code,
    priority: Type.Optional(Type.Union([Code, Type.Null()])),
  },
  { additionalProperties: false },
);
export type TicketButtonKey = Static<typeof TicketButtonKeySchema>;

export const DEFAULT_BUTTON_MIN_INTERVAL_MS = 1500;
export const DEFAULT_BUTTON_MAX_PER_MINUTE = 20;

/** `config` of a `ticketButtons` row: a serial keypad whose keys issue tickets like the kiosk. */
export const TicketButtonsSettingsSchema = Type.Intersect([
  SerialDeviceConfigSchema,
  Type.Object({
    keys: Type.Record(KeyNumber, TicketButtonKeySchema, {
      description: 'key number → service (and priority)',
    }),
    minIntervalMs: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 60_000,
        description: `per device; default ${DEFAULT_BUTTON_MIN_INTERVAL_MS}`,
      }),
    ),
    maxPerMinute: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 600,
        description: `per device; default ${DEFAULT_BUTTON_MAX_PER_MINUTE}`,
      }),
    ),
  }),
]);
export type TicketButtonsSettings = Static<typeof TicketButtonsSettingsSchema>;

/**
 * `config` of a `printer` row: the printing settings of core/contracts/printing.ts, where only the
 * URI is required (XEPHANG_PRINTER format); missing fields take the printing defaults.
 */
export const PrinterSettingsSchema = Type.Intersect([
  Type.Partial(PrintingSettingsSchema),
  Type.Object({ uri: Type.String({ minLength: 1, maxLength: 300, description: 'e.g. usblp:/dev/usb/lp0' }) }),
]);
export type PrinterSettings = Static<typeof PrinterSettingsSchema>;

/** One row of the `devices` table as the API shows it, with its live status when running. */
export const DeviceViewSchema = Type.Object({
  id: DeviceIdSchema,
  kind: DeviceKindSchema,
  name: Type.String(),
  counter: Type.Union([Type.Integer(), Type.Null()]),
  config: Type.Record(Type.String(), Type.Unknown()),
  active: Type.Boolean(),
  updatedAt: Type.String({ description: 'ISO 8601 instant' }),
  status: Type.Optional(DeviceStatusSchema),
});
export type DeviceView = Static<typeof DeviceViewSchema>;

export const DeviceListSchema = Type.Object({ devices: Type.Array(DeviceViewSchema) });

/** PUT /api/devices/:id — create or replace; `config` is checked against the kind's schema. */
export const DeviceUpsertBodySchema = Type.Object(
  {
    kind: DeviceKindSchema,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    counter: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.Null()])),
    config: Type.Record(Type.String(), Type.Unknown()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DeviceUpsertBody = Static<typeof DeviceUpsertBodySchema>;

export const DeviceParamsSchema = Type.Object({ id: DeviceIdSchema });
