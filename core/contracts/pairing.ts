import { type Static, Type } from 'typebox';

/**
 * Pairing browsers that are not staff (kiosks, rating tablets, counter/lobby screens): an admin
 * (or the official at a counter, for that counter's tablet) makes a one-time 6-digit code; the
 * device enters it once and keeps a long-lived httpOnly cookie `xh_device`.
 */

export const DEVICE_COOKIE = 'xh_device';
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export const PairedKindSchema = Type.Union([
  Type.Literal('kiosk'),
  Type.Literal('tablet'),
  Type.Literal('screen'),
]);
export type PairedKind = Static<typeof PairedKindSchema>;

const Counter = Type.Integer({ minimum: 1, maximum: 999 });

export const PairingCodeBodySchema = Type.Object(
  {
    kind: PairedKindSchema,
    counter: Type.Optional(Counter),
  },
  { additionalProperties: false },
);
export type PairingCodeBody = Static<typeof PairingCodeBodySchema>;

export const PairingCodeSchema = Type.Object({
  code: Type.String({ pattern: '^[0-9]{6}$' }),
  kind: PairedKindSchema,
  counter: Type.Union([Counter, Type.Null()]),
  expiresAt: Type.String({ description: 'ISO 8601 instant' }),
});
export type PairingCode = Static<typeof PairingCodeSchema>;

export const PairBodySchema = Type.Object(
  {
    code: Type.String({ pattern: '^\\s*[0-9]{3}\\s?[0-9]{3}\\s*$' }),
    name: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export type PairBody = Static<typeof PairBodySchema>;

/** A paired device as the device itself and admins see it (never its token). */
export const PairedDeviceSchema = Type.Object({
  id: Type.Integer(),
  kind: PairedKindSchema,
  name: Type.String(),
  counter: Type.Union([Counter, Type.Null()]),
  createdAt: Type.String(),
  lastSeenAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export type PairedDevice = Static<typeof PairedDeviceSchema>;

export const PairedDeviceListSchema = Type.Object({ devices: Type.Array(PairedDeviceSchema) });
export const CurrentDeviceSchema = Type.Object({ device: Type.Union([PairedDeviceSchema, Type.Null()]) });
export type CurrentDevice = Static<typeof CurrentDeviceSchema>;
export const PairedDeviceParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** What a request knows about the paired device that sent it (set from the cookie). */
export interface DeviceIdentity {
  id: number;
  kind: PairedKind;
  counter: number | null;
  name: string;
}
