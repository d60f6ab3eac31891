import { type Static, Type } from 'typebox';

/**
 * Rating boxes and their scale. Level numbers run best → worst: level 1 is always the best answer
 * ("Rất hài lòng"), matching key 1 on the common pads. The raw level is stored, never a boolean.
 */

export const FramingSchema = Type.Union(
  [Type.Literal('line'), Type.Literal('byte'), Type.Literal('stx-etx')],
  {
    description: "how bytes become key presses; see docs/rating-boxes.md (default 'line': K<n>\\r\\n)",
  },
);
export type Framing = Static<typeof FramingSchema>;

export const DEFAULT_BAUD_RATE = 9600;
/** A partial frame older than this (ms of silence) is discarded. */
export const DEFAULT_INTER_BYTE_TIMEOUT_MS = 500;

const KeyNumber = Type.Integer({ minimum: 1, maximum: 16 });
const CounterNumber = Type.Integer({ minimum: 1, maximum: 999 });

/** One serial device as configured (path, line settings, framing). */
export const SerialDeviceConfigSchema = Type.Object({
  path: Type.String({
    minLength: 1,
    maxLength: 300,
    description: '/dev/serial/by-path/…, /dev/ttyUSB0 or a udev symlink such as /dev/xephang-box-3',
  }),
  baudRate: Type.Optional(Type.Integer({ minimum: 300, maximum: 921600, default: DEFAULT_BAUD_RATE })),
  framing: Type.Optional(FramingSchema),
  byteMap: Type.Optional(
    Type.Record(Type.String({ pattern: '^(.|0x[0-9a-fA-F]{2})$' }), KeyNumber, {
      description: "byte framing: a one-character key ('1') or a byte value ('0x31') → key number",
    }),
  ),
  addressMap: Type.Optional(
    Type.Record(Type.String({ pattern: '^[0-9]{1,3}$' }), CounterNumber, {
      description: 'stx-etx framing: bus address (decimal) → counter number; absent = address is the counter',
    }),
  ),
  interByteTimeoutMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 10_000 })),
});
export type SerialDeviceConfig = Static<typeof SerialDeviceConfigSchema>;

/** A rating box: a serial device at one counter (or a bus of boxes, one per address). */
export const RatingBoxConfigSchema = Type.Intersect([
  SerialDeviceConfigSchema,
  Type.Object({
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    counter: Type.Optional(CounterNumber),
    keyMap: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{1,2}$' }), Type.Integer({ minimum: 1, maximum: 5 }), {
        description: 'key number → rating level; absent = key n is level n',
      }),
    ),
  }),
]);
export type RatingBoxConfig = Static<typeof RatingBoxConfigSchema>;

export const RatingLevelSchema = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 5, description: '1 = best' }),
  label: Type.String({ minLength: 1, maxLength: 60, description: 'Vietnamese (NFC)' }),
  labelEn: Type.String({ minLength: 1, maxLength: 60 }),
});
export type RatingLevel = Static<typeof RatingLevelSchema>;

export const RatingScaleSchema = Type.Object({
  levels: Type.Array(RatingLevelSchema, { minItems: 2, maxItems: 5 }),
  satisfied: Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), {
    minItems: 1,
    description: 'levels counted as satisfied in the satisfaction rate (default: the top two)',
  }),
});
export type RatingScale = Static<typeof RatingScaleSchema>;

/** One key press turned into a rating level at a counter; `at` is epoch ms. */
export const RatingPressSchema = Type.Object({
  deviceId: Type.String(),
  counter: CounterNumber,
  key: KeyNumber,
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  at: Type.Number(),
  address: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
});
export type RatingPress = Static<typeof RatingPressSchema>;
