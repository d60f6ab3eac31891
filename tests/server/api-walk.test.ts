import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { connectSocket } from '../fakes/socket-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * The foundation's "done when" walk, through a real listening server, real HTTP and real Socket.IO:
 * two services (one priority), two officials at two counters, call-next honours services and the
 * priority policy, recall, start, finish, no-show and return, transfer keeps the number, the display
 * receives ticket:called for every call, and the event log yields wait and service times per official.
 */
describe('full walk through the API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close(true);
  });

  it('works end to end', async () => {
    const display = connectSocket(s.url, '/display');
    const snap = (await display.next('queue:snapshot')) as { counters: unknown[]; services: unknown[] };
    expect(snap.counters).toHaveLength(4);

    const kiosk = new HttpClient(s.url);
    const a1 = (await kiosk.issue('HT')).body;
    const a2 = (await kiosk.issue('HT')).body;
    const a3 = (await kiosk.issue('HT', { priority: 'elderly' })).body;
    const c1 = (await kiosk.issue('DD')).body;
    expect([a1.label, a2.label, a3.label, c1.label]).toEqual(['A001', 'A002', 'A003', 'C001']);
    expect(a3.ahead).toBe(0);
    expect(a2.ahead).toBe(1);

    const lan = new HttpClient(s.url);
    const hung = new HttpClient(s.url);
    expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
    expect((await hung.login(DEMO.hung.username, DEMO.hung.pin, 3)).status).toBe(201);

    // counter 1 serves HT+CT: priority first (no priority call yet), then the ratio
    const calls: string[] = [];
    const call = async (c: HttpClient, n: number) => {
      const r = await c.counter(n, 'call-next');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const ev = (await display.next('ticket:called')) as { label: string; counter: number; recall: boolean };
      expect(ev).toMatchObject({ label: r.body.ticket.label, counter: n, recall: false });
      calls.push(r.body.ticket.label);
      return r.body.ticket;
    };
    await call(lan, 1);
    expect((await lan.counter(1, 'recall')).status).toBe(200);
    expect(await display.next('ticket:called')).toMatchObject({ label: 'A003', recall: true });
    expect((await lan.counter(1, 'start')).status).toBe(200);
    expect((await lan.counter(1, 'finish', { dossierCode: 'HS-001' })).body.ticket).toMatchObject({
      status: 'finished',
      dossierCode: 'HS-001',
    });

    // counter 3 serves DD only
    expect((await call(hung, 3)).label).toBe('C001');
    // counter 1: A001 → no-show → return → called again later
    const t1 = await call(lan, 1);
    expect(t1.label).toBe('A001');
    expect((await lan.counter(1, 'no-show')).body.ticket.status).toBe('no_show');
    expect((await lan.req('POST', `/api/tickets/${t1.id}/return`)).status).toBe(200);
    expect((await call(lan, 1)).label).toBe('A001');
    expect((await lan.counter(1, 'finish')).status).toBe(200);
    // transfer A002 from counter 1 to service DD keeps its number; counter 3 then calls it
    expect((await call(lan, 1)).label).toBe('A002');
    const moved = await lan.counter(1, 'transfer', { service: 'DD', reason: 'Hồ sơ đất đai' });
    expect(moved.body.ticket).toMatchObject({ label: 'A002', service: 'DD', status: 'waiting' });
    expect((await hung.counter(3, 'finish')).status).toBe(200);
    expect((await call(hung, 3)).label).toBe('A002');
    expect((await hung.counter(3, 'finish')).status).toBe(200);
    expect((await lan.counter(1, 'call-next')).body).toMatchObject({
      code: 'QUEUE_EMPTY',
      message: 'Chưa có công dân chờ.',
    });
    expect(calls).toEqual(['A003', 'C001', 'A001', 'A001', 'A002', 'A002']);

    // the event log yields wait and service time per official
    const rows = s.x.db
      .prepare(
        `SELECT o.username, t.label,
           (SELECT MIN(at) FROM events WHERE ticket_id = t.id AND type = 'called') - t.issued_at AS wait_ms,
           (SELECT MAX(at) FROM events WHERE ticket_id = t.id AND type = 'finished' AND official_id = o.id) -
           (SELECT MAX(at) FROM events WHERE ticket_id = t.id AND type = 'started' AND official_id = o.id) AS service_ms
         FROM tickets t JOIN events f ON f.ticket_id = t.id AND f.type = 'finished' JOIN officials o ON o.id = f.official_id
         ORDER BY t.label, o.username`,
      )
      .all() as Array<{ username: string; label: string; wait_ms: number; service_ms: number }>;
    expect(rows.map((r) => [r.username, r.label])).toEqual([
      ['lan', 'A001'],
      ['hung', 'A002'],
      ['lan', 'A003'],
      ['hung', 'C001'],
    ]);
    for (const r of rows) {
      expect(r.wait_ms).toBeGreaterThanOrEqual(0);
      expect(r.service_ms).toBeGreaterThanOrEqual(0);
    }
    display.socket.close();
  });
});
