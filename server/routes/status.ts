import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { TicketPublicStatusSchema, TicketTokenParamsSchema } from '../../core/contracts/status.js';
import { StatusService } from '../services/status-service.js';
import type { RouteDeps } from './deps.js';

/**
 * GET /api/t/:token — the citizen's status page (the QR on the ticket). Public: no device check,
 * since citizens open it on their own phones; the unguessable token is the only key.
 */
export function statusRoutes(fastify: FastifyInstance, d: RouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const status = new StatusService({ catalog: d.catalog, tickets: d.tickets, snapshot: d.snapshot });
  app.get(
    '/api/t/:token',
    { schema: { params: TicketTokenParamsSchema, response: { 200: TicketPublicStatusSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return status.byToken(req.params.token);
    },
  );
}
