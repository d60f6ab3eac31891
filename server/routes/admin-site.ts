import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  AdminSiteSchema,
  CalendarSchema,
  CategoryPatchSchema,
  CentreSchema,
  CodeParamsSchema,
  CounterPatchSchema,
  CounterSchema,
  NumberParamsSchema,
  PriorityCategorySchema,
  PriorityPolicySchema,
  ServicePatchSchema,
  ServiceSchema,
} from '../../core/contracts/admin.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { AdminCounterService } from '../services/admin-counter-service.js';
import type { AdminSiteService } from '../services/admin-site-service.js';

const by = (req: Parameters<typeof authOf>[0]) => authOf(req).official.id;
const created = <T>(reply: FastifyReply, v: T) => reply.status(201).send(v);

/** Centre, services, counters, priority categories and policy, calendar (admins; applied live). */
export function adminSiteRoutes(
  fastify: FastifyInstance,
  d: { site: AdminSiteService; counters: AdminCounterService },
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');
  const { site, counters } = d;

  app.get('/api/admin/site', { schema: { response: { 200: AdminSiteSchema } }, preHandler }, async () =>
    site.view(),
  );
  app.put('/api/admin/centre', { schema: { body: CentreSchema }, preHandler }, async (req) =>
    site.updateCentre(by(req), req.body),
  );
  app.put('/api/admin/priority-policy', { schema: { body: PriorityPolicySchema }, preHandler }, async (req) =>
    site.updatePolicy(by(req), req.body),
  );
  app.put('/api/admin/calendar', { schema: { body: CalendarSchema }, preHandler }, async (req) =>
    site.updateCalendar(by(req), req.body),
  );

  app.post('/api/admin/services', { schema: { body: ServiceSchema }, preHandler }, async (req, reply) =>
    created(reply, await site.createService(by(req), req.body)),
  );
  app.put(
    '/api/admin/services/:code',
    { schema: { params: CodeParamsSchema, body: ServicePatchSchema }, preHandler },
    async (req) => site.updateService(by(req), req.params.code, req.body),
  );
  app.delete(
    '/api/admin/services/:code',
    { schema: { params: CodeParamsSchema }, preHandler },
    async (req, reply) => {
      await site.deleteService(by(req), req.params.code);
      return reply.status(204).send();
    },
  );

  app.post('/api/admin/counters', { schema: { body: CounterSchema }, preHandler }, async (req, reply) =>
    created(reply, await counters.createCounter(by(req), req.body)),
  );
  app.put(
    '/api/admin/counters/:n',
    { schema: { params: NumberParamsSchema, body: CounterPatchSchema }, preHandler },
    async (req) => counters.updateCounter(by(req), req.params.n, req.body),
  );
  app.delete(
    '/api/admin/counters/:n',
    { schema: { params: NumberParamsSchema }, preHandler },
    async (req, reply) => {
      await counters.deleteCounter(by(req), req.params.n);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/admin/priority-categories',
    { schema: { body: PriorityCategorySchema }, preHandler },
    async (req, reply) => created(reply, await counters.createCategory(by(req), req.body)),
  );
  app.put(
    '/api/admin/priority-categories/:code',
    { schema: { params: CodeParamsSchema, body: CategoryPatchSchema }, preHandler },
    async (req) => counters.updateCategory(by(req), req.params.code, req.body),
  );
  app.delete(
    '/api/admin/priority-categories/:code',
    { schema: { params: CodeParamsSchema }, preHandler },
    async (req, reply) => {
      await counters.deleteCategory(by(req), req.params.code);
      return reply.status(204).send();
    },
  );
}
