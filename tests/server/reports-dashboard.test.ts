import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../core/contracts/reports.js';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { at, D1 } from '../fixtures/reports/scenario.js';

/** The leader's live dashboard: waiting, longest wait, counters' states, today's figures, alerts. */
describe('live dashboard', () => {
  let s: TestServer;
  const clock = new ManualClock(at(D1, '07:55'));
  const c = {} as Record<'leader' | 'lan' | 'minh' | 'hung' | 'kiosk', HttpClient>;
  const read = async () => {
    const r = await c.leader.req<Dashboard>('GET', '/api/dashboard');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    s = await startTestServer({ clock });
    for (const k of ['leader', 'lan', 'minh', 'hung', 'kiosk'] as const) c[k] = new HttpClient(s.url);
    await c.leader.login(DEMO.leader.username, DEMO.leader.pin);
    await c.lan.login(DEMO.lan.username, DEMO.lan.pin, 1);
    await c.minh.login(DEMO.minh.username, DEMO.minh.pin, 2);
    await c.hung.login(DEMO.hung.username, DEMO.hung.pin, 3);
    for (const [hhmm, service] of [
      ['08:00', 'HT'],
      ['08:05', 'HT'],
      ['08:10', 'DD'],
    ] as const) {
      clock.set(at(D1, hhmm));
      await c.kiosk.issue(service);
    }
    clock.set(at(D1, '08:15'));
    await c.lan.counter(1, 'call-next');
    clock.set(at(D1, '08:20'));
    await c.minh.counter(2, 'pause', { reason: 'break' });
    clock.set(at(D1, '08:45'));
  });
  afterAll(async () => {
    await s.close(true);
  });

  it('is for leaders and admins only', async () => {
    expect((await c.lan.req('GET', '/api/dashboard')).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await new HttpClient(s.url).req('GET', '/api/dashboard')).status).toBe(401);
  });

  it('shows who is waiting, for how long, and what every counter is doing', async () => {
    const d = await read();
    expect(d.day).toBe(D1);
    expect(d.services.map((x) => [x.code, x.waiting, x.longestWaitS])).toEqual([
      ['HT', 1, 2400],
      ['CT', 0, null],
      ['DD', 1, 2100],
      ['XH', 0, null],
    ]);
    expect(d.longestWait).toEqual({ service: 'HT', label: 'A002', seconds: 2400 });
    expect(
      d.counters.map((x) => [
        x.number,
        x.activity,
        x.official?.displayName ?? null,
        x.ticket,
        x.pausedReason,
      ]),
    ).toEqual([
      [1, 'serving', 'Nguyễn Thị Lan', 'A001', null],
      [2, 'paused', 'Trần Văn Minh', null, 'break'],
      [3, 'idle', 'Lê Quốc Hùng', null, null],
      [4, 'closed', null, null, null],
    ]);
    expect(d.counters[0]?.since).toBe(new Date(at(D1, '08:15')).toISOString());
    expect(d.counters[1]?.since).toBe(new Date(at(D1, '08:20')).toISOString());
    expect(d.today).toEqual({ issued: 3, served: 0, waiting: 2, satisfaction: { rate: null, valid: 0 } });
  });

  it('raises an alert for each service waiting past the target, and for a device that is down', async () => {
    expect((await read()).alerts).toEqual([
      { kind: 'longWait', service: 'HT', waitedMinutes: 40, targetMinutes: 30, waiting: 1 },
      { kind: 'longWait', service: 'DD', waitedMinutes: 35, targetMinutes: 30, waiting: 1 },
    ]);
    s.x.bus.emit('deviceStatus', {
      id: 'printer',
      kind: 'printer',
      name: 'Máy in phiếu',
      state: 'paperOut',
      since: new Date(clock.now()).toISOString(),
    });
    const site = (s.x.db.prepare('SELECT id FROM sites').get() as { id: string }).id;
    s.x.db
      .prepare("INSERT INTO settings (site_id, key, value_json) VALUES (?, 'waitTargetMinutes', '38')")
      .run(site);
    s.x.deps.catalog.reload();
    const d = await read();
    expect(d.targetWaitMinutes).toBe(38);
    expect(d.alerts).toEqual([
      { kind: 'longWait', service: 'HT', waitedMinutes: 40, targetMinutes: 38, waiting: 1 },
      { kind: 'deviceDown', device: 'printer', name: 'Máy in phiếu', state: 'paperOut' },
    ]);
  });

  it("counts today's served visits and satisfaction as they happen", async () => {
    clock.set(at(D1, '08:50'));
    await c.lan.counter(1, 'finish');
    const ticket = s.x.db.prepare("SELECT id, site_id FROM tickets WHERE label = 'A001'").get() as {
      id: number;
      site_id: string;
    };
    s.x.db
      .prepare(`INSERT INTO ratings (site_id, at, level, scale_size, ticket_id, counter, official_id, service, source, device_id)
        VALUES (?, ?, 2, 4, ?, 1, 1, 'HT', 'box', 'b')`)
      .run(ticket.site_id, clock.now(), ticket.id);
    const d = await read();
    expect(d.today).toEqual({ issued: 3, served: 1, waiting: 2, satisfaction: { rate: 1, valid: 1 } });
    expect(d.counters[0]?.activity).toBe('idle');
  });
});
