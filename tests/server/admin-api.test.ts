import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { connectSocket } from '../fakes/socket-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

type Body = Record<string, unknown> & { code?: string };
const ALL_DAY = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]]),
);
const service = (code: string, prefix: string) => ({
  code,
  name: `Lĩnh vực ${code}`,
  prefix,
  color: '#6a1b9a',
  dailyCap: 50,
  hours: ALL_DAY,
  active: true,
});

describe('admin API: changes apply live and are audited', () => {
  let s: TestServer;
  let admin: HttpClient;
  const clock = new ManualClock(Date.parse('2026-11-23T08:00:00+07:00'));
  beforeAll(async () => {
    s = await startTestServer({ clock });
    admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
  });
  afterAll(async () => {
    await s.close(true);
  });

  it('a new service appears on /api/services and in a live snapshot without a restart', async () => {
    const screen = connectSocket(s.url, '/display');
    await screen.next('queue:snapshot');
    const r = await admin.req<Body>('POST', '/api/admin/services', service('TP', 'E'));
    expect(r.status).toBe(201);
    const snap = (await screen.next('queue:snapshot')) as { services: Array<{ code: string }> };
    expect(snap.services.map((x) => x.code)).toContain('TP');
    const list = await new HttpClient(s.url).req<{ services: Array<{ code: string }> }>(
      'GET',
      '/api/services',
    );
    expect(list.body.services.map((x) => x.code)).toContain('TP');
    expect((await new HttpClient(s.url).issue('TP')).body.label).toBe('E001');
    screen.socket.close();
  });

  it('refuses a taken prefix, a duplicate code and bad hours with stable codes', async () => {
    expect((await admin.req<Body>('POST', '/api/admin/services', service('TP2', 'A'))).body).toMatchObject({
      code: 'PREFIX_IN_USE',
      details: { service: 'HT' },
    });
    expect((await admin.req<Body>('POST', '/api/admin/services', service('TP', 'F'))).body.code).toBe(
      'SERVICE_EXISTS',
    );
    const bad = { ...service('TP3', 'G'), hours: { mon: [['11:00', '08:00']] } };
    expect((await admin.req<Body>('POST', '/api/admin/services', bad)).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.req<Body>('PUT', '/api/admin/services/TP', { prefix: 'B' })).body.code).toBe(
      'PREFIX_IN_USE',
    );
  });

  it('never deletes a service with history: HAS_HISTORY, deactivation works', async () => {
    expect((await admin.req<Body>('DELETE', '/api/admin/services/TP')).body.code).toBe('HAS_HISTORY');
    const off = await admin.req<Body>('PUT', '/api/admin/services/TP', { active: false });
    expect(off.body.active).toBe(false);
    expect((await new HttpClient(s.url).issue('TP')).body.code).toBe('SERVICE_INACTIVE');
    await admin.req('POST', '/api/admin/services', service('EMPTY', 'H'));
    expect((await admin.req('DELETE', '/api/admin/services/EMPTY')).status).toBe(204);
  });

  it('counters: create with services, refuse unknown services, a service in use cannot be deleted', async () => {
    await admin.req('PUT', '/api/admin/services/TP', { active: true });
    const c = await admin.req<Body>('POST', '/api/admin/counters', {
      number: 7,
      name: 'Quầy 7',
      services: ['TP', 'HT'],
    });
    expect(c.status).toBe(201);
    expect(
      (await admin.req<Body>('POST', '/api/admin/counters', { number: 7, name: 'x', services: ['TP'] })).body
        .code,
    ).toBe('COUNTER_EXISTS');
    expect(
      (await admin.req<Body>('POST', '/api/admin/counters', { number: 8, name: 'x', services: ['NOPE'] }))
        .body.code,
    ).toBe('UNKNOWN_SERVICE');
    await admin.req('POST', '/api/admin/services', service('ONLY', 'K'));
    await admin.req('PUT', '/api/admin/counters/7', { services: ['TP', 'ONLY'] });
    expect((await admin.req<Body>('DELETE', '/api/admin/services/ONLY')).body).toMatchObject({
      code: 'SERVICE_IN_USE',
      details: { counter: 7 },
    });
  });

  it('officials: create, log in at the new counter, reset PIN, deactivate ends the session', async () => {
    const made = await admin.req<Body>('POST', '/api/admin/officials', {
      username: 'Mai',
      displayName: 'Lê Thị Mai',
      agency: 'Công an xã',
      role: 'official',
      pin: '1357',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ username: 'mai', agency: 'Công an xã', active: true });
    expect(JSON.stringify(made.body)).not.toContain('scrypt');
    expect(
      (await admin.req<Body>('POST', '/api/admin/officials', { ...made.body, pin: '1357', id: undefined }))
        .status,
    ).toBe(400);
    const mai = new HttpClient(s.url);
    expect((await mai.login('mai', '1357', 7)).status).toBe(201);
    await new HttpClient(s.url).issue('TP');
    expect((await mai.counter(7, 'call-next')).body.ticket.service).toBe('TP');
    const id = Number(made.body.id);
    expect((await admin.req<Body>('POST', `/api/admin/officials/${id}/pin`, { pin: '12' })).body.code).toBe(
      'PIN_TOO_SHORT',
    );
    expect((await admin.req('POST', `/api/admin/officials/${id}/pin`, { pin: '2468' })).status).toBe(200);
    expect((await new HttpClient(s.url).login('mai', '1357', 7)).status).toBe(401);
    expect((await admin.req<Body>('PUT', `/api/admin/officials/${id}`, { active: false })).body.active).toBe(
      false,
    );
    expect((await mai.req<Body>('GET', '/api/sessions/current')).body.code).toBe('SESSION_EXPIRED');
    const counters = await admin.req<{ counters: Array<{ number: number; official: unknown }> }>(
      'GET',
      '/api/counters',
    );
    expect(counters.body.counters.find((c) => c.number === 7)?.official).toBeNull();
  });

  it('the last admin stays an admin', async () => {
    const list = await admin.req<{ officials: Array<{ id: number; username: string }> }>(
      'GET',
      '/api/admin/officials',
    );
    const me = list.body.officials.find((o) => o.username === 'admin')!;
    expect(
      (await admin.req<Body>('PUT', `/api/admin/officials/${me.id}`, { role: 'leader' })).body.code,
    ).toBe('LAST_ADMIN');
    expect((await admin.req<Body>('PUT', `/api/admin/officials/${me.id}`, { active: false })).body.code).toBe(
      'LAST_ADMIN',
    );
  });

  it('the audit log lists who changed what, with before and after, newest first and paged', async () => {
    const page = await admin.req<{ entries: Array<Body>; nextBefore: number | null }>(
      'GET',
      '/api/admin/audit?limit=3',
    );
    expect(page.body.entries).toHaveLength(3);
    expect(page.body.entries[0]).toMatchObject({ action: 'official.update', officialName: 'Quản trị viên' });
    expect(page.body.entries[0]?.before).toMatchObject({ active: true });
    expect(page.body.entries[0]?.after).toMatchObject({ active: false });
    const older = await admin.req<{ entries: Array<Body> }>(
      'GET',
      `/api/admin/audit?limit=200&before=${page.body.nextBefore}`,
    );
    const all = [...page.body.entries, ...older.body.entries];
    expect(older.body.entries[0]?.id).toBeLessThan(Number(page.body.entries[2]?.id));
    const actions = all.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['service.create', 'service.update', 'counter.create', 'official.create']),
    );
    const reset = all.find((e) => e.action === 'official.resetPin');
    expect(reset).toBeDefined();
    expect(JSON.stringify(reset)).not.toMatch(/scrypt|2468/);
  });

  it('centre, policy, calendar and settings round-trip and are audited', async () => {
    const centre = {
      province: 'Tỉnh Đồng Tháp',
      commune: 'Xã Mỹ An',
      name: 'Trung tâm Phục vụ hành chính công xã Mỹ An',
      address: 'Ấp 1',
      hotline: '0277 1',
    };
    expect((await admin.req('PUT', '/api/admin/centre', centre)).body).toMatchObject(centre);
    expect((await new HttpClient(s.url).req<{ centre: Body }>('GET', '/api/queue')).body.centre.name).toBe(
      centre.name,
    );
    expect(
      (
        await admin.req<Body>('PUT', '/api/admin/calendar', {
          holidays: ['2026-12-31', '2026-12-31'],
          closures: [{ from: '2027-01-02', to: '2027-01-01', reason: '' }],
        })
      ).body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await admin.req('PUT', '/api/admin/calendar', {
          holidays: ['2026-12-31', '2026-12-31'],
          closures: [],
        })
      ).body,
    ).toEqual({ holidays: ['2026-12-31'], closures: [] });
    expect(
      (
        await admin.req('PUT', '/api/admin/priority-policy', {
          mode: 'strict',
          normalPerPriority: 0,
          agingMinutes: 20,
        })
      ).status,
    ).toBe(200);
    const all = await admin.req<Body & { voice: Body; retention: Body }>('GET', '/api/admin/settings');
    expect(all.body.retention).toEqual({ visitsDays: 1095, ratingsDays: 1095 });
    const voice = { ...all.body.voice, template: 'Kính mời công dân có số {số} đến quầy {quầy}' };
    expect((await admin.req('PUT', '/api/admin/settings/voice', voice)).status).toBe(200);
    expect((await new HttpClient(s.url).req<Body>('GET', '/api/display/voice')).body.template).toBe(
      voice.template,
    );
    expect((await admin.req<Body>('PUT', '/api/admin/settings/rating', { satisfied: [9] })).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const audit = await admin.req<{ entries: Array<Body> }>('GET', '/api/admin/audit?limit=10');
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['centre.update', 'calendar.update', 'policy.update', 'settings.voice']),
    );
  });

  it('ticket preview renders a PNG with the posted layout', async () => {
    const res = await fetch(`${s.url}/api/admin/ticket-preview`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        layout: {
          showProvince: true,
          showService: true,
          showPriority: true,
          showAhead: true,
          showTime: true,
          showQr: false,
          notice: 'Giữ phiếu',
        },
        width: 384,
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(384);
  });

  it('day operations: close early refuses issuing, reopen, end of day cancels the waiting', async () => {
    const kiosk = new HttpClient(s.url);
    await kiosk.issue('HT');
    expect((await admin.req<Body>('POST', '/api/admin/day/close-early')).body.closedEarly).toBe(true);
    expect((await kiosk.issue('HT')).body.code).toBe('SERVICE_CLOSED');
    await admin.req('POST', '/api/admin/day/reopen');
    const t = await kiosk.issue('HT');
    expect(t.status).toBe(201);
    const found = await admin.req<{ tickets: Array<{ id: number; label: string }> }>(
      'GET',
      `/api/admin/tickets?label=${t.body.label}`,
    );
    expect(found.body.tickets[0]?.label).toBe(t.body.label);
    expect((await admin.req<Body>('POST', `/api/admin/tickets/${t.body.id}/reprint`)).body.label).toBe(
      t.body.label,
    );
    const ended = await admin.req<{ cancelled: number; status: Body }>('POST', '/api/admin/day/end');
    expect(ended.body.cancelled).toBeGreaterThanOrEqual(2);
    expect(ended.body.status).toMatchObject({ closedEarly: true, open: { waiting: 0 } });
    const ticket = await admin.req<{ ticket: { status: string } }>('GET', `/api/tickets/${t.body.id}`);
    expect(ticket.body.ticket.status).toBe('cancelled');
    const audit = await admin.req<{ entries: Array<Body> }>('GET', '/api/admin/audit?limit=5');
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['day.end', 'ticket.reprint']),
    );
    await admin.req('POST', '/api/admin/day/reopen');
  });

  it('backup downloads a consistent SQLite file', async () => {
    const res = await fetch(`${s.url}/api/admin/backup`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/xephang-backup-2026-11-23-\d{4}\.db/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
