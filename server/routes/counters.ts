import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  CallTicketBodySchema,
  CounterParamsSchema,
  FinishBodySchema,
  ReasonBodySchema,
  TicketResultSchema,
  TransferBodySchema,
} from '../../core/contracts/api.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { CounterAction } from '../services/queue-service.js';
import { ticketView } from '../services/views.js';
import type { RouteDeps } from './deps.js';

/** Counter commands. Only the official logged in at counter n (through this session) may use them. */
export function counterRoutes(fastify: FastifyInstance, d: RouteDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const staff = requireRole('official', 'admin');
  const params = CounterParamsSchema;
  const response = { 200: TicketResultSchema };

  app.get('/api/counters', async () => ({ counters: d.snapshot.snapshot().counters }));

  app.post(
    '/api/counters/:n/call-next',
    { schema: { params, response }, preHandler: staff },
    async (req) => ({
      ticket: ticketView(await d.queue.callNext(req.params.n, authOf(req).actor)),
    }),
  );

  app.post(
    '/api/counters/:n/call',
    { schema: { params, body: CallTicketBodySchema, response }, preHandler: staff },
    async (req) => ({
      ticket: ticketView(await d.queue.callTicket(req.params.n, authOf(req).actor, req.body.ticket)),
    }),
  );

  const simple: Array<[string, CounterAction]> = [
    ['recall', 'recall'],
    ['start', 'start'],
    ['no-show', 'noShow'],
  ];
  for (const [path, action] of simple) {
    app.post(
      `/api/counters/:n/${path}`,
      { schema: { params, response }, preHandler: staff },
      async (req) => ({
        ticket: ticketView(await d.queue.act(req.params.n, authOf(req).actor, action)),
      }),
    );
  }

  app.post(
    '/api/counters/:n/finish',
    { schema: { params, body: FinishBodySchema, response }, preHandler: staff },
    async (req) => ({
      ticket: ticketView(await d.queue.act(req.params.n, authOf(req).actor, 'finish', req.body ?? {})),
    }),
  );

  app.post(
    '/api/counters/:n/transfer',
    { schema: { params, body: TransferBodySchema, response }, preHandler: staff },
    async (req) => ({
      ticket: ticketView(await d.queue.act(req.params.n, authOf(req).actor, 'transfer', req.body)),
    }),
  );

  app.post(
    '/api/counters/:n/pause',
    { schema: { params, body: ReasonBodySchema }, preHandler: staff },
    async (req) => {
      await d.counters.pause(req.params.n, authOf(req).actor, req.body.reason);
      return { counter: d.snapshot.counter(req.params.n) };
    },
  );

  app.post('/api/counters/:n/resume', { schema: { params }, preHandler: staff }, async (req) => {
    await d.counters.resume(req.params.n, authOf(req).actor);
    return { counter: d.snapshot.counter(req.params.n) };
  });
}
