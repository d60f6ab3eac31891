import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { ApiError } from '../../../../client/api.js';
import type { TicketPublicStatus } from '../../../../core/contracts/status.js';
import { RECONNECT_MS } from '../net/kiosk-link.js';
import { linkStatus } from '../net/status-link.js';
import { FakeSocket, NOW, snapshot } from '../test-fixtures.js';
import { COALESCE_MS, POLL_MS, StatusTracker } from './status.svelte.js';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';

function status(over: Partial<TicketPublicStatus> = {}): TicketPublicStatus {
  return {
    label: 'A023',
    service: 'HT',
    serviceName: 'Hộ tịch',
    serviceNameEn: 'Civil status',
    status: 'waiting',
    ahead: 3,
    estimatedWaitMin: 9,
    counter: null,
    calledAt: null,
    issuedAt: new Date(NOW).toISOString(),
    timeZone: 'Asia/Ho_Chi_Minh',
    ...over,
  };
}

describe('StatusTracker and its socket link', () => {
  let answer: () => Promise<TicketPublicStatus>;
  let fetches: number;
  let onCalled: Mock<(s: TicketPublicStatus) => void>;
  let tracker: StatusTracker;
  let socket: FakeSocket;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    fetches = 0;
    answer = async () => status();
    onCalled = vi.fn();
    tracker = new StatusTracker(TOKEN, {
      fetch: () => {
        fetches++;
        return answer();
      },
      onCalled,
    });
    socket = new FakeSocket();
    stop = linkStatus(tracker, socket.asSocket(), document);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('loads at once, again on connect, and once per burst of events', async () => {
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toBe(1);
    expect(tracker.data?.label).toBe('A023');
    socket.serverEmit('queue:snapshot', snapshot([]));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toBe(2);
    expect(tracker.live).toBe(true);
    expect(tracker.centreName).toContain('Tân Phú Đông');
    socket.serverEmit('ticket:called', {});
    socket.serverEmit('queue:waiting', { services: {} });
    socket.serverEmit('counter:changed', {});
    await vi.advanceTimersByTimeAsync(COALESCE_MS);
    expect(fetches).toBe(3);
  });

  it('signals a call once, and again on a recall', async () => {
    await vi.advanceTimersByTimeAsync(0);
    answer = async () =>
      status({ status: 'called', counter: 2, calledAt: '2025-09-15T02:10:00.000Z', ahead: 0 });
    tracker.onEvent();
    await vi.advanceTimersByTimeAsync(COALESCE_MS);
    expect(onCalled).toHaveBeenCalledTimes(1);
    tracker.onEvent();
    await vi.advanceTimersByTimeAsync(COALESCE_MS);
    expect(onCalled).toHaveBeenCalledTimes(1);
    answer = async () =>
      status({ status: 'called', counter: 2, calledAt: '2025-09-15T02:12:00.000Z', ahead: 0 });
    tracker.onEvent();
    await vi.advanceTimersByTimeAsync(COALESCE_MS);
    expect(onCalled).toHaveBeenCalledTimes(2);
  });

  it('polls without the socket, and is offline only when nothing reaches the server', async () => {
    await vi.advanceTimersByTimeAsync(0);
    socket.serverEmit('connect_error', new Error('DEVICE_NOT_ALLOWED'));
    expect(tracker.offline).toBe(false);
    await vi.advanceTimersByTimeAsync(POLL_MS.offline);
    expect(fetches).toBe(2);
    answer = () => Promise.reject(new ApiError(0, 'OFFLINE', 'x'));
    await vi.advanceTimersByTimeAsync(POLL_MS.offline);
    expect(tracker.offline).toBe(true);
    answer = async () => status();
    await vi.advanceTimersByTimeAsync(POLL_MS.offline);
    expect(tracker.offline).toBe(false);
  });

  it('stops polling for an unknown ticket', async () => {
    await vi.advanceTimersByTimeAsync(0);
    answer = () => Promise.reject(new ApiError(404, 'UNKNOWN_TICKET', 'x'));
    await tracker.refresh();
    expect(tracker.unknown).toBe(true);
    await vi.advanceTimersByTimeAsync(POLL_MS.offline * 10);
    expect(fetches).toBe(2);
  });

  it('reconnects by itself after the server dropped the socket (restart)', async () => {
    socket.serverEmit('disconnect', 'io server disconnect');
    expect(socket.connects).toBe(0);
    await vi.advanceTimersByTimeAsync(RECONNECT_MS * 5);
    expect(socket.connects).toBe(1);
  });
});
