import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  IdParamsSchema,
  OfficialCreateSchema,
  OfficialListSchema,
  OfficialPatchSchema,
  OfficialViewSchema,
  PinResetSchema,
} from '../../core/contracts/admin.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { AdminOfficialsService } from '../services/admin-officials-service.js';
import type { AdminPrivacy } from '../services/admin-privacy.js';

/**
 * Officials (admins): create with a PIN, reset a PIN, change role/agency, deactivate; the
 * data-protection export and anonymisation of one official (docs/data-protection.md).
 */
export function adminOfficialRoutes(
  fastify: FastifyInstance,
  d: { officials: AdminOfficialsService; privacy: AdminPrivacy },
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');
  const by = (req: Parameters<typeof authOf>[0]) => authOf(req).official.id;

  app.get(
    '/api/admin/officials',
    { schema: { response: { 200: OfficialListSchema } }, preHandler },
    async () => ({
      officials: d.officials.list(),
    }),
  );
  app.post(
    '/api/admin/officials',
    { schema: { body: OfficialCreateSchema, response: { 201: OfficialViewSchema } }, preHandler },
    async (req, reply) => reply.status(201).send(await d.officials.create(by(req), req.body)),
  );
  app.put(
    '/api/admin/officials/:id',
    {
      schema: { params: IdParamsSchema, body: OfficialPatchSchema, response: { 200: OfficialViewSchema } },
      preHandler,
    },
    async (req) => d.officials.update(by(req), req.params.id, req.body),
  );
  app.post(
    '/api/admin/officials/:id/pin',
    {
      schema: { params: IdParamsSchema, body: PinResetSchema, response: { 200: OfficialViewSchema } },
      preHandler,
    },
    async (req) => d.officials.resetPin(by(req), req.params.id, req.body.pin),
  );
  app.get(
    '/api/admin/officials/:id/export',
    { schema: { params: IdParamsSchema }, preHandler },
    async (req, reply) => {
      const data = await d.privacy.exportOfficial(by(req), req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="xephang-official-${req.params.id}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
  app.post(
    '/api/admin/officials/:id/anonymise',
    { schema: { params: IdParamsSchema, response: { 200: OfficialViewSchema } }, preHandler },
    async (req) => d.privacy.anonymise(by(req), req.params.id),
  );
}
