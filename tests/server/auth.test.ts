import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { connectSocket } from '../fakes/socket-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

describe('sessions, roles, CSRF and lockout', () => {
  let s: TestServer;
  const clock = new ManualClock(Date.parse('2026-11-23T08:00:00+07:00'));
  beforeAll(async () => {
    s = await startTestServer({ clock });
  });
  afterAll(async () => {
    await s.close(true);
  });

  it('refuses anonymous counter actions and wrong PINs', async () => {
    const anon = new HttpClient(s.url);
    expect((await anon.counter(1, 'call-next')).body.code).toBe('UNAUTHENTICATED');
    const r = await anon.req('POST', '/api/sessions', { username: 'lan', pin: '0000', counter: 1 });
    expect(r).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    expect((await anon.req('POST', '/api/sessions', { username: 'nobody', pin: '0000' })).status).toBe(401);
  });

  it('an official needs a counter; leaders and admins do not', async () => {
    expect((await new HttpClient(s.url).login('minh', '2222')).body.code).toBe('COUNTER_REQUIRED');
    expect((await new HttpClient(s.url).login(DEMO.leader.username, DEMO.leader.pin)).status).toBe(201);
  });

  it('gives the session cookie a Max-Age, so a browser with a wrong clock keeps it', async () => {
    const res = await fetch(`${s.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chutich', pin: '5555' }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Expires=/i);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('requires the CSRF token on cookie-authenticated state changes', async () => {
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 1);
    const token = lan.csrf;
    lan.csrf = '';
    expect((await lan.counter(1, 'call-next')).body.code).toBe('CSRF_FAILED');
    lan.csrf = 'forged';
    expect((await lan.counter(1, 'call-next')).body.code).toBe('CSRF_FAILED');
    lan.csrf = token;
    expect((await lan.counter(1, 'call-next')).body.code).toBe('QUEUE_EMPTY');
  });

  it('one official per counter: 409 COUNTER_OCCUPIED, admin may take over', async () => {
    const minh = await new HttpClient(s.url).login('minh', '2222', 1);
    expect(minh).toMatchObject({ status: 409, body: { code: 'COUNTER_OCCUPIED' } });
    expect(String(minh.body.message)).toContain('Nguyễn Thị Lan');
    const admin = new HttpClient(s.url);
    expect(
      (
        await admin.req('POST', '/api/sessions', {
          username: 'admin',
          pin: '9999',
          counter: 1,
          takeover: true,
        })
      ).status,
    ).toBe(201);
    const counters = (
      await admin.req<{ counters: Array<{ number: number; official: { displayName: string } | null }> }>(
        'GET',
        '/api/counters',
      )
    ).body;
    expect(counters.counters.find((c) => c.number === 1)?.official?.displayName).toBe('Quản trị viên');
  });

  it('the taken-over session is ended', async () => {
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 2);
    const again = new HttpClient(s.url);
    again.cookie = lan.cookie;
    again.csrf = lan.csrf;
    expect((await again.req('GET', '/api/sessions/current')).status).toBe(200);
    await lan.req('DELETE', '/api/sessions/current');
    expect((await again.req('GET', '/api/sessions/current')).body.code).toBe('SESSION_EXPIRED');
  });

  it('locks an account after 5 failed PINs, for 5 minutes', async () => {
    const c = new HttpClient(s.url);
    for (let i = 0; i < 5; i++)
      await c.req('POST', '/api/sessions', { username: 'thu', pin: '0000', counter: 4 });
    const locked = await c.req('POST', '/api/sessions', { username: 'thu', pin: '4444', counter: 4 });
    expect(locked).toMatchObject({ status: 423, body: { code: 'ACCOUNT_LOCKED' } });
    clock.advance(5 * 60_000 + 1);
    expect((await c.login('thu', '4444', 4)).status).toBe(201);
  });

  it('sessions expire', async () => {
    const hung = new HttpClient(s.url);
    await hung.login('hung', '3333', 3);
    clock.advance(13 * 3_600_000);
    expect((await hung.counter(3, 'call-next')).body.code).toBe('SESSION_EXPIRED');
    expect((await new HttpClient(s.url).login('hung', '3333', 3)).status).toBe(201);
  });

  it('the /console socket needs a session; /display does not', async () => {
    const anon = connectSocket(s.url, '/console');
    const err = await new Promise<Error>((resolve) => anon.socket.on('connect_error', resolve));
    expect(err.message).toBe('UNAUTHENTICATED');
    anon.socket.close();
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 2);
    const ok = connectSocket(s.url, '/console', lan.cookie);
    expect(await ok.next('queue:snapshot')).toBeTruthy();
    ok.socket.close();
  });

  it('pages send security headers', async () => {
    const res = await fetch(`${s.url}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
