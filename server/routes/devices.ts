import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  DeviceListSchema,
  DeviceParamsSchema,
  DeviceUpsertBodySchema,
  DeviceViewSchema,
} from '../../core/contracts/devices-config.js';
import type { DeviceService } from '../devices/device-service.js';
import { requireRole } from '../http/auth-hooks.js';

/** Device configuration (admins): list with live status, create/replace (applied live), delete. */
export function deviceRoutes(fastify: FastifyInstance, d: { devices: DeviceService }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireRole('admin');

  app.get(
    '/api/devices',
    { schema: { response: { 200: DeviceListSchema } }, preHandler: admin },
    async () => ({
      devices: d.devices.list(),
    }),
  );

  app.put(
    '/api/devices/:id',
    {
      schema: {
        params: DeviceParamsSchema,
        body: DeviceUpsertBodySchema,
        response: { 200: DeviceViewSchema },
      },
      preHandler: admin,
    },
    async (req) => d.devices.upsert(req.params.id, req.body),
  );

  app.delete(
    '/api/devices/:id',
    { schema: { params: DeviceParamsSchema }, preHandler: admin },
    async (req, reply) => {
      await d.devices.remove(req.params.id);
      return reply.status(204).send();
    },
  );
}
