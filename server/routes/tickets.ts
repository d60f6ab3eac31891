import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  IssuedTicketSchema,
  IssueTicketBodySchema,
  ReasonBodySchema,
  TicketParamsSchema,
  TicketResultSchema,
} from '../../core/contracts/api.js';
import { DomainError } from '../../core/domain/errors.js';
import { authOf, requireDevice, requireRole } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';
import { ticketView } from '../services/views.js';

export function ticketRoutes(fastify: FastifyInstance, d: RouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const limit = d.config.issueRateLimit
    ? { rateLimit: { max: d.config.issueRateLimit, timeWindow: '1 minute' } }
    : { rateLimit: false as const };

  app.post(
    '/api/tickets',
    {
      schema: { body: IssueTicketBodySchema, response: { 200: IssuedTicketSchema, 201: IssuedTicketSchema } },
      preHandler: requireDevice(d.deviceAllowed),
      config: limit,
    },
    async (req, reply) => {
      const { waitForPrint, ...body } = req.body;
      const { ticket, created } = await d.queue.issue(body);
      // The ticket is committed. A kiosk asks to hear whether the paper came out (bounded wait);
      // other clients (buttons, integrations) get the answer at once, the print still follows.
      const print = await d.printing.stateFor(ticket.id, waitForPrint ? undefined : 0);
      return reply.status(created ? 201 : 200).send({ ...ticket, print });
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      schema: { params: TicketParamsSchema, response: { 200: TicketResultSchema } },
      preHandler: requireRole(),
    },
    async (req) => {
      const t = d.tickets.byId(req.params.id);
      if (!t) throw new DomainError('UNKNOWN_TICKET', { ticket: req.params.id });
      return { ticket: ticketView(t) };
    },
  );

  app.post(
    '/api/tickets/:id/return',
    {
      schema: { params: TicketParamsSchema, response: { 200: TicketResultSchema } },
      preHandler: requireRole('official', 'admin'),
    },
    async (req) => ({ ticket: ticketView(await d.queue.byId(req.params.id, authOf(req).actor, 'return')) }),
  );

  app.post(
    '/api/tickets/:id/cancel',
    {
      schema: { params: TicketParamsSchema, body: ReasonBodySchema, response: { 200: TicketResultSchema } },
      preHandler: requireRole('official', 'admin'),
    },
    async (req) => ({
      ticket: ticketView(await d.queue.byId(req.params.id, authOf(req).actor, 'cancel', req.body.reason)),
    }),
  );
}
