import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/** Pairing kiosks, tablets and screens with one-time codes; what a paired token allows. */

let server: TestServer;
let admin: HttpClient;
const clock = new ManualClock(Date.UTC(2026, 2, 2, 2, 0, 0));

type Code = { code: string; expiresAt: string; counter: number | null; kind: string };

async function newCode(body: Record<string, unknown>, by = admin): Promise<string> {
  const r = await by.req<Code>('POST', '/api/pairing-codes', body);
  expect(r.status).toBe(201);
  return r.body.code;
}

async function pairedClient(code: string, name = 'Máy tính bảng quầy 1'): Promise<HttpClient> {
  const c = new HttpClient(server.url);
  const r = await c.req('POST', '/api/pair', { code, name });
  expect(r.status).toBe(201);
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { XEPHANG_DEVICE_ALLOW: '10.9.0.0/16' } });
  admin = new HttpClient(server.url);
  expect((await admin.login(DEMO.admin.username, DEMO.admin.pin)).status).toBe(201);
});

afterAll(async () => {
  await server?.close(true);
});

describe('pairing codes', () => {
  it('an admin makes a 6-digit code valid for 10 minutes', async () => {
    const r = await admin.req<Code>('POST', '/api/pairing-codes', { kind: 'tablet', counter: 1 });
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(/^[0-9]{6}$/);
    expect(Date.parse(r.body.expiresAt) - clock.now()).toBe(10 * 60_000);
    expect(r.body).toMatchObject({ kind: 'tablet', counter: 1 });
  });

  it('the device trades it for an httpOnly long-lived cookie, once', async () => {
    const code = await newCode({ kind: 'tablet', counter: 1 });
    const tablet = new HttpClient(server.url);
    const res = await fetch(`${server.url}/api/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: `${code.slice(0, 3)} ${code.slice(3)}`, name: 'Máy tính bảng quầy 1' }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^xh_device=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=3153\d{4}/);
    tablet.cookie = cookie.split(';')[0] ?? '';
    const me = await tablet.req<{ device: { kind: string; counter: number; name: string } }>(
      'GET',
      '/api/paired-devices/current',
    );
    expect(me.body.device).toMatchObject({ kind: 'tablet', counter: 1, name: 'Máy tính bảng quầy 1' });
    const again = await new HttpClient(server.url).req('POST', '/api/pair', { code, name: 'x' });
    expect(again).toMatchObject({ status: 403, body: { code: 'PAIRING_CODE_INVALID' } });
  });

  it('refuses wrong and expired codes', async () => {
    const wrong = await new HttpClient(server.url).req('POST', '/api/pair', { code: '000000', name: 'x' });
    expect(wrong).toMatchObject({ status: 403, body: { code: 'PAIRING_CODE_INVALID' } }); // 1 in 10^6 chance of a live code
    const malformed = await new HttpClient(server.url).req('POST', '/api/pair', {
      code: '12ab56',
      name: 'x',
    });
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const code = await newCode({ kind: 'screen', counter: 2 });
    clock.advance(10 * 60_000 + 1);
    const late = await new HttpClient(server.url).req('POST', '/api/pair', { code, name: 'Màn hình quầy 2' });
    expect(late).toMatchObject({ status: 403, body: { code: 'PAIRING_CODE_INVALID' } });
  });

  it('an official may pair only the tablet of the counter they are logged in at', async () => {
    const lan = new HttpClient(server.url);
    expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
    expect((await lan.req('POST', '/api/pairing-codes', { kind: 'tablet', counter: 1 })).status).toBe(201);
    expect((await lan.req('POST', '/api/pairing-codes', { kind: 'tablet', counter: 2 })).body.code).toBe(
      'NOT_AT_THIS_COUNTER',
    );
    expect((await lan.req('POST', '/api/pairing-codes', { kind: 'kiosk' })).body.code).toBe('FORBIDDEN');
    const leader = new HttpClient(server.url);
    await leader.login(DEMO.leader.username, DEMO.leader.pin);
    expect((await leader.req('POST', '/api/pairing-codes', { kind: 'tablet', counter: 1 })).status).toBe(403);
    expect(
      (await new HttpClient(server.url).req('POST', '/api/pairing-codes', { kind: 'kiosk' })).status,
    ).toBe(401);
    expect((await admin.req('POST', '/api/pairing-codes', { kind: 'tablet' })).body.code).toBe(
      'COUNTER_REQUIRED',
    );
    expect((await admin.req('POST', '/api/pairing-codes', { kind: 'tablet', counter: 99 })).body.code).toBe(
      'UNKNOWN_COUNTER',
    );
    await lan.req('DELETE', '/api/sessions/current');
  });
});

describe('what a paired token allows', () => {
  it('only a tablet paired for that counter may rate; others get 403 DEVICE_NOT_ALLOWED', async () => {
    const anonymous = await new HttpClient(server.url).req('POST', '/api/ratings', { counter: 1, level: 1 });
    expect(anonymous).toMatchObject({ status: 403, body: { code: 'DEVICE_NOT_ALLOWED' } });
    const staff = await admin.req('POST', '/api/ratings', { counter: 1, level: 1 });
    expect(staff.body.code).toBe('DEVICE_NOT_ALLOWED');
    const tablet = await pairedClient(await newCode({ kind: 'tablet', counter: 1 }));
    expect((await tablet.req('POST', '/api/ratings', { counter: 2, level: 1 })).body.code).toBe(
      'DEVICE_NOT_ALLOWED',
    );
    const screen = await pairedClient(await newCode({ kind: 'screen', counter: 1 }), 'Màn hình quầy 1');
    expect((await screen.req('POST', '/api/ratings', { counter: 1, level: 1 })).body.code).toBe(
      'DEVICE_NOT_ALLOWED',
    );
    const ok = await tablet.req('POST', '/api/ratings', { counter: 1, level: 2 });
    expect(ok).toMatchObject({ status: 201, body: { kind: 'general', label: null, askReason: false } });
  });

  it('a paired kiosk may issue from outside the IP allow-list; an unpaired browser may not', async () => {
    const kioskCookie = (await pairedClient(await newCode({ kind: 'kiosk' }), 'Ki-ốt sảnh')).cookie;
    const issue = (cookie?: string) =>
      server.x.app.inject({
        method: 'POST',
        url: '/api/tickets',
        remoteAddress: '192.168.5.5',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        payload: { service: 'HT' },
      });
    const refused = await issue();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DEVICE_NOT_ALLOWED');
    expect((await issue(kioskCookie)).statusCode).toBe(201);
    expect((await issue('xh_device=forged-token')).statusCode).toBe(403);
  });

  it('admins list and revoke; a revoked device is refused at once', async () => {
    const tablet = await pairedClient(await newCode({ kind: 'tablet', counter: 3 }), 'Tablet quầy 3');
    const list = await admin.req<{ devices: Array<{ id: number; name: string; revokedAt: string | null }> }>(
      'GET',
      '/api/paired-devices',
    );
    const mine = list.body.devices.find((d) => d.name === 'Tablet quầy 3');
    expect(mine?.revokedAt).toBeNull();
    expect(JSON.stringify(list.body)).not.toMatch(/token/i);
    expect((await tablet.req('GET', '/api/paired-devices')).status).toBe(401);
    expect((await admin.req('DELETE', `/api/paired-devices/${mine?.id}`)).status).toBe(204);
    expect((await admin.req('DELETE', `/api/paired-devices/${mine?.id}`)).body.code).toBe('NOT_FOUND');
    expect((await tablet.req('POST', '/api/ratings', { counter: 3, level: 1 })).body.code).toBe(
      'DEVICE_NOT_ALLOWED',
    );
    expect(
      (await tablet.req<{ device: unknown }>('GET', '/api/paired-devices/current')).body.device,
    ).toBeNull();
  });
});
