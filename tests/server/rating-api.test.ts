import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { localDay } from '../../core/domain/local-time.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { connectSocket } from '../fakes/socket-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * Ratings through the REST API with a paired tablet (the same attribution as the boxes), the
 * prompt and received events on both socket namespaces, settings, and the privacy rules.
 */

let s: TestServer;
let admin: HttpClient;
let lan: HttpClient;
let tablet: HttpClient;
const clock = new ManualClock(Date.UTC(2026, 2, 3, 1, 30, 0)); // 08:30 in Hà Nội
const today = () => localDay(clock.now(), 'Asia/Ho_Chi_Minh');

type RateResult = {
  id: number | null;
  kind: string;
  label: string | null;
  askReason: boolean;
  code?: string;
};

async function serveOne(official: HttpClient, counter: number, service = 'HT') {
  await new HttpClient(s.url).issue(service);
  const called = await official.counter(counter, 'call-next');
  expect(called.status, JSON.stringify(called.body)).toBe(200);
  clock.advance(60_000);
  expect((await official.counter(counter, 'finish')).status).toBe(200);
  return called.body.ticket;
}

const rate = (body: Record<string, unknown>) => tablet.req<RateResult>('POST', '/api/ratings', body);

beforeAll(async () => {
  s = await startTestServer({ clock });
  admin = new HttpClient(s.url);
  await admin.login(DEMO.admin.username, DEMO.admin.pin);
  lan = new HttpClient(s.url);
  expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
  const code = (await lan.req<{ code: string }>('POST', '/api/pairing-codes', { kind: 'tablet', counter: 1 }))
    .body.code;
  tablet = new HttpClient(s.url);
  expect((await tablet.req('POST', '/api/pair', { code, name: 'Máy tính bảng quầy 1' })).status).toBe(201);
});

afterAll(async () => {
  await s?.close(true);
});

describe('the tablet rates like a box', () => {
  it('finish → rating:requested (no official on /display) → press → rating:received, on that ticket', async () => {
    const display = connectSocket(s.url, '/display');
    const consoleSock = connectSocket(s.url, '/console', lan.cookie);
    await display.next('queue:snapshot');
    await consoleSock.next('queue:snapshot');
    const ticket = await serveOne(lan, 1);
    const asked = await display.next('rating:requested');
    expect(asked).toEqual({
      counter: 1,
      ticketId: ticket.id,
      label: ticket.label,
      expiresAt: new Date(clock.now() + 30_000).toISOString(),
    });
    expect(await consoleSock.next('rating:requested')).toMatchObject({ officialName: 'Nguyễn Thị Lan' });
    clock.advance(5_000);
    const r = await rate({ counter: 1, level: 1 });
    expect(r).toMatchObject({ status: 201, body: { kind: 'ticket', label: ticket.label, askReason: false } });
    expect(await display.next('rating:received')).toEqual({
      counter: 1,
      level: 1,
      label: ticket.label,
      at: new Date(clock.now()).toISOString(),
    });
    // bounce within 3 s, then a duplicate: one rating per ticket, never overwritten
    clock.advance(1_000);
    expect((await rate({ counter: 1, level: 4 })).body).toMatchObject({ kind: 'bounce', id: null });
    clock.advance(5_000);
    expect((await rate({ counter: 1, level: 4 })).body).toMatchObject({ kind: 'duplicate', id: null });
    const list = await admin.req<{
      ratings: Array<{ ticketId: number; level: number; officialName: string }>;
    }>('GET', '/api/ratings');
    expect(list.body.ratings.filter((x) => x.ticketId === ticket.id)).toEqual([
      expect.objectContaining({ level: 1, officialName: 'Nguyễn Thị Lan', source: 'tablet' }),
    ]);
    display.socket.close();
    consoleSock.socket.close();
  });

  it('a low rating asks for a reason, which the same tablet may add once', async () => {
    await serveOne(lan, 1);
    clock.advance(4_000);
    const r = await rate({ counter: 1, level: 4 });
    expect(r.body).toMatchObject({ kind: 'ticket', askReason: true });
    const id = r.body.id;
    expect((await tablet.req('POST', `/api/ratings/${id}/reason`, { reason: 'nope' })).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await tablet.req('POST', `/api/ratings/${id}/reason`, { reason: 'wait' })).status).toBe(204);
    expect((await tablet.req('POST', `/api/ratings/${id}/reason`, { reason: 'other' })).body.code).toBe(
      'NOT_FOUND',
    );
    const list = await admin.req<{ ratings: Array<{ id: number; reason: string | null }> }>(
      'GET',
      '/api/ratings',
    );
    expect(list.body.ratings.find((x) => x.id === id)?.reason).toBe('wait');
  });

  it('refuses a level that is not on the scale', async () => {
    clock.advance(10_000);
    expect((await rate({ counter: 1, level: 5 })).body.code).toBe('VALIDATION_FAILED');
  });
});

describe('settings', () => {
  it('the scale is public; only admins change it, and it must stay valid', async () => {
    const scale = await new HttpClient(s.url).req<{
      levels: unknown[];
      satisfied: number[];
      windowSeconds: number;
    }>('GET', '/api/ratings/scale');
    expect(scale.body).toMatchObject({ satisfied: [1, 2], windowSeconds: 45, promptSeconds: 30 });
    expect(scale.body.levels).toHaveLength(4);
    expect((await lan.req('PUT', '/api/ratings/settings', { windowSeconds: 60 })).status).toBe(403);
    const bad = await admin.req('PUT', '/api/ratings/settings', { satisfied: [1, 2, 3, 4] });
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const ok = await admin.req<{ windowSeconds: number }>('PUT', '/api/ratings/settings', {
      windowSeconds: 60,
    });
    expect(ok.body.windowSeconds).toBe(60);
    await admin.req('PUT', '/api/ratings/settings', { windowSeconds: 45 });
  });
});

describe('privacy', () => {
  it('officials never get single ratings with times; only their own aggregates over whole days', async () => {
    expect((await lan.req('GET', '/api/ratings')).status).toBe(403);
    const mine = await lan.req<{
      officialId: number;
      counts: Record<string, number>;
      valid: number;
      rate: number;
    }>('GET', `/api/ratings/summary?from=${today()}&to=${today()}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      counts: { 1: 1, 4: 1 },
      valid: 2,
      satisfied: 1,
      rate: 0.5,
      general: 0,
    });
    expect(JSON.stringify(mine.body)).not.toMatch(/"at"|T\d\d:\d\d/);
    const other = await lan.req('GET', `/api/ratings/summary?from=${today()}&to=${today()}&official=2`);
    expect(other.body.code).toBe('FORBIDDEN');
  });

  it('leaders see every rating and any official, plus general feedback', async () => {
    const leader = new HttpClient(s.url);
    await leader.login(DEMO.leader.username, DEMO.leader.pin);
    const all = await leader.req<{ ratings: unknown[]; truncated: boolean }>('GET', '/api/ratings?limit=1');
    expect(all.body).toMatchObject({ truncated: true });
    const site = await leader.req<{ valid: number; general: number; officialId: null }>(
      'GET',
      `/api/ratings/summary?from=${today()}&to=${today()}`,
    );
    expect(site.body).toMatchObject({ officialId: null, valid: 2, general: 0 });
    expect((await new HttpClient(s.url).req('GET', '/api/ratings')).status).toBe(401);
  });
});
