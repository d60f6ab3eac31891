import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveQueue } from '../state/live-queue.svelte.js';
import { FakeSocket, NOW, service, snapshot } from '../test-fixtures.js';
import { linkKiosk, RECONNECT_MS } from './kiosk-link.js';

describe('kiosk link', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('feeds the live queue, refreshes services, goes offline and reconnects after a restart', async () => {
    vi.setSystemTime(NOW);
    const live = new LiveQueue();
    const socket = new FakeSocket();
    const load = vi.fn(async () => ({ services: [service({ waiting: 4 })], priorityCategories: [] }));
    const reload = vi.fn();
    const link = linkKiosk(live, {
      socket: socket.asSocket(),
      loadServices: load,
      reload,
      isIdle: () => true,
    });
    socket.serverEmit('queue:snapshot', snapshot([service()]));
    await vi.advanceTimersByTimeAsync(0);
    expect(live.link).toBe('online');
    expect(load).toHaveBeenCalledOnce();
    expect(live.services[0]?.waiting).toBe(4);
    socket.serverEmit('queue:waiting', { services: { HT: 6 } });
    expect(live.services[0]?.waiting).toBe(6);

    socket.serverEmit('disconnect', 'io server disconnect');
    expect(live.link).toBe('offline');
    await vi.advanceTimersByTimeAsync(RECONNECT_MS);
    expect(socket.connects).toBe(1);

    socket.serverEmit('queue:snapshot', snapshot([service()], { version: '9.9.9' }));
    expect(reload).toHaveBeenCalledOnce();
    link.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(3);
    link.stop();
    expect(socket.disconnects).toBe(1);
  });

  it('refreshes at the next opening or closing time', async () => {
    vi.setSystemTime(NOW);
    const live = new LiveQueue();
    const socket = new FakeSocket();
    const load = vi.fn(async () => ({
      services: [service({ closesAt: new Date(NOW + 5000).toISOString() })],
      priorityCategories: [],
    }));
    const link = linkKiosk(live, {
      socket: socket.asSocket(),
      loadServices: load,
      reload: vi.fn(),
      isIdle: () => true,
    });
    socket.serverEmit('queue:snapshot', snapshot([service()]));
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5600);
    expect(load).toHaveBeenCalledTimes(2);
    link.stop();
  });
});
