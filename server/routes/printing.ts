import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { TicketParamsSchema } from '../../core/contracts/api.js';
import { DomainError } from '../../core/domain/errors.js';
import { event } from '../../core/domain/events.js';
import { bitmapToPng } from '../../drivers/printer/index.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';

/** Reprint (staff) and the exact ticket bitmap as PNG (preview in the console). */
export function printingRoutes(fastify: FastifyInstance, d: RouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ticketOf = (id: number) => {
    const t = d.tickets.byId(id);
    if (!t) throw new DomainError('UNKNOWN_TICKET', { ticket: id });
    return t;
  };

  app.post(
    '/api/tickets/:id/reprint',
    { schema: { params: TicketParamsSchema }, preHandler: requireRole('official', 'admin') },
    async (req) => {
      const t = ticketOf(req.params.id);
      const actor = authOf(req).actor;
      await d.queue.record(
        event('reprinted', 0, {
          ticketId: t.id,
          officialId: actor.officialId,
          counter: actor.counter,
          service: t.service,
        }),
      );
      void d.printing.print(t);
      return { label: t.label, print: await d.printing.stateFor(t.id) };
    },
  );

  app.get(
    '/api/tickets/:id/ticket.png',
    { schema: { params: TicketParamsSchema }, preHandler: requireRole() },
    async (req, reply) => {
      const png = bitmapToPng((await d.printing.render(ticketOf(req.params.id))).bitmap);
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  );
}
