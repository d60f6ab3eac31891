import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../client/api.js';
import type { IssuedTicket, IssueTicketBody } from '../../../../core/contracts/api.js';
import type { TicketPublicStatus } from '../../../../core/contracts/status.js';
import { service } from '../test-fixtures.js';
import { DISMISS_GUARD_MS, HOLD_MS, KioskMachine } from './kiosk.svelte.js';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';

function ticket(body: IssueTicketBody, over: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    id: 1,
    label: 'A023',
    service: body.service,
    serviceName: 'Hộ tịch',
    priority: body.priority ?? null,
    ahead: 4,
    issuedAt: '2025-09-15T02:00:00.000Z',
    statusUrl: `http://10.0.0.2:8080/t/${TOKEN}`,
    ...over,
  };
}

/** A server double: records every request and answers with what the test queues. */
class FakeServer {
  sent: IssueTicketBody[] = [];
  answers: Array<(b: IssueTicketBody) => Promise<IssuedTicket>> = [];
  estimate: Partial<TicketPublicStatus> = { ahead: 4, estimatedWaitMin: 12 };
  issue = (b: IssueTicketBody) => {
    this.sent.push(b);
    const next = this.answers.shift();
    return next ? next(b) : Promise.resolve(ticket(b));
  };
  status = vi.fn(async (_token: string) => this.estimate as TicketPublicStatus);
}

describe('KioskMachine', () => {
  let server: FakeServer;
  let ids: number;
  let m: KioskMachine;
  const hooks = { onIssued: vi.fn(), onRefused: vi.fn(), onReset: vi.fn() };

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    ids = 0;
    for (const h of Object.values(hooks)) h.mockClear();
    m = new KioskMachine({
      issue: server.issue,
      status: server.status,
      newRequestId: () => `request-${++ids}`,
      ...hooks,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('idle → choose → issued → back to idle by itself, in one touch', async () => {
    expect(m.phase).toBe('start');
    const done = m.choose(service());
    expect(m.phase).toBe('issuing');
    expect(m.busyService).toBe('HT');
    await done;
    expect(m.phase).toBe('issued');
    expect(m.ticket?.label).toBe('A023');
    expect(server.sent).toEqual([
      { service: 'HT', priority: null, requestId: 'request-1', waitForPrint: true },
    ]);
    expect(hooks.onIssued).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.status).toHaveBeenCalledWith(TOKEN);
    expect(m.estimate).toEqual({ ahead: 4, waitMin: 12 });
    expect(m.secondsLeft).toBe(HOLD_MS.issued / 1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(m.secondsLeft).toBe(HOLD_MS.issued / 1000 - 3);
    await vi.advanceTimersByTimeAsync(HOLD_MS.issued - 3000);
    expect(m.phase).toBe('start');
    expect(m.ticket).toBeNull();
    expect(hooks.onReset).toHaveBeenCalledOnce();
  });

  it('idle → priority → choose → issued: the priority goes with the tap and is cleared after', async () => {
    m.togglePriority('elderly');
    expect(m.priority).toBe('elderly');
    await m.choose(service());
    expect(server.sent[0]).toMatchObject({ priority: 'elderly' });
    expect(m.ticket?.priority).toBe('elderly');
    vi.advanceTimersByTime(DISMISS_GUARD_MS);
    m.dismiss();
    expect(m.phase).toBe('start');
    expect(m.priority).toBeNull();
  });

  it('a priority chip toggles off, and forgets itself when nobody taps a service', () => {
    m.togglePriority('elderly');
    m.togglePriority('elderly');
    expect(m.priority).toBeNull();
    m.togglePriority('pregnant');
    vi.advanceTimersByTime(HOLD_MS.priority);
    expect(m.priority).toBeNull();
  });

  it('a double tap makes one request', async () => {
    const first = m.choose(service());
    const second = m.choose(service());
    const other = m.choose(service({ code: 'CT' }));
    await Promise.all([first, second, other]);
    expect(server.sent).toHaveLength(1);
    expect(m.phase).toBe('issued');
  });

  it('ignores the tail of a double tap on the confirmation, then a touch returns to the start', async () => {
    await m.choose(service());
    m.dismiss();
    expect(m.phase).toBe('issued');
    vi.advanceTimersByTime(DISMISS_GUARD_MS);
    m.dismiss();
    expect(m.phase).toBe('start');
  });

  it('retries a lost request with the same requestId and shows the one ticket', async () => {
    const offline = () => Promise.reject(new ApiError(0, 'OFFLINE', 'Mất kết nối'));
    server.answers.push(offline, () => Promise.reject(new ApiError(503, 'INTERNAL', 'x')));
    const done = m.choose(service());
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(server.sent.map((b) => b.requestId)).toEqual(['request-1', 'request-1', 'request-1']);
    expect(m.phase).toBe('issued');
  });

  it('gives up after the retries and says the kiosk is offline', async () => {
    const offline = () => Promise.reject(new ApiError(0, 'OFFLINE', 'Mất kết nối tới máy chủ.'));
    server.answers.push(offline, offline, offline);
    const done = m.choose(service());
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(server.sent).toHaveLength(3);
    expect(m.phase).toBe('refused');
    expect(m.refusal).toEqual({ kind: 'offline', message: 'Mất kết nối tới máy chủ.', service: 'HT' });
  });

  it.each([
    ['DAILY_CAP_REACHED', 409, 'cap'],
    ['SERVICE_CLOSED', 409, 'closed'],
    ['RATE_LIMITED', 429, 'busy'],
    ['UNKNOWN_PRIORITY', 400, 'other'],
  ] as const)('a %s refusal is said plainly and not retried', async (code, status, kind) => {
    server.answers.push(() => Promise.reject(new ApiError(status, code, `message for ${code}`)));
    await m.choose(service());
    expect(server.sent).toHaveLength(1);
    expect(m.phase).toBe('refused');
    expect(m.refusal).toEqual({ kind, message: `message for ${code}`, service: 'HT' });
    expect(hooks.onRefused).toHaveBeenCalledWith(m.refusal);
    await vi.advanceTimersByTimeAsync(HOLD_MS.refused);
    expect(m.phase).toBe('start');
  });

  it('keeps a failed print on screen longer', async () => {
    server.answers.push((b) =>
      Promise.resolve(ticket(b, { print: { state: 'failed', reason: 'paperOut' } })),
    );
    await m.choose(service());
    await vi.advanceTimersByTimeAsync(HOLD_MS.issued);
    expect(m.phase).toBe('issued');
    await vi.advanceTimersByTimeAsync(HOLD_MS.paperless - HOLD_MS.issued);
    expect(m.phase).toBe('start');
  });

  it('does not issue for a closed or full service', async () => {
    await m.choose(service({ open: false, opensAt: '2025-09-16T00:30:00.000Z' }));
    await m.choose(service({ capReached: true }));
    expect(server.sent).toHaveLength(0);
    expect(m.phase).toBe('start');
  });

  it('shows the number even when the estimate cannot be read', async () => {
    server.status.mockRejectedValueOnce(new ApiError(0, 'OFFLINE', 'x'));
    await m.choose(service());
    await vi.advanceTimersByTimeAsync(0);
    expect(m.phase).toBe('issued');
    expect(m.estimate).toEqual({ ahead: 4, waitMin: null });
  });
});
