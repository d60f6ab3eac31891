import type { FastifyInstance } from 'fastify';
import { Value } from 'typebox/value';
import {
  DISPLAY_SETTINGS_KEY,
  type DisplaySettings,
  resolveDisplaySettings,
} from '../../core/contracts/display.js';
import type { TSchema } from 'typebox';
import { requireDevice } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';

/** Lobby and counter screen settings: the site's stored 'display' setting merged over the defaults. */
export function displaySettings(d: RouteDeps): DisplaySettings {
  const stored = (d.catalog.settings as unknown as Record<string, unknown>)[DISPLAY_SETTINGS_KEY];
  return resolveDisplaySettings(stored, (schema, value) => Value.Check(schema as TSchema, value));
}

export function displaySettingsRoutes(app: FastifyInstance, d: RouteDeps): void {
  const device = requireDevice(d.deviceAllowed);
  app.get('/api/display/settings', { preHandler: device }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return displaySettings(d);
  });
}
