import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterCurrent, CounterWaiting, MyToday } from '../../core/contracts/console.js';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

const MIN = 60_000;

describe('console read routes: waiting list, current ticket, own figures', () => {
  let s: TestServer;
  let lan: HttpClient;
  let minh: HttpClient;
  const clock = new ManualClock(Date.parse('2026-11-23T08:00:00+07:00'));

  beforeAll(async () => {
    s = await startTestServer({ clock });
    lan = new HttpClient(s.url);
    minh = new HttpClient(s.url);
    await lan.login(DEMO.lan.username, DEMO.lan.pin, 2);
    await minh.login(DEMO.minh.username, DEMO.minh.pin, 1);
  });
  afterAll(async () => {
    await s.close(true);
  });

  const waiting = (c: HttpClient, n = 2) =>
    c.req<CounterWaiting & { code?: string }>('GET', `/api/counters/${n}/waiting`);
  const current = (c: HttpClient, n = 2) =>
    c.req<CounterCurrent & { code?: string }>('GET', `/api/counters/${n}/current`);

  it('is only for the counter holder (or an admin)', async () => {
    expect((await waiting(new HttpClient(s.url))).body.code).toBe('UNAUTHENTICATED');
    expect((await waiting(minh)).body.code).toBe('NOT_AT_THIS_COUNTER');
    expect((await current(minh)).status).toBe(403);
    const leader = new HttpClient(s.url);
    await leader.login(DEMO.leader.username, DEMO.leader.pin);
    expect((await waiting(leader)).body.code).toBe('FORBIDDEN');
    const admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
    expect((await waiting(admin)).status).toBe(200);
  });

  it('lists the tickets the counter may call, oldest first, priority marked, with waited minutes', async () => {
    const a1 = (await lan.issue('HT')).body;
    clock.advance(2 * MIN);
    await lan.issue('DD'); // counter 2 does not serve land
    const b1 = (await lan.issue('CT', { priority: 'elderly' })).body;
    clock.advance(5 * MIN);
    const r = await waiting(lan);
    expect(r.status).toBe(200);
    expect(r.body.waiting.map((w) => w.label)).toEqual([a1.label, b1.label]);
    expect(r.body.waiting[0]).toMatchObject({
      waitedMinutes: 7,
      priority: null,
      serviceName: 'Hộ tịch',
      targeted: false,
    });
    expect(r.body.waiting[1]).toMatchObject({
      waitedMinutes: 5,
      priority: 'elderly',
      priorityName: 'Người cao tuổi (từ 75 tuổi)',
    });
    expect(r.body.total).toBe(2);
    expect(r.body.nextId).not.toBeNull();
    expect(r.body.noShows).toEqual([]);
  });

  it('shows the current ticket with its wait and the transfer that brought it', async () => {
    expect((await current(lan)).body.ticket).toBeNull();
    const called = (await lan.counter(2, 'call-next')).body.ticket;
    const cur = (await current(lan)).body;
    expect(cur.ticket).toMatchObject({
      label: called.label,
      status: 'called',
      startedAt: null,
      transfer: null,
    });
    expect(cur.ticket!.waitedSeconds).toBeGreaterThanOrEqual(5 * 60);
    expect(Date.parse(cur.now)).toBe(clock.now());
    await lan.counter(2, 'transfer', { counter: 1, reason: 'Cần cán bộ chứng thực' });
    const forMinh = await waiting(minh, 1);
    expect(forMinh.body.waiting.find((w) => w.label === called.label)).toMatchObject({
      targeted: true,
      transferred: true,
    });
    expect(forMinh.body.nextId).toBe(called.id);
    await minh.counter(1, 'call-next');
    const atMinh = (await current(minh, 1)).body.ticket!;
    expect(atMinh.transfer).toEqual({
      fromService: called.service,
      fromCounter: 2,
      reason: 'Cần cán bộ chứng thực',
    });
    await minh.counter(1, 'finish');
  });

  it("lists today's no-shows and counts own figures", async () => {
    const t = (await lan.counter(2, 'call-next')).body.ticket;
    await lan.counter(2, 'no-show');
    const w = (await waiting(lan)).body;
    expect(w.noShows.map((n) => n.label)).toContain(t.label);
    expect(w.noShows[0]).toMatchObject({ counter: 2 });
    await lan.req('POST', `/api/tickets/${t.id}/return`);
    expect((await waiting(lan)).body.noShows).toEqual([]);

    await lan.issue('HT');
    await lan.counter(2, 'call-next');
    await lan.counter(2, 'start');
    clock.advance(4 * MIN);
    await lan.counter(2, 'finish', { dossierCode: 'HS-001' });
    await lan.counter(2, 'call-next');
    await lan.counter(2, 'start');
    clock.advance(6 * MIN);
    await lan.counter(2, 'finish');
    const me = (await lan.req<MyToday>('GET', '/api/me/today')).body;
    expect(me).toMatchObject({
      served: 2,
      noShows: 1,
      avgServiceSeconds: 300,
      ratings: 0,
      satisfactionRate: null,
    });
  });

  it('computes the own satisfaction rate from the ratings table (aggregate only)', async () => {
    const lanId = (s.x.db.prepare("SELECT id FROM officials WHERE username = 'lan'").get() as { id: number })
      .id;
    const siteId = (s.x.db.prepare('SELECT id FROM sites').get() as { id: string }).id;
    const insert = s.x.db.prepare(
      `INSERT INTO ratings (site_id, at, level, scale_size, counter, official_id, source, device_id)
       VALUES (?, ?, ?, ?, 2, ?, 'box', 'box-2')`,
    );
    const today: Array<[level: number, scaleSize: number]> = [
      [1, 4],
      [2, 4],
      [4, 4],
      [1, 2],
    ];
    for (const [level, size] of today) insert.run(siteId, clock.now(), level, size, lanId);
    insert.run(siteId, clock.now() - 24 * 60 * MIN, 4, 4, lanId); // yesterday: not counted
    const me = (await lan.req<MyToday>('GET', '/api/me/today')).body;
    expect(me.ratings).toBe(4);
    expect(me.satisfactionRate).toBeCloseTo(3 / 4);
    const other = (await minh.req<MyToday>('GET', '/api/me/today')).body;
    expect(other).toMatchObject({ served: 1, satisfactionRate: null });
  });
});
