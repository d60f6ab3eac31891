import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CounterParamsSchema } from '../../core/contracts/api.js';
import { CounterCurrentSchema, CounterWaitingSchema, MyTodaySchema } from '../../core/contracts/console.js';
import type { Clock } from '../../core/domain/clock.js';
import { SessionRepo } from '../db/session-repo.js';
import type { Db } from '../db/open.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import { ConsoleViewService } from '../services/console-view-service.js';
import type { RouteDeps } from './deps.js';

/**
 * Read routes of the officials' console. The counter views are for the official holding counter n
 * through this session, or an admin; today's figures are the caller's own.
 */
export function consoleViewRoutes(fastify: FastifyInstance, d: RouteDeps, x: { db: Db; clock: Clock }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const views = new ConsoleViewService({
    db: x.db,
    clock: x.clock,
    catalog: d.catalog,
    tickets: d.tickets,
    sessions: new SessionRepo(x.db),
  });
  const staff = requireRole('official', 'admin');
  const params = CounterParamsSchema;
  const holderOrAdmin = async (req: FastifyRequest) => {
    const { actor } = authOf(req);
    if (actor.role !== 'admin') d.queue.requireHolder((req.params as { n: number }).n, actor);
  };

  app.get(
    '/api/counters/:n/waiting',
    { schema: { params, response: { 200: CounterWaitingSchema } }, preHandler: [staff, holderOrAdmin] },
    async (req) => views.waiting(req.params.n),
  );

  app.get(
    '/api/counters/:n/current',
    { schema: { params, response: { 200: CounterCurrentSchema } }, preHandler: [staff, holderOrAdmin] },
    async (req) => views.current(req.params.n),
  );

  app.get(
    '/api/me/today',
    { schema: { response: { 200: MyTodaySchema } }, preHandler: requireRole() },
    async (req) => views.myToday(authOf(req).official.id),
  );
}
