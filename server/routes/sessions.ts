import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LoginBodySchema, SessionViewSchema } from '../../core/contracts/api.js';
import { authOf, requireRole, SESSION_COOKIE } from '../http/auth-hooks.js';
import type { RouteDeps } from './deps.js';

export function sessionRoutes(fastify: FastifyInstance, d: RouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/sessions',
    {
      schema: { body: LoginBodySchema, response: { 201: SessionViewSchema } },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, view } = await d.auth.login(req.body);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: d.config.publicUrl.startsWith('https:'),
        // Max-Age, not Expires: the lifetime counts from the browser's own receipt, so a counter
        // PC or tablet whose clock is off still keeps the session (the server enforces expiry).
        maxAge: d.config.sessionHours * 3600,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/sessions/current',
    { schema: { response: { 200: SessionViewSchema } }, preHandler: requireRole() },
    async (req) => {
      const a = authOf(req);
      return d.auth.view(a.session, a.official);
    },
  );

  app.delete('/api/sessions/current', { preHandler: requireRole() }, async (req, reply) => {
    await d.auth.logout(authOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
