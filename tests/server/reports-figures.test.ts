import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportRow } from '../../core/contracts/reports.js';
import { ManualClock } from '../../core/domain/clock.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import {
  ADMIN_D1,
  D2_ROW,
  HOURS_D1,
  HUNG_D1,
  LAN_D1,
  MINH_D1,
  SERVICES_D1,
  THU_D1,
  TOTAL_D1,
} from '../fixtures/reports/expected.js';
import { at, D1, D2, type Scenario, seedScenario } from '../fixtures/reports/scenario.js';

/**
 * Every report figure of a hand-computed scenario (tests/fixtures/reports): recalls, a no-show
 * returned and served, a transfer, a cancellation, two pauses, an expired session, tickets across
 * midnight and ratings outside the window. Run through the real API and the report worker.
 */
describe('report figures', () => {
  let s: TestServer;
  let sc: Scenario;
  const clock = new ManualClock(at(D1, '07:00'));

  beforeAll(async () => {
    s = await startTestServer({ clock });
    sc = await seedScenario(s, clock);
  }, 120_000);
  afterAll(async () => {
    await s.close(true);
  });

  const report = async (query: string) => {
    const r = await sc.leader.req<Report>('GET', `/api/reports?${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const row = (r: Report, key: string | number): ReportRow => {
    const found = r.rows.find((x) => x.key === String(key));
    if (!found) throw new Error(`no row ${key} in ${r.rows.map((x) => x.key).join(', ')}`);
    return found;
  };

  it('by official, for D1: every figure of every official and the total', async () => {
    const r = await report(`from=${D1}&to=${D1}&groupBy=official`);
    expect(r.period).toEqual({ from: D1, to: D1, label: 'Ngày 23/11/2026', labelEn: 'Day 23/11/2026' });
    expect(row(r, sc.officials.lan)).toEqual({
      key: String(sc.officials.lan),
      label: 'Nguyễn Thị Lan',
      ...LAN_D1,
    });
    expect(row(r, sc.officials.minh)).toMatchObject(MINH_D1);
    expect(row(r, sc.officials.hung)).toMatchObject(HUNG_D1);
    expect(row(r, sc.officials.thu)).toMatchObject(THU_D1);
    expect(row(r, sc.officials.admin)).toMatchObject(ADMIN_D1);
    expect(r.rows).toHaveLength(5);
    expect(r.total).toMatchObject({ ...TOTAL_D1, serviceLevel: { within: 5, total: 6 } });
    expect(r.total.serviceLevel.rate).toBeCloseTo(5 / 6, 10);
    expect(r.formula).toBe('Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / số phiếu đánh giá hợp lệ');
    expect(r.targetWaitMinutes).toBe(30);
  });

  it('gives the same figures whether a period is read from days, whole months or both', async () => {
    const lan = sc.officials.lan;
    for (const q of [
      `from=${D1}&to=${D1}`,
      'from=2026-11-01&to=2026-11-30',
      'preset=month',
      'from=2026-11-20&to=2026-12-05',
      'from=2026-10-15&to=2026-12-31',
      'preset=quarter',
      'preset=year',
    ]) {
      const r = await report(`${q}&groupBy=official`);
      const got = row(r, lan);
      expect(got.wait, q).toEqual(LAN_D1.wait);
      const d2Service = q.includes(`to=${D1}`)
        ? LAN_D1.service
        : { count: 4, avgS: 480, medianS: 600, p90S: 600, maxS: 600 };
      expect(got.service, q).toEqual(d2Service);
    }
  });

  it('by service: issued at issue, waits for the service first called, served at finish', async () => {
    const r = await report(`from=${D1}&to=${D1}&groupBy=service`);
    for (const [code, want] of Object.entries(SERVICES_D1)) expect(row(r, code), code).toMatchObject(want);
    expect(row(r, 'HT').time).toBeNull();
    expect(r.total.issued).toBe(7);
  });

  it('by hour: arrivals, waits by arrival hour, services by finishing hour', async () => {
    const r = await report(`from=${D1}&to=${D1}&groupBy=hour`);
    for (const [h, want] of Object.entries(HOURS_D1)) expect(row(r, h), h).toMatchObject(want);
    expect(row(r, '08').label).toBe('08:00–09:00');
  });

  it('by counter and by agency add up the officials who sat there', async () => {
    const c = await report(`from=${D1}&to=${D1}&groupBy=counter`);
    expect(row(c, 1)).toMatchObject({ served: 2, recalls: 1, time: { loggedInS: 13800, servingS: 1620 } });
    expect(row(c, 4)).toMatchObject({ served: 1, time: { loggedInS: 1500, servingS: 1200, idleS: 300 } });
    expect(row(c, 3)).toMatchObject({ transferred: 1, time: { pausedByReasonS: { meeting: 1800 } } });
    const a = await report(`from=${D1}&to=${D1}&groupBy=agency`);
    expect(row(a, 'Văn phòng đăng ký đất đai')).toMatchObject({
      served: 0,
      transferred: 1,
      wait: { avgS: 900 },
    });
    expect(row(a, 'UBND xã')).toMatchObject({
      served: 4,
      cancelled: 1,
      wait: { count: 5, avgS: 912, medianS: 600, p90S: 2400 },
      time: { loggedInS: 27900, servingS: 4680, pausedS: 600 },
    });
  });

  it('by day: a visit across midnight is split, waits stay on the day the ticket was taken', async () => {
    const r = await report(`from=${D1}&to=${D2}&groupBy=day`);
    expect(row(r, D1)).toMatchObject({ ...TOTAL_D1, serviceLevel: { within: 5, total: 6 } });
    expect(row(r, D2)).toMatchObject(D2_ROW);
    expect(r.total).toMatchObject({ issued: 7, served: 6, wait: { count: 6 }, service: { count: 6 } });
    expect(r.total.time?.loggedInS).toBe(39600 + 600);
  });

  it('leaves out ratings given outside the period', async () => {
    const r = await report(`from=${D1}&to=${D1}&groupBy=official`);
    expect(row(r, sc.officials.lan).satisfaction.valid).toBe(2);
    const day0 = await report('from=2026-11-22&to=2026-11-22&groupBy=official');
    expect(row(day0, sc.officials.lan).satisfaction).toMatchObject({ counts: { 4: 1 }, valid: 1, linked: 0 });
  });
});
