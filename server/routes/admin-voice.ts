import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  SegmentParamsSchema,
  SegmentUploadQuerySchema,
  VOICE_UPLOAD_MAX_BYTES,
  VoiceSegmentInfoSchema,
  VoiceSegmentListSchema,
} from '../../core/contracts/admin-ops.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { AdminVoice } from '../services/admin-voice.js';

/**
 * Voice: the manifest with the centre's own recordings (GET /voice/vi/manifest.json) and, for admins, listing, replacing and reverting segments.
 */
export function adminVoiceRoutes(fastify: FastifyInstance, d: { voice: AdminVoice }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');

  app.get('/voice/vi/manifest.json', async (_req, reply) =>
    reply.header('cache-control', 'no-cache').send(d.voice.manifest()),
  );
  app.get(
    '/api/admin/voice/segments',
    { schema: { response: { 200: VoiceSegmentListSchema } }, preHandler },
    async () => ({
      segments: d.voice.list(),
    }),
  );
  app.delete(
    '/api/admin/voice/segments/:id',
    { schema: { params: SegmentParamsSchema }, preHandler },
    async (req, reply) => {
      await d.voice.revert(authOf(req).official.id, req.params.id);
      return reply.status(204).send();
    },
  );

  // Raw audio bodies only on the upload route (its own parser and size limit).
  void fastify.register(async (sub) => {
    sub.addContentTypeParser(
      /^audio\//,
      { parseAs: 'buffer', bodyLimit: VOICE_UPLOAD_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    sub.withTypeProvider<TypeBoxTypeProvider>().put(
      '/api/admin/voice/segments/:id',
      {
        schema: {
          params: SegmentParamsSchema,
          querystring: SegmentUploadQuerySchema,
          response: { 200: VoiceSegmentInfoSchema },
        },
        preHandler,
        bodyLimit: VOICE_UPLOAD_MAX_BYTES,
      },
      async (req) =>
        d.voice.replace(
          authOf(req).official.id,
          req.params.id,
          req.body,
          String(req.headers['content-type'] ?? ''),
          req.query.durationMs,
        ),
    );
  });
}
