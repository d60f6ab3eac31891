import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * Every registered route × every kind of caller. The table says who may use each route; the test
 * proves that everybody else is refused by the server (401/403 with an auth code) and that the
 * callers allowed are not. A route added without a row here fails the first test.
 *
 * Callers: anonymous (from an IP outside XEPHANG_DEVICE_ALLOW), an official at counter 1, an
 * official at counter 2, a leader and an administrator (both without a counter).
 */
type Caller = 'anonymous' | 'official1' | 'official2' | 'leader' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'official1', 'official2', 'leader', 'admin'];

/** Who may use a route. */
type Access =
  | 'public' // anyone, anywhere
  | 'device' // allowed IPs, paired devices, or any logged-in user (kiosks, screens)
  | 'tablet' // a paired rating tablet only (cookie xh_device)
  | 'staff' // any logged-in user
  | 'desk' // officials and administrators
  | 'counter' // the official logged in at counter :n
  | 'counterOrAdmin' // the official at that counter, or an administrator
  | 'manager' // leaders and administrators
  | 'admin';

const ALLOWED: Record<Access, Caller[]> = {
  public: CALLERS,
  device: ['official1', 'official2', 'leader', 'admin'],
  tablet: [],
  staff: ['official1', 'official2', 'leader', 'admin'],
  desk: ['official1', 'official2', 'admin'],
  counter: ['official1'],
  counterOrAdmin: ['official1', 'admin'],
  manager: ['leader', 'admin'],
  admin: ['admin'],
};

interface Row {
  access: Access;
  /** a body that passes validation, so the refusal seen is about the caller */
  body?: unknown;
  contentType?: string;
  /** path parameters (defaults: n=1, id=999999, code=ZZZ, token=nope, counter=1) */
  params?: Record<string, string | number>;
  query?: string;
  /** the call ends the caller's session (log in again afterwards) */
  endsSession?: boolean;
}

const ALL_DAY = { mon: [['07:00', '17:00']] };
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]);

const ROUTE_ACCESS: Record<string, Row> = {
  'GET /': { access: 'public' },
  'GET /apps/*': { access: 'public' },
  'GET /voice/*': { access: 'public' },
  'GET /voice/vi/manifest.json': { access: 'public' },
  'GET /kiosk': { access: 'public' },
  'GET /t/:token': { access: 'public' },
  'GET /display': { access: 'public' },
  'GET /display/counter/:n': { access: 'public' },
  'GET /rate/:counter': { access: 'public' },
  'GET /console': { access: 'public' },
  'GET /console/*': { access: 'public' },
  'GET /api/health': { access: 'public' },
  'GET /api/t/:token': { access: 'public' },
  'GET /api/setup': { access: 'public' },
  'POST /api/setup': {
    access: 'public',
    body: { setupCode: '1', username: 'root', displayName: 'x', password: '12345678' },
  },
  'POST /api/sessions': { access: 'public', body: { username: 'nobody', pin: '0000' } },
  'POST /api/pair': { access: 'public', body: { code: '000000', name: 'Máy' } },
  'GET /api/paired-devices/current': { access: 'public' },
  'GET /api/ratings/scale': { access: 'public' },
  // who holds which counter: the login screen shows it before anyone logs in
  'GET /api/counters': { access: 'public' },

  'GET /api/services': { access: 'device' },
  'GET /api/queue': { access: 'device' },
  'GET /api/display/settings': { access: 'device' },
  'GET /api/display/voice': { access: 'device' },
  'POST /api/tickets': { access: 'device', body: { service: 'HT' } },

  'POST /api/ratings': { access: 'tablet', body: { counter: 1, level: 1 } },
  'POST /api/ratings/:id/reason': { access: 'tablet', body: { reason: 'slow' } },

  'GET /api/sessions/current': { access: 'staff' },
  'DELETE /api/sessions/current': { access: 'staff', endsSession: true },
  'GET /api/me/today': { access: 'staff' },
  'GET /api/tickets/:id': { access: 'staff' },
  'GET /api/tickets/:id/ticket.png': { access: 'staff' },
  'GET /api/ratings/summary': { access: 'staff', query: 'from=2026-01-01&to=2026-01-31' },
  // officials get only their own figures (groupBy=official), leaders and admins everything
  'GET /api/reports': { access: 'staff' },

  'POST /api/tickets/:id/return': { access: 'desk' },
  'POST /api/tickets/:id/cancel': { access: 'desk', body: { reason: 'Thử' } },
  'POST /api/tickets/:id/reprint': { access: 'desk' },

  'POST /api/counters/:n/call-next': { access: 'counter' },
  'POST /api/counters/:n/call': { access: 'counter', body: { ticket: 'Z999' } },
  'POST /api/counters/:n/recall': { access: 'counter' },
  'POST /api/counters/:n/start': { access: 'counter' },
  'POST /api/counters/:n/no-show': { access: 'counter' },
  'POST /api/counters/:n/finish': { access: 'counter' },
  'POST /api/counters/:n/transfer': { access: 'counter', body: { service: 'CT' } },
  'POST /api/counters/:n/pause': { access: 'counter', body: { reason: 'Họp' } },
  'POST /api/counters/:n/resume': { access: 'counter' },
  'GET /api/counters/:n/waiting': { access: 'counterOrAdmin' },
  'GET /api/counters/:n/current': { access: 'counterOrAdmin' },
  'POST /api/pairing-codes': { access: 'counterOrAdmin', body: { kind: 'tablet', counter: 1 } },

  'GET /api/ratings': { access: 'manager' },
  'GET /api/dashboard': { access: 'manager' },
  'GET /api/reports/export.xlsx': { access: 'manager' },
  'GET /api/reports/export.csv': { access: 'manager' },

  'GET /api/paired-devices': { access: 'admin' },
  'DELETE /api/paired-devices/:id': { access: 'admin' },
  'PUT /api/ratings/settings': { access: 'admin', body: {} },
  'GET /api/devices': { access: 'admin' },
  'PUT /api/devices/:id': {
    access: 'admin',
    body: { kind: 'printer', name: 'Thử', config: { uri: 'none' }, active: false },
  },
  'DELETE /api/devices/:id': { access: 'admin' },
  'GET /api/admin/site': { access: 'admin' },
  'PUT /api/admin/centre': {
    access: 'admin',
    body: { province: '', commune: '', name: 'Trung tâm', address: '', hotline: '' },
  },
  'PUT /api/admin/priority-policy': {
    access: 'admin',
    body: { mode: 'ratio', normalPerPriority: 2, agingMinutes: 30 },
  },
  'PUT /api/admin/calendar': { access: 'admin', body: { holidays: [], closures: [] } },
  'POST /api/admin/services': {
    access: 'admin',
    body: {
      code: 'MX',
      name: 'Thử',
      prefix: 'M',
      color: '#123456',
      dailyCap: 10,
      hours: ALL_DAY,
      active: true,
    },
  },
  'PUT /api/admin/services/:code': { access: 'admin', body: { name: 'Thử' } },
  'DELETE /api/admin/services/:code': { access: 'admin' },
  'POST /api/admin/counters': { access: 'admin', body: { number: 90, name: 'Quầy 90', services: ['HT'] } },
  'PUT /api/admin/counters/:n': { access: 'admin', body: { name: 'Quầy' }, params: { n: 999 } },
  'DELETE /api/admin/counters/:n': { access: 'admin', params: { n: 999 } },
  'POST /api/admin/priority-categories': { access: 'admin', body: { code: 'mx', name: 'Thử' } },
  'PUT /api/admin/priority-categories/:code': { access: 'admin', body: { name: 'Thử' } },
  'DELETE /api/admin/priority-categories/:code': { access: 'admin' },
  'GET /api/admin/officials': { access: 'admin' },
  'POST /api/admin/officials': {
    access: 'admin',
    body: { username: 'matrix', displayName: 'Thử', agency: '', role: 'official', pin: '123456' },
  },
  'PUT /api/admin/officials/:id': { access: 'admin', body: { agency: 'x' } },
  'POST /api/admin/officials/:id/pin': { access: 'admin', body: { pin: '12345678' } },
  'GET /api/admin/officials/:id/export': { access: 'admin' },
  'POST /api/admin/officials/:id/anonymise': { access: 'admin' },
  'GET /api/admin/settings': { access: 'admin' },
  'PUT /api/admin/settings/display': { access: 'admin', body: 'CURRENT:display' },
  'PUT /api/admin/settings/voice': { access: 'admin', body: 'CURRENT:voice' },
  'PUT /api/admin/settings/rating': { access: 'admin', body: {} },
  'PUT /api/admin/settings/ticket-layout': { access: 'admin', body: 'CURRENT:ticketLayout' },
  'PUT /api/admin/settings/retention': { access: 'admin', body: { visitsDays: 1095, ratingsDays: 1095 } },
  'PUT /api/admin/settings/security': { access: 'admin', body: { maxFailedLogins: 5, lockMinutes: 5 } },
  'POST /api/admin/ticket-preview': { access: 'admin', body: 'PREVIEW' },
  'GET /api/admin/day': { access: 'admin' },
  'POST /api/admin/day/close-early': { access: 'admin' },
  'POST /api/admin/day/reopen': { access: 'admin' },
  'POST /api/admin/day/end': { access: 'admin' },
  'GET /api/admin/tickets': { access: 'admin' },
  'POST /api/admin/tickets/:id/cancel': { access: 'admin', body: { reason: 'Thử' } },
  'POST /api/admin/tickets/:id/reprint': { access: 'admin' },
  'POST /api/admin/printer/test': { access: 'admin' },
  'GET /api/admin/audit': { access: 'admin' },
  'GET /api/admin/backup': { access: 'admin' },
  'POST /api/admin/retention/run': { access: 'admin' },
  'GET /api/admin/voice/segments': { access: 'admin' },
  'PUT /api/admin/voice/segments/:id': {
    access: 'admin',
    body: OGG,
    contentType: 'audio/ogg',
    params: { id: 'zzz' },
    query: 'durationMs=500',
  },
  'DELETE /api/admin/voice/segments/:id': { access: 'admin', params: { id: 'zzz' } },
};

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_AT_THIS_COUNTER', 'DEVICE_NOT_ALLOWED'];
const DEFAULT_PARAMS: Record<string, string | number> = {
  n: 1,
  id: 999999,
  code: 'ZZZ',
  token: 'nope',
  counter: 1,
};
const OUTSIDER_IP = '10.9.8.7';

describe('route × role matrix', () => {
  let s: TestServer;
  const sessions = new Map<Caller, { cookie: string; csrf: string }>();
  let current: Record<string, unknown> = {};

  const login = async (who: Caller) => {
    if (who === 'anonymous') return sessions.set(who, { cookie: '', csrf: '' });
    const c = new HttpClient(s.url);
    const [u, counter] = {
      official1: [DEMO.lan, 1],
      official2: [DEMO.minh, 2],
      leader: [DEMO.leader, undefined],
      admin: [DEMO.admin, undefined],
    }[who] as [{ username: string; pin: string }, number | undefined];
    const r = await c.login(u.username, u.pin, counter);
    expect(r.status, `login ${who}`).toBe(201);
    sessions.set(who, { cookie: c.cookie, csrf: c.csrf });
  };

  beforeAll(async () => {
    s = await startTestServer({ env: { XEPHANG_DEVICE_ALLOW: '192.168.77.0/24' } });
    for (const who of CALLERS) await login(who);
    const admin = new HttpClient(s.url);
    Object.assign(admin, sessions.get('admin'));
    current = (await admin.req('GET', '/api/admin/settings')).body;
  });
  afterAll(async () => {
    await s.close(true);
  });

  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('every registered route has a row in the table, and every row is a registered route', () => {
    const registered = s.x.routes.map(key);
    const missing = registered.filter((k) => !(k in ROUTE_ACCESS));
    expect(missing, 'routes without an access row: add them to ROUTE_ACCESS').toEqual([]);
    expect(
      Object.keys(ROUTE_ACCESS).filter((k) => !registered.includes(k)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  async function call(routeKey: string, who: Caller) {
    const row = ROUTE_ACCESS[routeKey]!;
    const [method, path] = routeKey.split(' ') as [string, string];
    const url =
      path
        .replace(/:(\w+)/g, (_m, p: string) =>
          encodeURIComponent(String(row.params?.[p] ?? DEFAULT_PARAMS[p])),
        )
        .replace('*', 'x') + (row.query ? `?${row.query}` : '');
    let body = row.body;
    if (typeof body === 'string' && body.startsWith('CURRENT:')) body = current[body.slice(8)];
    if (body === 'PREVIEW') body = { layout: current.ticketLayout };
    const auth = sessions.get(who)!;
    const headers: Record<string, string> = {};
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.csrf && method !== 'GET') headers['x-csrf-token'] = auth.csrf;
    if (body !== undefined) headers['content-type'] = row.contentType ?? 'application/json';
    const res = await s.x.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: OUTSIDER_IP,
      ...(body !== undefined ? { payload: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
    });
    let code = '';
    try {
      code = String((JSON.parse(res.body) as { code?: string }).code ?? '');
    } catch {}
    return { status: res.statusCode, code, url };
  }

  it('refuses anonymous and wrong-role callers on every route, on the server', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const routeKey of Object.keys(ROUTE_ACCESS)) {
      const allowed = ALLOWED[ROUTE_ACCESS[routeKey]!.access];
      for (const who of CALLERS.filter((c) => !allowed.includes(c))) {
        const r = await call(routeKey, who);
        checked++;
        if (!((r.status === 401 || r.status === 403) && REFUSALS.includes(r.code)))
          wrong.push(`${routeKey} as ${who}: ${r.status} ${r.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('lets the allowed callers through (whatever the business answer)', async () => {
    const wrong: string[] = [];
    const keys = Object.keys(ROUTE_ACCESS).sort(
      (a, b) => Number(!!ROUTE_ACCESS[a]!.endsSession) - Number(!!ROUTE_ACCESS[b]!.endsSession),
    );
    for (const routeKey of keys) {
      for (const who of ALLOWED[ROUTE_ACCESS[routeKey]!.access]) {
        const r = await call(routeKey, who);
        if ((r.status === 401 || r.status === 403) && REFUSALS.includes(r.code))
          wrong.push(`${routeKey} as ${who}: ${r.code}`);
        if (r.status >= 500) wrong.push(`${routeKey} as ${who}: ${r.status}`);
        if (ROUTE_ACCESS[routeKey]!.endsSession) await login(who);
      }
    }
    expect(wrong).toEqual([]);
  });
});
