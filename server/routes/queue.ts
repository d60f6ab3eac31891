import type { FastifyInstance } from 'fastify';
import { requireDevice } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';

/** Public read models: services for kiosks, the queue snapshot for screens, health for systemd. */
export function queueRoutes(app: FastifyInstance, d: RouteDeps): void {
  const device = requireDevice(d.deviceAllowed);
  app.get('/api/services', { preHandler: device }, async () => ({
    services: d.snapshot.services(),
    priorityCategories: d.catalog.site.categories
      .filter((c) => c.active !== false)
      .map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn ?? null })),
  }));
  app.get('/api/queue', { preHandler: device }, async () => d.snapshot.snapshot());
  app.get('/api/health', { config: { rateLimit: false } }, async () => d.health.report());
}
