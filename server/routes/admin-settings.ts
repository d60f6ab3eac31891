import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  AdminSettingsSchema,
  RetentionSettingsSchema,
  SecuritySettingsSchema,
  TicketPreviewBodySchema,
} from '../../core/contracts/admin-ops.js';
import { DisplaySettingsSchema } from '../../core/contracts/display.js';
import { TicketLayoutSchema } from '../../core/contracts/printing.js';
import { RatingSettingsPatchSchema } from '../../core/contracts/rating-api.js';
import { VoiceSettingsSchema } from '../../core/contracts/voice.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { PrintService } from '../printing/print-service.js';
import { ticketPreviewPng } from '../services/admin-preview.js';
import type { AdminSettingsService } from '../services/admin-settings-service.js';
import type { SiteCatalog } from '../services/site-catalog.js';

export interface AdminSettingsRouteDeps {
  settings: AdminSettingsService;
  catalog: SiteCatalog;
  printing: PrintService;
  timeZone: string;
  publicUrl: string;
  now: () => number;
}

/** Screens, voice, rating scale, ticket layout (with its live preview), retention, login lockout. */
export function adminSettingsRoutes(fastify: FastifyInstance, d: AdminSettingsRouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');
  const by = (req: Parameters<typeof authOf>[0]) => authOf(req).official.id;
  const s = d.settings;

  app.get(
    '/api/admin/settings',
    { schema: { response: { 200: AdminSettingsSchema } }, preHandler },
    async () => s.all(),
  );
  app.put(
    '/api/admin/settings/display',
    { schema: { body: DisplaySettingsSchema }, preHandler },
    async (req) => s.putDisplay(by(req), req.body),
  );
  app.put('/api/admin/settings/voice', { schema: { body: VoiceSettingsSchema }, preHandler }, async (req) =>
    s.putVoice(by(req), req.body),
  );
  app.put(
    '/api/admin/settings/rating',
    { schema: { body: RatingSettingsPatchSchema }, preHandler },
    async (req) => s.putRating(by(req), req.body),
  );
  app.put(
    '/api/admin/settings/ticket-layout',
    { schema: { body: TicketLayoutSchema }, preHandler },
    async (req) => s.putTicketLayout(by(req), req.body),
  );
  app.put(
    '/api/admin/settings/retention',
    { schema: { body: RetentionSettingsSchema }, preHandler },
    async (req) => s.putRetention(by(req), req.body),
  );
  app.put(
    '/api/admin/settings/security',
    { schema: { body: SecuritySettingsSchema }, preHandler },
    async (req) => s.putSecurity(by(req), req.body),
  );
  app.post(
    '/api/admin/ticket-preview',
    { schema: { body: TicketPreviewBodySchema }, preHandler },
    async (req, reply) => {
      const png = ticketPreviewPng(
        {
          catalog: d.catalog,
          printer: d.printing.current,
          timeZone: d.timeZone,
          publicUrl: d.publicUrl,
          now: d.now(),
        },
        req.body.layout,
        req.body.width,
      );
      return reply.type('image/png').header('cache-control', 'no-store').send(png);
    },
  );
}
