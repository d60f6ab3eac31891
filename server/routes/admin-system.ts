import { createReadStream, rmSync } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AuditListSchema, AuditQuerySchema } from '../../core/contracts/admin.js';
import type { Db } from '../db/open.js';
import { authOf, requireRole } from '../http/auth-hooks.js';
import type { AdminChanges } from '../services/admin-changes.js';
import { backupDownloadName, backupToTempFile } from '../services/admin-backup.js';
import type { RetentionJob } from '../services/admin-retention.js';

export interface AdminSystemDeps {
  changes: AdminChanges;
  retention: RetentionJob;
  db: Db;
  dataDir: string;
  timeZone: string;
}

/** The audit log, the database backup download and the retention job (admins). */
export function adminSystemRoutes(fastify: FastifyInstance, d: AdminSystemDeps): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireRole('admin');

  app.get(
    '/api/admin/audit',
    { schema: { querystring: AuditQuerySchema, response: { 200: AuditListSchema } }, preHandler },
    async (req) => d.changes.audit.list(req.query.limit ?? 50, req.query.before),
  );

  app.get(
    '/api/admin/backup',
    { preHandler, config: { rateLimit: { max: 6, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const file = await backupToTempFile(d.db, d.dataDir);
      const name = backupDownloadName(d.changes.now(), d.timeZone);
      await d.changes.commit(
        authOf(req).official.id,
        () => ({
          result: undefined,
          audit: { action: 'backup.download', target: 'database', after: { file: name } },
        }),
        false,
      );
      const stream = createReadStream(file);
      stream.on('close', () => rmSync(file, { force: true }));
      return reply
        .type('application/vnd.sqlite3')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.post('/api/admin/retention/run', { preHandler }, async () => d.retention.run());
}
