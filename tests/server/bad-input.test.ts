import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

describe('bad input gets a 4xx with a stable code and a message, never a 500', () => {
  let s: TestServer;
  let kiosk: HttpClient;
  let lan: HttpClient;
  beforeAll(async () => {
    s = await startTestServer({ env: { XEPHANG_SITE: 'tests/fixtures/site-small-cap.json' } });
    kiosk = new HttpClient(s.url);
    lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 1);
  });
  afterAll(async () => {
    await s.close(true);
  });

  it.each([
    ['malformed JSON', 'POST', '/api/tickets', '{"service":', 400, 'INVALID_JSON'],
    ['missing service', 'POST', '/api/tickets', {}, 400, 'VALIDATION_FAILED'],
    ['service of the wrong type', 'POST', '/api/tickets', { service: 42 }, 400, 'VALIDATION_FAILED'],
    ['extra fields', 'POST', '/api/tickets', { service: 'HT', admin: true }, 400, 'VALIDATION_FAILED'],
    ['unknown service', 'POST', '/api/tickets', { service: 'NOPE' }, 404, 'UNKNOWN_SERVICE'],
    ['inactive service', 'POST', '/api/tickets', { service: 'OFF' }, 409, 'SERVICE_INACTIVE'],
    ['closed service', 'POST', '/api/tickets', { service: 'NIGHT' }, 409, 'SERVICE_CLOSED'],
    ['unknown priority', 'POST', '/api/tickets', { service: 'HT', priority: 'vip' }, 400, 'UNKNOWN_PRIORITY'],
    [
      'bad requestId',
      'POST',
      '/api/tickets',
      { service: 'HT', requestId: "'; DROP TABLE tickets;--" },
      400,
      'VALIDATION_FAILED',
    ],
    ['unknown route', 'GET', '/api/nothing-here', undefined, 404, 'NOT_FOUND'],
    ['counter not a number', 'POST', '/api/counters/abc/call-next', undefined, 400, 'VALIDATION_FAILED'],
    ['huge body', 'POST', '/api/tickets', { service: 'x'.repeat(100_000) }, 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s', async (_name, method, path, body, status, code) => {
    const r = await kiosk.req<{ code: string; message: string }>(method, path, body);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
    expect(r.body.message.length).toBeGreaterThan(5);
  });

  it('refuses past the daily cap with a clear message', async () => {
    expect((await kiosk.issue('CAP')).status).toBe(201);
    expect((await kiosk.issue('CAP')).status).toBe(201);
    const r = await kiosk.req<{ code: string; message: string }>('POST', '/api/tickets', { service: 'CAP' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'DAILY_CAP_REACHED' });
    expect(r.body.message).toContain('đã hết số trong ngày hôm nay (2 số)');
  });

  it('answers in English with Accept-Language: en', async () => {
    const r = await kiosk.req<{ message: string }>(
      'POST',
      '/api/tickets',
      { service: 'NOPE' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(r.body.message).toBe('There is no service "NOPE". Please choose another service.');
  });

  it.each([
    ['call at an unknown counter', 99, 'call-next', undefined, 404, 'UNKNOWN_COUNTER'],
    ['act at a counter one is not logged in at', 2, 'call-next', undefined, 403, 'NOT_AT_THIS_COUNTER'],
    ['recall with no current ticket', 1, 'recall', undefined, 409, 'NO_CURRENT_TICKET'],
    ['call a ticket that does not exist', 1, 'call', { ticket: 'Z999' }, 404, 'UNKNOWN_TICKET'],
    ['transfer with no target', 1, 'transfer', {}, 409, 'NO_CURRENT_TICKET'],
    ['pause without a reason', 1, 'pause', {}, 400, 'VALIDATION_FAILED'],
  ])('counter: %s', async (_n, counter, action, body, status, code) => {
    const r = await lan.counter(counter, action, body);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
  });

  it('wrong transitions say what to do', async () => {
    await kiosk.issue('HT');
    expect((await lan.counter(1, 'call-next')).status).toBe(200);
    const again = await lan.counter(1, 'call-next');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TICKET_IN_PROGRESS');
    expect((await lan.counter(1, 'transfer', {})).body.code).toBe('TRANSFER_TARGET_REQUIRED');
    expect((await lan.counter(1, 'transfer', { service: 'NOPE' })).body.code).toBe('UNKNOWN_SERVICE');
    expect((await lan.counter(1, 'pause', { reason: 'break' })).body.code).toBe('TICKET_IN_PROGRESS');
    const id = (await lan.counter(1, 'finish')).body.ticket.id;
    expect((await lan.req('POST', `/api/tickets/${id}/return`)).body).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect((await lan.req('POST', `/api/tickets/${id}/cancel`, { reason: 'x' })).body).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect((await lan.counter(1, 'pause', { reason: 'break' })).status).toBe(200);
    expect((await lan.counter(1, 'call-next')).body.code).toBe('COUNTER_PAUSED');
    expect((await lan.counter(1, 'resume')).status).toBe(200);
  });

  it('the server is still healthy afterwards', async () => {
    const r = await kiosk.req<{ status: string }>('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(DEMO.lan.pin).toBe('1111');
  });
});
