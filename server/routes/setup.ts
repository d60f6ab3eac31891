import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Clock } from '../../core/domain/clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/open.js';
import { createFirstAdmin, hasAdmin } from '../services/setup-service.js';

const SetupBodySchema = Type.Object(
  {
    setupCode: Type.String({ minLength: 1, maxLength: 20 }),
    username: Type.String({ pattern: '^[a-zA-Z0-9._-]{2,40}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 128 }),
  },
  { additionalProperties: false },
);

/** Production first start: create the first administrator with the one-time setup code. */
export function setupRoutes(fastify: FastifyInstance, d: { db: Db; config: Config; clock: Clock }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/setup', async () => ({ needed: !hasAdmin(d.db), mode: d.config.mode }));
  app.post(
    '/api/setup',
    { schema: { body: SetupBodySchema }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      await createFirstAdmin(d.db, d.config, d.clock, req.body);
      return reply.status(201).send({ ok: true });
    },
  );
}
