import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportRow } from '../../core/contracts/reports.js';
import { ManualClock } from '../../core/domain/clock.js';
import { METRIC_IDS } from '../../core/domain/metrics-definitions.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { at, D1, D2, type Scenario, seedScenario } from '../fixtures/reports/scenario.js';

/**
 * docs/metrics.md gives one SQL query per figure over the raw tables; each must return exactly what
 * the report (computed from the trigger-kept aggregates) says for the hand-built scenario.
 */
const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'metrics.md'), 'utf8');
const BLOCKS = [...DOC.matchAll(/```sql\n-- figure: (\w+) · group: (\w+)\n([\s\S]*?)```/g)].map((m) => ({
  figure: m[1] ?? '',
  group: m[2] ?? '',
  sql: m[3] ?? '',
}));

function valueAt(row: ReportRow, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], row);
}

describe('docs/metrics.md queries reproduce every figure', () => {
  let s: TestServer;
  let sc: Scenario;
  const clock = new ManualClock(at(D1, '07:00'));
  const reports: Record<string, Report> = {};

  beforeAll(async () => {
    s = await startTestServer({ clock });
    sc = await seedScenario(s, clock);
    for (const g of ['official', 'service']) {
      reports[g] = (await sc.leader.req<Report>('GET', `/api/reports?from=${D1}&to=${D1}&groupBy=${g}`)).body;
    }
  }, 120_000);
  afterAll(async () => {
    await s.close(true);
  });

  it('has a query for every figure but idle (logged in − serving − paused)', () => {
    expect(BLOCKS.map((b) => b.figure).sort()).toEqual(METRIC_IDS.filter((id) => id !== 'idle').sort());
  });

  it.each(BLOCKS.map((b) => [b.figure, b]))('%s', (_name, block) => {
    const params = {
      site: (s.x.db.prepare('SELECT id FROM sites').get() as { id: string }).id,
      from: D1,
      to: D1,
      start: at(D1, '00:00'),
      end: at(D2, '00:00'),
      now: clock.now(),
      target: 30,
    };
    const stmt = s.x.db.prepare(block.sql);
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => block.sql.includes(`:${k}`)));
    const rows = stmt.all(used) as Array<Record<string, unknown>>;
    const report = reports[block.group];
    expect(report, block.group).toBeDefined();
    let compared = 0;
    for (const r of rows) {
      const row = report?.rows.find((x) => x.key === String(r.key));
      for (const [path, want] of Object.entries(r)) {
        if (path === 'key') continue;
        const got = row ? valueAt(row, path) : 0;
        if (want === 0 && !row) continue;
        expect(got, `${block.figure} ${r.key} ${path}`).toBeCloseTo(Number(want), 6);
        compared++;
      }
    }
    expect(compared, `${block.figure} compared nothing`).toBeGreaterThan(0);
  });
});
