import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  RateBodySchema,
  RateResultSchema,
  RatingListQuerySchema,
  RatingListSchema,
  RatingParamsSchema,
  RatingReasonBodySchema,
  RatingSettingsPatchSchema,
  RatingSettingsSchema,
  RatingSummaryQuerySchema,
  RatingSummarySchema,
} from '../../core/contracts/rating-api.js';
import type { DeviceIdentity } from '../../core/contracts/pairing.js';
import { DomainError } from '../../core/domain/errors.js';
import type { DeviceManager } from '../devices/device-manager.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { RatingQueries } from '../services/rating-queries.js';
import type { RatingService } from '../services/rating-service.js';

export interface RatingRouteDeps {
  ratings: RatingService;
  queries: RatingQueries;
  devices: DeviceManager;
}

/** The paired tablet of `counter` (cookie xh_device), or DEVICE_NOT_ALLOWED. */
function tabletOf(req: FastifyRequest, counter?: number): DeviceIdentity {
  const dev = req.device;
  if (dev?.kind !== 'tablet' || (counter !== undefined && dev.counter !== counter)) {
    throw new DomainError('DEVICE_NOT_ALLOWED');
  }
  return dev;
}

export const tabletDeviceId = (dev: DeviceIdentity) => `tablet-${dev.id}`;

/**
 * Ratings. Public: the scale. Paired tablets: rate and add a reason. Staff: aggregates (officials
 * only their own, over whole days). Leaders/admins: single ratings with times. Admins: settings.
 */
export function ratingRoutes(fastify: FastifyInstance, d: RatingRouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/ratings/scale', { schema: { response: { 200: RatingSettingsSchema } } }, async () =>
    d.ratings.settings(),
  );

  app.put(
    '/api/ratings/settings',
    {
      schema: { body: RatingSettingsPatchSchema, response: { 200: RatingSettingsSchema } },
      preHandler: requireRole('admin'),
    },
    async (req) => {
      const settings = await d.ratings.updateSettings(req.body);
      await d.devices.apply();
      return settings;
    },
  );

  app.post(
    '/api/ratings',
    {
      schema: { body: RateBodySchema, response: { 201: RateResultSchema } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const dev = tabletOf(req, req.body.counter);
      const { level, counter, reason } = req.body;
      const out = await d.ratings.rate({
        counter,
        level,
        at: d.ratings.now(),
        source: 'tablet',
        deviceId: tabletDeviceId(dev),
        ...(reason ? { reason } : {}),
      });
      const askReason = out.id !== null && !reason && d.ratings.asksReason(level);
      return reply.status(201).send({ id: out.id, kind: out.decision.kind, label: out.label, askReason });
    },
  );

  app.post(
    '/api/ratings/:id/reason',
    { schema: { params: RatingParamsSchema, body: RatingReasonBodySchema } },
    async (req, reply) => {
      await d.ratings.addReason(req.params.id, tabletDeviceId(tabletOf(req)), req.body.reason);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/ratings',
    {
      schema: { querystring: RatingListQuerySchema, response: { 200: RatingListSchema } },
      preHandler: requireRole('leader', 'admin'),
    },
    async (req) => d.queries.list(req.query),
  );

  app.get(
    '/api/ratings/summary',
    {
      schema: { querystring: RatingSummaryQuerySchema, response: { 200: RatingSummarySchema } },
      preHandler: requireRole(),
    },
    async (req) => d.queries.summary(authOf(req).actor, req.query),
  );
}
