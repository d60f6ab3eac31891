import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  DayStatusSchema,
  EndDayResultSchema,
  PrintTestSchema,
  TicketSearchQuerySchema,
  TicketSearchSchema,
} from '../../core/contracts/admin-ops.js';
import { ReasonBodySchema, TicketParamsSchema, TicketResultSchema } from '../../core/contracts/api.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { AdminDayService } from '../services/admin-day-service.js';

/** Day operations (admins): close issuing early / reopen, end the day, find, reprint, cancel; printer test. */
export function adminDayRoutes(fastify: FastifyInstance, d: { day: AdminDayService }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');
  const by = (req: Parameters<typeof authOf>[0]) => authOf(req).official.id;
  const status = { schema: { response: { 200: DayStatusSchema } }, preHandler };

  app.get('/api/admin/day', status, async () => d.day.status());
  app.post('/api/admin/day/close-early', status, async (req) => d.day.setClosedEarly(by(req), true));
  app.post('/api/admin/day/reopen', status, async (req) => d.day.setClosedEarly(by(req), false));
  app.post(
    '/api/admin/day/end',
    { schema: { response: { 200: EndDayResultSchema } }, preHandler },
    async (req) => d.day.endDay(by(req)),
  );
  app.get(
    '/api/admin/tickets',
    { schema: { querystring: TicketSearchQuerySchema, response: { 200: TicketSearchSchema } }, preHandler },
    async (req) => ({ tickets: d.day.search(req.query.label, req.query.day) }),
  );
  app.post(
    '/api/admin/tickets/:id/cancel',
    {
      schema: { params: TicketParamsSchema, body: ReasonBodySchema, response: { 200: TicketResultSchema } },
      preHandler,
    },
    async (req) => ({ ticket: await d.day.cancel(by(req), req.params.id, req.body.reason) }),
  );
  app.post(
    '/api/admin/tickets/:id/reprint',
    { schema: { params: TicketParamsSchema }, preHandler },
    async (req) => d.day.reprint(by(req), req.params.id),
  );
  app.post(
    '/api/admin/printer/test',
    { schema: { response: { 200: PrintTestSchema } }, preHandler },
    async () => ({
      outcome: await d.day.printTest(),
    }),
  );
}
