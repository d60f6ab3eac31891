import { type Static, Type } from 'typebox';
import { ERROR_CODES } from '../domain/errors.js';
import { TICKET_STATUSES } from '../domain/ticket.js';
import { RoleSchema } from './site.js';

const Code = Type.String({ minLength: 1, maxLength: 32 });
const Iso = Type.String({ description: 'ISO 8601 instant' });
const Reason = Type.String({ minLength: 1, maxLength: 300 });

export const ErrorBodySchema = Type.Object({
  code: Type.Enum(ERROR_CODES),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;

export const IssueTicketBodySchema = Type.Object(
  {
    service: Code,
    priority: Type.Optional(Type.Union([Code, Type.Null()])),
    requestId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' })),
    /** the kiosk's: answer once the paper is out (or failed), at most 3 s after the commit */
    waitForPrint: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IssueTicketBody = Static<typeof IssueTicketBodySchema>;

export const TicketStatusSchema = Type.Enum(TICKET_STATUSES);

export const IssuedTicketSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  service: Type.String(),
  serviceName: Type.String(),
  priority: Type.Union([Type.String(), Type.Null()]),
  ahead: Type.Integer(),
  issuedAt: Iso,
  statusUrl: Type.String(),
  print: Type.Optional(
    Type.Object({
      state: Type.Union([
        Type.Literal('printed'),
        Type.Literal('failed'),
        Type.Literal('queued'),
        Type.Literal('disabled'),
      ]),
      reason: Type.Optional(Type.String()),
    }),
  ),
});
export type IssuedTicket = Static<typeof IssuedTicketSchema>;

/** A ticket as officials and displays see it. */
export const TicketViewSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  service: Type.String(),
  priority: Type.Union([Type.String(), Type.Null()]),
  status: TicketStatusSchema,
  issuedAt: Iso,
  firstCalledAt: Type.Union([Iso, Type.Null()]),
  lastCalledAt: Type.Union([Iso, Type.Null()]),
  startedAt: Type.Union([Iso, Type.Null()]),
  finishedAt: Type.Union([Iso, Type.Null()]),
  counter: Type.Union([Type.Integer(), Type.Null()]),
  targetCounter: Type.Union([Type.Integer(), Type.Null()]),
  recalls: Type.Integer(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
});
export type TicketView = Static<typeof TicketViewSchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    pin: Type.String({ minLength: 1, maxLength: 128 }),
    counter: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    takeover: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

export const SessionViewSchema = Type.Object({
  official: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    agency: Type.String(),
  }),
  counter: Type.Union([Type.Integer(), Type.Null()]),
  csrfToken: Type.String({ description: 'send back as the x-csrf-token header on every state change' }),
  expiresAt: Iso,
});
export type SessionView = Static<typeof SessionViewSchema>;

export const CallTicketBodySchema = Type.Object(
  { ticket: Type.String({ minLength: 1, maxLength: 12 }) },
  { additionalProperties: false },
);
export const TransferBodySchema = Type.Object(
  {
    service: Type.Optional(Code),
    counter: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    reason: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBodySchema>;
export const ReasonBodySchema = Type.Object({ reason: Reason }, { additionalProperties: false });
export const FinishBodySchema = Type.Object(
  { dossierCode: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
export const CounterParamsSchema = Type.Object({ n: Type.Integer({ minimum: 1, maximum: 999 }) });
export const TicketParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const TicketResultSchema = Type.Object({ ticket: TicketViewSchema });
