import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DISPLAY_SETTINGS } from '../../../../core/contracts/display-defaults.js';
import { DEFAULT_VOICE_SETTINGS } from '../../../../core/domain/announcement-settings.js';
import type { AnnouncerEvents, CallAnnouncer } from '../voice/call-announcer.js';
import { call, snapshot, T0 } from './fixtures.test-helpers.js';
import { RELOAD_WAIT_MS, ScreenState, WATCHDOG_MS } from './screen.svelte.js';
import type { ScreenSocket } from './screen-socket.js';

class FakeSocket implements ScreenSocket {
  connected = false;
  disconnected = false;
  readonly listeners = new Map<string, ((p: unknown) => void)[]>();
  on(ev: string, fn: (p: unknown) => void) {
    this.listeners.set(ev, [...(this.listeners.get(ev) ?? []), fn]);
  }
  off() {}
  reconnects = 0;
  connect() {
    this.reconnects++;
  }
  disconnect() {
    this.disconnected = true;
  }
  emit(ev: string, payload?: unknown) {
    if (ev === 'connect') this.connected = true;
    if (ev === 'disconnect') this.connected = false;
    for (const fn of this.listeners.get(ev) ?? []) fn(payload);
  }
}

function fakeAnnouncer() {
  const enqueued: string[] = [];
  let events: AnnouncerEvents = { onState: () => {}, onStart: () => {} };
  const a: CallAnnouncer & { busy: boolean } = {
    busy: false,
    enqueue: (c) => void enqueued.push(`${c.label}@${c.counter}`),
    probe: async () => events.onState({ blocked: true, quiet: true }),
    unlock: async () => events.onState({ blocked: false, quiet: true }),
    setSettings: vi.fn(),
    whenIdle: () => new Promise<void>(() => {}), // never idle: the reload must still happen
    dispose: vi.fn(),
  };
  const factory = (ev: AnnouncerEvents) => {
    events = ev;
    return a;
  };
  return { enqueued, factory, a, events: () => events };
}

describe('ScreenState', () => {
  let socket: FakeSocket;
  let reload: ReturnType<typeof vi.fn<() => void>>;
  let voice: ReturnType<typeof fakeAnnouncer>;
  let screen: ScreenState;
  const make = (extra: Partial<ConstructorParameters<typeof ScreenState>[0]> = {}) =>
    new ScreenState({
      filter: null,
      ratingCounter: 1,
      connect: () => socket,
      fetchSettings: async () => ({ ...DEFAULT_DISPLAY_SETTINGS, highlightSeconds: 10 }),
      announcer: voice.factory,
      reload,
      serverAlive: async () => true,
      fetchVoice: async () => ({ ...DEFAULT_VOICE_SETTINGS, repeat: 1 }),
      ...extra,
    });

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    socket = new FakeSocket();
    reload = vi.fn<() => void>();
    voice = fakeAnnouncer();
    screen = make();
    screen.start();
  });
  afterEach(() => {
    screen.stop();
    vi.useRealTimers();
  });

  it('reports blocked autoplay and unblocks from a gesture; passes the voice settings on', async () => {
    await vi.advanceTimersByTimeAsync(0);
    expect(voice.a.setSettings).toHaveBeenCalledWith(expect.objectContaining({ repeat: 1 }));
    expect(screen.soundBlocked).toBe(true);
    await screen.unlockSound();
    expect(screen.soundBlocked).toBe(false);
  });

  it('applies facts, announces every call in order (recalls too), and ends the highlight', async () => {
    socket.emit('connect');
    socket.emit('queue:snapshot', snapshot());
    await vi.advanceTimersByTimeAsync(0); // settings loaded: 10 s highlight
    const a = call('A001', 1, T0, false, 77);
    socket.emit('ticket:called', a);
    socket.emit('ticket:called', call('B001', 2, T0));
    socket.emit('ticket:called', { ...a, recall: true });
    expect(voice.enqueued).toEqual(['A001@1', 'B001@2', 'A001@1']);
    expect(screen.model.highlight?.call.label).toBe('A001');
    expect(screen.model.highlight?.seq).toBe(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.model.highlight).toBeNull();
  });

  it('while the voice speaks, a new call is listed at once and highlighted when its turn comes', async () => {
    socket.emit('queue:snapshot', snapshot());
    const a = call('A001', 1, T0);
    socket.emit('ticket:called', a);
    voice.a.busy = true;
    voice.events().onStart(a);
    expect(screen.model.highlight?.seq).toBe(1); // the same call: no second flash
    const b = call('B001', 2, T0 + 1000);
    socket.emit('ticket:called', b);
    expect(screen.model.recent[0]?.label).toBe('B001');
    expect(screen.model.counters.find((c) => c.number === 2)?.current?.label).toBe('B001');
    expect(screen.model.highlight?.call.label).toBe('A001');
    voice.events().onStart(b);
    expect(screen.model.highlight?.call.label).toBe('B001');
    const c = call('C001', 3, T0 + 2000);
    socket.emit('ticket:called', c);
    expect(screen.model.highlight?.call.label).toBe('B001');
    voice.events().onState({ blocked: true, quiet: true }); // audio blocked: nothing holds it back
    expect(screen.model.highlight?.call.label).toBe('C001');
  });

  it('shows offline, resyncs from the snapshot on reconnect and announces fresh missed calls', async () => {
    socket.emit('connect');
    socket.emit('queue:snapshot', snapshot());
    socket.emit('disconnect');
    expect(screen.online).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    socket.emit('connect');
    const missed = call('C009', 3, T0 + 4_000);
    socket.emit(
      'queue:snapshot',
      snapshot({ at: new Date(T0 + 5_000).toISOString(), recentCalls: [missed] }),
    );
    expect(screen.online).toBe(true);
    expect(voice.enqueued).toEqual(['C009@3']);
    expect(screen.model.highlight?.call.label).toBe('C009');
  });

  it('reconnects by itself after the server closed the socket (restart)', async () => {
    socket.emit('connect');
    socket.emit('disconnect', 'transport close');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(socket.reconnects).toBe(0); // Socket.IO retries transport failures itself
    socket.emit('connect');
    socket.emit('disconnect', 'io server disconnect');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket.reconnects).toBe(1);
  });

  it('reloads when the server version changes, even if an announcement never ends', async () => {
    socket.emit('queue:snapshot', snapshot());
    socket.emit('queue:snapshot', snapshot({ version: '0.2.0+def' }));
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(RELOAD_WAIT_MS);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a watchdog reloads a screen that stays offline while the server answers HTTP', async () => {
    socket.emit('connect');
    socket.emit('disconnect');
    await vi.advanceTimersByTimeAsync(WATCHDOG_MS + RELOAD_WAIT_MS);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('prompts for a rating at its counter and returns to idle', async () => {
    await vi.advanceTimersByTimeAsync(0);
    socket.emit('rating:requested', { counter: 2 });
    expect(screen.rating.kind).toBe('idle');
    socket.emit('rating:requested', { counter: 1, label: 'A001' });
    expect(screen.rating.kind).toBe('prompt');
    await vi.advanceTimersByTimeAsync(5_000);
    socket.emit('rating:received', { counter: 1, level: 1 });
    expect(screen.rating.kind).toBe('thanks');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(screen.rating.kind).toBe('idle');
  });

  it('stop() clears every timer, disconnects and silences the voice', async () => {
    socket.emit('queue:snapshot', snapshot());
    socket.emit('ticket:called', call('A001', 1, T0));
    socket.emit('rating:requested', { counter: 1 });
    socket.emit('disconnect');
    expect(screen.armedTimers).toBeGreaterThan(3);
    screen.stop();
    expect(screen.armedTimers).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(socket.disconnected).toBe(true);
    expect(voice.a.dispose).toHaveBeenCalled();
    socket.emit('ticket:called', call('A002', 1, T0)); // a late event after stop arms nothing
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ticks the clock on the minute, corrected by the server time', async () => {
    socket.emit('queue:snapshot', snapshot({ at: new Date(T0 + 3_600_000).toISOString() }));
    expect(screen.clock).toBe(T0 + 3_600_000);
    await vi.advanceTimersByTimeAsync(60_050);
    expect(screen.clock).toBe(T0 + 3_600_000 + 60_050);
  });
});
