import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DeviceService } from '../devices/device-service.js';
import type { AdminChanges } from './admin-changes.js';
import type { PairingService } from './pairing-service.js';
import type { RatingService } from './rating-service.js';

interface Watched {
  method: string;
  url: string;
  action: string;
  target: (req: FastifyRequest) => string;
  before?: (req: FastifyRequest) => unknown;
  after?: (req: FastifyRequest) => unknown;
}

const idOf = (req: FastifyRequest) => String((req.params as { id?: unknown }).id ?? '');

/**
 * Audits the admin changes made through routes of other modules (devices, pairing, rating settings),
 * which commit on their own: the state before is read as the request arrives, and an audit row is
 * written once the change succeeded (2xx) — a second transaction right after the change's own.
 */
export function auditOtherAdminRoutes(
  app: FastifyInstance,
  d: { changes: AdminChanges; devices: DeviceService; pairing: PairingService; ratings: RatingService },
): void {
  const device = (req: FastifyRequest) => {
    const found = d.devices.list().find((x) => x.id === idOf(req));
    if (!found) return null;
    const { status: _live, ...row } = found;
    return row;
  };
  const watched: Watched[] = [
    {
      method: 'PUT',
      url: '/api/devices/:id',
      action: 'device.put',
      target: (r) => `device:${idOf(r)}`,
      before: device,
      after: (r) => r.body,
    },
    {
      method: 'DELETE',
      url: '/api/devices/:id',
      action: 'device.delete',
      target: (r) => `device:${idOf(r)}`,
      before: device,
    },
    {
      method: 'DELETE',
      url: '/api/paired-devices/:id',
      action: 'pairedDevice.revoke',
      target: (r) => `pairedDevice:${idOf(r)}`,
      before: (r) => d.pairing.list().find((x) => String(x.id) === idOf(r)) ?? null,
    },
    {
      method: 'POST',
      url: '/api/pairing-codes',
      action: 'pairingCode.create',
      target: () => 'pairing',
      after: (r) => r.body,
    },
    {
      method: 'PUT',
      url: '/api/ratings/settings',
      action: 'settings.rating',
      target: () => 'settings:rating',
      before: () => d.ratings.settings(),
      after: () => d.ratings.settings(),
    },
  ];
  const find = (req: FastifyRequest) =>
    watched.find((w) => w.method === req.method && w.url === req.routeOptions.url);
  const before = new WeakMap<FastifyRequest, unknown>();

  app.addHook('preHandler', async (req) => {
    const w = find(req);
    if (w?.before) before.set(req, w.before(req));
  });
  app.addHook('onResponse', async (req, reply) => {
    const w = find(req);
    if (!w || !req.auth || reply.statusCode >= 300) return;
    const entry = {
      action: w.action,
      target: w.target(req),
      before: before.get(req) ?? null,
      after: w.after?.(req) ?? null,
    };
    await d.changes
      .commit(req.auth.official.id, () => ({ result: undefined, audit: entry }), false)
      .catch((err) => req.log.error({ err }, 'audit row not written'));
  });
}
