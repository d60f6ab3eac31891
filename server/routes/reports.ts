import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  DashboardSchema,
  type Report,
  type ReportQuery,
  ReportQuerySchema,
  ReportSchema,
} from '../../core/contracts/reports.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import { localDay, zoneOffsetMs } from '../../core/domain/local-time.js';
import { type Period, resolvePeriod } from '../../core/domain/metrics-period.js';
import { DB_FILE, type Db } from '../db/open.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import { DashboardService } from '../reports/dashboard-service.js';
import { ReportWorker } from '../reports/report-worker-client.js';
import type { RouteDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** the report worker thread's handle (started on the first report, ended on close) */
    reportWorker: ReportWorker;
  }
}

/** Keeps the triggers' local hour and midnight equal to the server's zone (report-schema.ts). */
function syncZoneOffset(db: Db, zone: string, now: number): void {
  const off = zoneOffsetMs(now, zone);
  db.prepare("UPDATE report_config SET value = ? WHERE key = 'utcOffsetMs' AND value <> ?").run(off, off);
}

const fileName = (p: Period, suffix: string) => `bao-cao-${p.from}_${p.to}${suffix}`;

/**
 * Reports for leaders (officials: their own figures only) and the live dashboard. Reports and
 * exports run in the report worker thread; the dashboard is a few short reads on the main thread.
 */
export function reportRoutes(fastify: FastifyInstance, d: RouteDeps, x: { db: Db; clock: Clock }): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const zone = d.config.timeZone;
  syncZoneOffset(x.db, zone, x.clock.now());
  const worker = new ReportWorker({ dbPath: join(d.config.dataDir, DB_FILE), zone, log: fastify.log });
  fastify.decorate('reportWorker', worker);
  fastify.addHook('onClose', () => worker.close());
  const dashboard = new DashboardService({ ...d, db: x.db, clock: x.clock, zone });
  const managers = requireRole('leader', 'admin');

  const request = (q: ReportQuery) => {
    const now = x.clock.now();
    const r = resolvePeriod(q, localDay(now, zone));
    if ('problems' in r) throw new DomainError('VALIDATION_FAILED', { detail: r.problems.join('; ') });
    return { period: r.period, now, groupBy: q.groupBy ?? 'official' };
  };

  app.get(
    '/api/dashboard',
    { schema: { response: { 200: DashboardSchema } }, preHandler: managers },
    async () => dashboard.read(),
  );

  app.get(
    '/api/reports',
    {
      schema: { querystring: ReportQuerySchema, response: { 200: ReportSchema } },
      preHandler: requireRole(),
    },
    async (req) => {
      const { actor } = authOf(req);
      const onlyOfficial = actor.role === 'official' ? actor.officialId : null;
      if (onlyOfficial !== null && (req.query.groupBy ?? 'official') !== 'official')
        throw new DomainError('FORBIDDEN');
      return worker.run<Report>({ op: 'report', args: { ...request(req.query), onlyOfficial } });
    },
  );

  app.get(
    '/api/reports/export.xlsx',
    { schema: { querystring: ReportQuerySchema }, preHandler: managers },
    async (req, reply) => {
      const args = request(req.query);
      const ab = await worker.run<ArrayBuffer>({ op: 'xlsx', args });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName(args.period, '.xlsx')}"`)
        .send(Buffer.from(ab));
    },
  );

  app.get(
    '/api/reports/export.csv',
    { schema: { querystring: ReportQuerySchema }, preHandler: managers },
    async (req, reply) => {
      const args = request(req.query);
      const csv = await worker.run<string>({ op: 'csv', args });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${fileName(args.period, `-${args.groupBy}.csv`)}"`,
        )
        .send(csv);
    },
  );
}
