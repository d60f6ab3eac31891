import { type Static, Type } from 'typebox';
import {
  CalendarSchema,
  CentreSchema,
  CounterSchema,
  PriorityCategorySchema,
  PriorityPolicySchema,
  RoleSchema,
  ServiceSchema,
  WeekHoursSchema,
} from './site.js';

/**
 * Site administration (role admin): bodies and answers of /api/admin/*. Every change is committed
 * with an `audit` row and applied live (screens and kiosks get a fresh `queue:snapshot`).
 */

const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const Name = Type.String({ minLength: 1, maxLength: 200 });

/** Everything the admin page edits about the site, inactive rows included. */
export const AdminSiteSchema = Type.Object({
  centre: CentreSchema,
  services: Type.Array(ServiceSchema),
  counters: Type.Array(CounterSchema),
  categories: Type.Array(PriorityCategorySchema),
  policy: PriorityPolicySchema,
  calendar: CalendarSchema,
});
export type AdminSite = Static<typeof AdminSiteSchema>;

export const CodeParamsSchema = Type.Object({ code: Code });
export const NumberParamsSchema = Type.Object({ n: Type.Integer({ minimum: 1, maximum: 999 }) });
export const IdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** PUT /api/admin/services/:code — any subset (the code never changes: tickets refer to it). */
export const ServicePatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    nameEn: Type.Optional(Type.String({ maxLength: 200 })),
    prefix: Type.Optional(Type.String({ pattern: '^[A-Z]{1,2}$' })),
    color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    dailyCap: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })),
    hours: Type.Optional(WeekHoursSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ServicePatch = Static<typeof ServicePatchSchema>;

export const CounterPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    services: Type.Optional(Type.Array(Code, { minItems: 1 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CounterPatch = Static<typeof CounterPatchSchema>;

export const CategoryPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    nameEn: Type.Optional(Type.String({ maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryPatch = Static<typeof CategoryPatchSchema>;

/** An official as the admin sees it (never the PIN hash). */
export const OfficialViewSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  agency: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type OfficialView = Static<typeof OfficialViewSchema>;
export const OfficialListSchema = Type.Object({ officials: Type.Array(OfficialViewSchema) });

const Pin = Type.String({ minLength: 1, maxLength: 128 });

export const OfficialCreateSchema = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{2,40}$' }),
    displayName: Name,
    agency: Type.String({ maxLength: 200 }),
    role: RoleSchema,
    pin: Pin,
  },
  { additionalProperties: false },
);
export type OfficialCreate = Static<typeof OfficialCreateSchema>;

export const OfficialPatchSchema = Type.Object(
  {
    displayName: Type.Optional(Name),
    agency: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    /** clears a lockout after repeated wrong PINs */
    unlock: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type OfficialPatch = Static<typeof OfficialPatchSchema>;

export const PinResetSchema = Type.Object({ pin: Pin }, { additionalProperties: false });

export const AuditQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  /** entries with an id below this one (the next page) */
  before: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** One audited change: who, what, when, before and after. */
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO 8601 instant' }),
  officialId: Type.Union([Type.Integer(), Type.Null()]),
  officialName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;
export const AuditListSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  /** pass as `before` for older entries; null at the end */
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditList = Static<typeof AuditListSchema>;

export { MIN_PIN } from './admin-rules.js';
export {
  CalendarSchema,
  CentreSchema,
  CounterSchema,
  PriorityCategorySchema,
  PriorityPolicySchema,
  ServiceSchema,
};
