import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOfStatusUrl } from '../../core/contracts/status.js';
import { ManualClock } from '../../core/domain/clock.js';
import { estimateWaitMinutes, MAX_SERVICE_MS } from '../../server/services/status-service.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

const MIN = 60_000;
const KEYS = [
  'ahead',
  'calledAt',
  'counter',
  'estimatedWaitMin',
  'issuedAt',
  'label',
  'service',
  'serviceName',
  'serviceNameEn',
  'status',
  'timeZone',
];

describe('estimateWaitMinutes', () => {
  it.each([
    { d: [6 * MIN, 6 * MIN], ahead: 1, open: 1, want: 6 },
    { d: [6 * MIN, 10 * MIN], ahead: 3, open: 2, want: 12 },
    { d: [4 * MIN], ahead: 1, open: 3, want: 2 },
    { d: [10_000], ahead: 1, open: 4, want: 1 },
    { d: [6 * MIN], ahead: 0, open: 1, want: 0 },
    { d: [6 * MIN], ahead: 2, open: 0, want: null },
    { d: [], ahead: 2, open: 1, want: null },
    { d: [0, -5, MAX_SERVICE_MS + 1], ahead: 2, open: 1, want: null },
    { d: [MAX_SERVICE_MS + 1, 8 * MIN], ahead: 2, open: 1, want: 16 },
  ])('$ahead ahead, $open open, $d → $want', ({ d, ahead, open, want }) => {
    expect(estimateWaitMinutes(d, ahead, open)).toBe(want);
  });
});

describe('tokenOfStatusUrl', () => {
  it('takes the token from a ticket statusUrl and refuses anything else', () => {
    expect(tokenOfStatusUrl('http://10.0.0.2:8080/t/AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(tokenOfStatusUrl('http://x/t/short')).toBeNull();
    expect(tokenOfStatusUrl('http://x/kiosk')).toBeNull();
  });
});

describe('GET /api/t/:token', () => {
  let s: TestServer;
  const clock = new ManualClock(Date.parse('2025-09-15T02:00:00Z'));
  const kiosk = () => new HttpClient(s.url);
  const status = (token: string, lang = 'vi') =>
    kiosk().req<Record<string, unknown>>('GET', `/api/t/${token}`, undefined, { 'accept-language': lang });
  const issue = async (service: string, extra: Record<string, unknown> = {}) => {
    const r = await kiosk().issue(service, extra);
    expect(r.status).toBe(201);
    return { ...r.body, token: tokenOfStatusUrl(r.body.statusUrl)! };
  };

  beforeAll(async () => {
    s = await startTestServer({ clock });
  });
  afterAll(async () => {
    await s.close(true);
  });

  it('refuses unknown and malformed tokens with stable codes', async () => {
    const unknown = await status('AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNKNOWN_TICKET');
    const bad = await status('not*a*token');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await status('abc')).status).toBe(400);
  });

  it('follows a ticket from waiting to called, with people ahead and an estimate', async () => {
    const a1 = await issue('HT');
    const a2 = await issue('HT');
    const a3 = await issue('HT');
    let r = await status(a3.token);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(KEYS);
    expect(r.body).toMatchObject({
      label: a3.label,
      service: 'HT',
      serviceName: 'Hộ tịch',
      serviceNameEn: 'Civil status',
      status: 'waiting',
      ahead: 2,
      estimatedWaitMin: null, // nobody at a counter yet
      counter: null,
      calledAt: null,
      timeZone: 'Asia/Ho_Chi_Minh',
    });

    const lan = new HttpClient(s.url);
    expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
    expect((await status(a3.token)).body.estimatedWaitMin).toBeNull(); // no finished visit to learn from

    expect((await lan.counter(1, 'call-next')).body.ticket.label).toBe(a1.label);
    clock.advance(6 * MIN);
    expect((await lan.counter(1, 'finish')).status).toBe(200);
    r = await status(a3.token);
    expect(r.body).toMatchObject({ ahead: 1, estimatedWaitMin: 6 });

    const minh = new HttpClient(s.url);
    expect((await minh.login(DEMO.minh.username, DEMO.minh.pin, 2)).status).toBe(201);
    const a4 = await issue('HT');
    expect((await status(a4.token)).body).toMatchObject({ ahead: 2, estimatedWaitMin: 6 }); // 2 × 6 ÷ 2

    expect((await lan.counter(1, 'call-next')).body.ticket.label).toBe(a2.label);
    expect((await status(a3.token)).body).toMatchObject({ ahead: 0, estimatedWaitMin: 0 });
    expect((await minh.counter(2, 'call-next')).body.ticket.label).toBe(a3.label);
    r = await status(a3.token);
    expect(r.body).toMatchObject({ status: 'called', counter: 2, ahead: 0, estimatedWaitMin: null });
    expect(r.body.calledAt).toBe(new Date(clock.now()).toISOString());

    expect((await minh.counter(2, 'start')).status).toBe(200);
    expect((await status(a3.token)).body.status).toBe('serving');
    expect((await minh.counter(2, 'finish')).status).toBe(200);
    expect((await status(a3.token)).body).toMatchObject({ status: 'finished', counter: 2 });
  });

  it('counts only priority tickets ahead of a priority ticket, and needs no device or session', async () => {
    const p = await issue('CT', { priority: 'elderly' });
    await issue('CT');
    const p2 = await issue('CT', { priority: 'pregnant' });
    const r = await status(p2.token, 'en');
    expect(r.body).toMatchObject({ status: 'waiting', ahead: 1 });
    expect((await status(p.token)).body.ahead).toBe(0);
  });
});
