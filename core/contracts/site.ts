import { type Static, Type } from 'typebox';

const HhMm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });
export const SessionSchema = Type.Tuple([HhMm, HhMm], {
  description: 'issuing session [start, end), local time',
});
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Issuing hours per weekday: morning/afternoon sessions; a missing day is closed. */
export const WeekHoursSchema = Type.Object(
  Object.fromEntries(
    WEEKDAY_KEYS.map((k) => [k, Type.Optional(Type.Array(SessionSchema, { maxItems: 6 }))]),
  ) as {
    [K in WeekdayKey]: ReturnType<typeof Type.Optional<ReturnType<typeof Type.Array<typeof SessionSchema>>>>;
  },
  { additionalProperties: false },
);
export type WeekHours = Static<typeof WeekHoursSchema>;

const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const CentreSchema = Type.Object({
  province: Type.String({ maxLength: 200 }),
  commune: Type.String({ maxLength: 200 }),
  name: Name,
  address: Type.String({ maxLength: 300 }),
  hotline: Type.String({ maxLength: 100 }),
});
export type Centre = Static<typeof CentreSchema>;

export const ServiceSchema = Type.Object({
  code: Code,
  name: Name,
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  prefix: Type.String({ pattern: '^[A-Z]{1,2}$', description: 'letter prefix of ticket labels, e.g. A' }),
  color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
  dailyCap: Type.Integer({ minimum: 1, maximum: 9999 }),
  hours: WeekHoursSchema,
  active: Type.Boolean(),
});
export type Service = Static<typeof ServiceSchema>;

export const CounterSchema = Type.Object({
  number: Type.Integer({ minimum: 1, maximum: 999 }),
  name: Name,
  services: Type.Array(Code, { minItems: 1 }),
  active: Type.Optional(Type.Boolean()),
});
export type Counter = Static<typeof CounterSchema>;

export const RoleSchema = Type.Union([
  Type.Literal('official'),
  Type.Literal('leader'),
  Type.Literal('admin'),
]);
export type Role = Static<typeof RoleSchema>;

export const SiteOfficialSchema = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9._-]{2,40}$' }),
  displayName: Name,
  agency: Type.String({ maxLength: 200 }),
  role: RoleSchema,
  pin: Type.String({
    minLength: 4,
    maxLength: 128,
    description: 'plain in the site file; hashed (scrypt) when loaded',
  }),
});
export type SiteOfficial = Static<typeof SiteOfficialSchema>;

export const PriorityCategorySchema = Type.Object({
  code: Code,
  name: Name,
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  active: Type.Optional(Type.Boolean()),
});
export type PriorityCategory = Static<typeof PriorityCategorySchema>;

export const PriorityPolicySchema = Type.Object({
  mode: Type.Union([Type.Literal('ratio'), Type.Literal('strict'), Type.Literal('fifo')]),
  normalPerPriority: Type.Integer({
    minimum: 0,
    maximum: 20,
    description: 'ratio: normal tickets called between two priority ones',
  }),
  agingMinutes: Type.Integer({
    minimum: 1,
    maximum: 600,
    description: 'no ticket is passed by one issued this much later',
  }),
});
export type PriorityPolicy = Static<typeof PriorityPolicySchema>;

export const ClosureSchema = Type.Object({
  from: Day,
  to: Day,
  reason: Type.String({ maxLength: 200 }),
});
export const CalendarSchema = Type.Object({
  holidays: Type.Array(Day),
  closures: Type.Array(ClosureSchema),
});
export type Calendar = Static<typeof CalendarSchema>;

/** The JSON site file that seeds an empty database (XEPHANG_SITE). */
export const SiteFileSchema = Type.Object({
  site: Type.Object({ id: Code, name: Name }),
  centre: CentreSchema,
  services: Type.Array(ServiceSchema, { minItems: 1 }),
  counters: Type.Array(CounterSchema, { minItems: 1 }),
  officials: Type.Array(SiteOfficialSchema),
  priorityCategories: Type.Array(PriorityCategorySchema),
  priorityPolicy: PriorityPolicySchema,
  calendar: CalendarSchema,
});
export type SiteFile = Static<typeof SiteFileSchema>;
