import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  CurrentDeviceSchema,
  DEVICE_COOKIE,
  PairBodySchema,
  PairedDeviceListSchema,
  PairedDeviceParamsSchema,
  PairingCodeBodySchema,
  PairingCodeSchema,
} from '../../core/contracts/pairing.js';
import type { Config } from '../config.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { PairingService } from '../services/pairing-service.js';

const TEN_YEARS_S = 10 * 365 * 24 * 3600;

/** Resolves the `xh_device` cookie on every request into `req.device` (null when absent or revoked). */
export function installPairedDevices(app: FastifyInstance, pairing: PairingService): void {
  app.decorateRequest('device', null);
  app.addHook('onRequest', async (req) => {
    req.device = pairing.identify(req.cookies[DEVICE_COOKIE]);
  });
}

/** Pairing codes (admins; officials for their counter's tablet), pairing, listing and revoking. */
export function pairingRoutes(
  fastify: FastifyInstance,
  d: { pairing: PairingService; config: Config },
): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireRole('admin');

  app.post(
    '/api/pairing-codes',
    {
      schema: { body: PairingCodeBodySchema, response: { 201: PairingCodeSchema } },
      preHandler: requireRole('official', 'admin'),
    },
    async (req, reply) => reply.status(201).send(await d.pairing.createCode(req.body, authOf(req).actor)),
  );

  app.post(
    '/api/pair',
    {
      schema: { body: PairBodySchema, response: { 201: CurrentDeviceSchema } },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, device } = await d.pairing.pair(req.body);
      reply.setCookie(DEVICE_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: d.config.publicUrl.startsWith('https:'),
        maxAge: TEN_YEARS_S,
      });
      return reply.status(201).send({ device });
    },
  );

  app.get(
    '/api/paired-devices/current',
    { schema: { response: { 200: CurrentDeviceSchema } } },
    async (req) => ({
      device: d.pairing.current(req.cookies[DEVICE_COOKIE]),
    }),
  );

  app.get(
    '/api/paired-devices',
    { schema: { response: { 200: PairedDeviceListSchema } }, preHandler: admin },
    async () => ({
      devices: d.pairing.list(),
    }),
  );

  app.delete(
    '/api/paired-devices/:id',
    { schema: { params: PairedDeviceParamsSchema }, preHandler: admin },
    async (req, reply) => {
      await d.pairing.revoke(req.params.id);
      return reply.status(204).send();
    },
  );
}
