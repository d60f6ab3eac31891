/**
 * Reports benchmark (issue 9): a year of a busy centre (400,000 tickets, realistic arrivals by hour,
 * service times, transfers, no-shows, pauses, ratings) seeded into a temp database with the real
 * schema and the report triggers, then every report per grouping over a year and a quarter through
 * the report worker, the year's XLSX, the main thread's responsiveness meanwhile, and the size.
 * `npm run bench:reports` (XEPHANG_BENCH_TICKETS to change the volume); writes results-reports.json.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_GROUPS } from '../core/contracts/reports.js';
import type { Period } from '../core/domain/metrics-period.js';
import { DB_FILE, type Db, openDatabase } from '../server/db/open.js';
import { ReportWorker } from '../server/reports/report-worker-client.js';
import { seedYear } from '../tests/fixtures/reports/year-seed.js';
import { Figures, percentile } from './lib.js';

const TICKETS = Number(process.env.XEPHANG_BENCH_TICKETS ?? 400_000);
const ZONE = 'Asia/Ho_Chi_Minh';
const NOW = Date.parse('2026-01-15T10:00:00+07:00');
const PERIODS: Record<string, Period> = {
  year: { from: '2025-01-01', to: '2025-12-31' },
  quarter: { from: '2025-10-01', to: '2025-12-31' },
};
const figures = new Figures();

function seed(dir: string): Db {
  const db = openDatabase(dir);
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const t0 = performance.now();
  const n = seedYear(db, { tickets: TICKETS, year: 2025, zone: ZONE });
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(
    `seeded ${n.tickets} tickets, ${n.events} events, ${n.ratings} ratings, ${n.sessions} sessions\n`,
  );
  figures.add('seed_year_s', s, 's');
  figures.add('seed_per_ticket_us', (s * 1e6) / n.tickets, 'µs', 'includes the report triggers');
  db.pragma('foreign_keys = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

function sizes(db: Db, dir: string): void {
  figures.add('db_size_mb', statSync(join(dir, DB_FILE)).size / 1e6, 'MB', '≤ 200 MB');
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{
      name: string;
      bytes: number;
    }>;
    const ours = rows.filter(
      (r) => r.name.startsWith('report_') || r.name.startsWith('sqlite_autoindex_report_'),
    );
    const events = rows.filter((r) => r.name === 'events' || r.name.startsWith('events_'));
    const mb = (xs: typeof rows) => xs.reduce((s, r) => s + r.bytes, 0) / 1e6;
    figures.add('db_report_tables_mb', mb(ours), 'MB', 'the aggregates added by migration 3');
    figures.add('db_events_mb', mb(events), 'MB', 'the event log and its indexes');
  } catch {
    // dbstat is not compiled in: the total is enough
  }
}

async function reports(worker: ReportWorker): Promise<void> {
  await worker.run({
    op: 'report',
    args: { period: { from: '2024-01-01', to: '2024-01-01' }, groupBy: 'day', onlyOfficial: null, now: NOW },
  });
  for (const [name, period] of Object.entries(PERIODS)) {
    for (const groupBy of REPORT_GROUPS) {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await worker.run({ op: 'report', args: { period, groupBy, onlyOfficial: null, now: NOW } });
        samples.push(performance.now() - t0);
      }
      figures.add(`report_${groupBy}_${name}_ms`, percentile(samples, 50), 'ms', '≤ 300 ms');
    }
  }
}

/** The year's workbook, while a timer on the main thread measures how late it fires. */
async function xlsx(worker: ReportWorker): Promise<void> {
  let lag = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  const ab = await worker.run<ArrayBuffer>({
    op: 'xlsx',
    args: { period: PERIODS.year!, groupBy: 'official', now: NOW },
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  figures.add('export_xlsx_ms', ms, 'ms', '≤ 10000 ms');
  figures.add('export_xlsx_mb', ab.byteLength / 1e6, 'MB');
  figures.add('main_thread_max_lag_during_export_ms', lag, 'ms', 'the export runs in the worker');
}

/** What the report triggers add to writing: the same 20,000 tickets with and without them. */
function triggerCost(): void {
  const perTicket = (withTriggers: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'xephang-bench-triggers-'));
    const db = openDatabase(dir);
    db.pragma('synchronous = OFF');
    if (!withTriggers) db.exec('DROP TRIGGER report_events; DROP TRIGGER report_ratings_in;');
    const t0 = performance.now();
    const n = seedYear(db, {
      tickets: 20_000,
      year: 2025,
      zone: ZONE,
      from: '2025-03-01',
      until: '2025-04-01',
    });
    const us = ((performance.now() - t0) * 1000) / n.tickets;
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return us;
  };
  perTicket(true); // warm-up
  const without = perTicket(false);
  const withT = perTicket(true);
  figures.add(
    'trigger_cost_per_ticket_us',
    withT - without,
    'µs',
    'main-thread writing added by the report triggers',
  );
}

async function main(): Promise<void> {
  triggerCost();
  const dir = mkdtempSync(join(tmpdir(), 'xephang-bench-reports-'));
  const db = seed(dir);
  sizes(db, dir);
  const worker = new ReportWorker({ dbPath: join(dir, DB_FILE), zone: ZONE, timeoutMs: 600_000 });
  try {
    await reports(worker);
    await xlsx(worker);
  } finally {
    await worker.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  figures.save('results-reports.json');
}

await main();
