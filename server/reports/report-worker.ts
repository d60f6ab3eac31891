import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../core/domain/errors.js';
import { openReadOnly } from '../db/open.js';
import { loadSite } from '../db/site-repo.js';
import { buildReport } from './report-build.js';
import { loadContext } from './report-context.js';
import { ReportStore } from './report-store.js';
import { TimeUseStore } from './time-use-store.js';
import { csvReport } from './csv-export.js';
import { ReportExports } from './xlsx-export.js';
import type { WorkerData, WorkerOp, WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * The report worker thread: its own read-only connection, so a year's report never holds the main
 * thread (where calls are written). Requests are answered one at a time, in order.
 */
const { dbPath, zone } = workerData as WorkerData;
const db = openReadOnly(dbPath);
const siteId = loadSite(db)?.siteId ?? '';
const store = new ReportStore(db, siteId);
const times = new TimeUseStore(db, siteId);
const exportsOf = new ReportExports(db);

async function handle(req: WorkerOp): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  const ctx = loadContext(db, zone);
  const report = (args: Parameters<typeof buildReport>[3]) => buildReport(ctx, store, times, args);
  switch (req.op) {
    case 'report':
      return { result: report(req.args), transfer: [] };
    case 'csv': {
      const r = report({ ...req.args, onlyOfficial: null });
      return { result: csvReport(r), transfer: [] };
    }
    case 'xlsx': {
      const buf = await exportsOf.xlsx(
        ctx,
        (groupBy) => report({ ...req.args, groupBy, onlyOfficial: null }),
        req.args,
      );
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
      return { result: ab, transfer: [ab] };
    }
  }
}

function failure(e: unknown): WorkerReply & { ok: false } {
  if (e instanceof DomainError)
    return { id: 0, ok: false, error: { code: e.code, details: e.details, message: e.message } };
  return { id: 0, ok: false, error: { message: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
}

let chain = Promise.resolve();
parentPort?.on('message', (req: WorkerRequest) => {
  chain = chain.then(async () => {
    try {
      const { result, transfer } = await handle(req);
      parentPort?.postMessage({ id: req.id, ok: true, result } satisfies WorkerReply, transfer);
    } catch (e) {
      parentPort?.postMessage({ ...failure(e), id: req.id });
    }
  });
});
