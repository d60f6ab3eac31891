import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  DISPLAY_SETTINGS_KEY,
  type DisplaySettings,
  resolveDisplaySettings,
} from '../../core/contracts/display.js';
import {
  DEFAULT_VOICE_SETTINGS,
  type VoiceSettings,
  VoiceSettingsSchema,
} from '../../core/contracts/voice.js';
import { requireDevice } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';

/** The settings key of the centre's voice settings (edited by admins, read here by screens). */
const VOICE_SETTINGS_KEY = 'voice';

const check = (schema: unknown, value: unknown) => Value.Check(schema as TSchema, value);
const stored = (d: RouteDeps, key: string) => (d.catalog.settings as unknown as Record<string, unknown>)[key];

/** Lobby and counter screen settings: the site's stored 'display' setting merged over the defaults. */
export function displaySettings(d: RouteDeps): DisplaySettings {
  return resolveDisplaySettings(stored(d, DISPLAY_SETTINGS_KEY), check);
}

/** Voice settings for the screens' announcer: each valid stored field over the defaults. */
export function screenVoiceSettings(d: RouteDeps): VoiceSettings {
  const out: Record<string, unknown> = { ...DEFAULT_VOICE_SETTINGS };
  const raw = stored(d, VOICE_SETTINGS_KEY);
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const props = VoiceSettingsSchema.properties as Record<string, unknown>;
    for (const [k, v] of Object.entries(raw)) if (props[k] !== undefined && check(props[k], v)) out[k] = v;
  }
  return out as unknown as VoiceSettings;
}

/** Public reads for screens (device allow-list applies): GET /api/display/settings and /api/display/voice. */
export function displaySettingsRoutes(app: FastifyInstance, d: RouteDeps): void {
  const device = requireDevice(d.deviceAllowed);
  app.get('/api/display/settings', { preHandler: device }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return displaySettings(d);
  });
  app.get('/api/display/voice', { preHandler: device }, async (_req, reply) => {
    reply.header('cache-control', 'no-cache');
    return screenVoiceSettings(d);
  });
}
