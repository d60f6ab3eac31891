import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_REASONS } from '../../../core/contracts/rating-api.js';
import { DEFAULT_RATING_SCALE } from '../../../core/domain/rating-scales.js';
import { levelLook, mouthPath } from './faces.js';
import { REASON_MS, RateState, type RateSocket, THANKS_MS } from './rate-state.svelte.js';

const SETTINGS = {
  ...DEFAULT_RATING_SCALE,
  windowSeconds: 45,
  promptSeconds: 30,
  reasons: DEFAULT_RATING_REASONS,
};

class FakeSocket implements RateSocket {
  readonly handlers = new Map<string, (p: unknown) => void>();
  disconnected = false;
  on(event: string, fn: (p: unknown) => void) {
    this.handlers.set(event, fn);
  }
  disconnect() {
    this.disconnected = true;
  }
  emit(event: string, payload?: unknown) {
    this.handlers.get(event)?.(payload);
  }
}

function rig(opts: { device?: unknown; rate?: unknown; failRate?: { code: string; message: string } } = {}) {
  const calls: Array<[string, string, unknown]> = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const socket = new FakeSocket();
  const responses: Record<string, unknown> = {
    'GET /api/paired-devices/current': {
      device: 'device' in opts ? opts.device : { kind: 'tablet', counter: 2 },
    },
    'GET /api/ratings/scale': SETTINGS,
    'POST /api/ratings': opts.rate ?? { id: 7, kind: 'ticket', label: 'A012', askReason: false },
    'POST /api/pair': { device: { kind: 'tablet', counter: 2 } },
  };
  const state = new RateState({
    counter: 2,
    api: async <T>(method: string, path: string, body?: unknown) => {
      calls.push([method, path, body]);
      if (method === 'POST' && path === '/api/ratings' && opts.failRate) throw opts.failRate;
      return (responses[`${method} ${path}`] ?? {}) as T;
    },
    connect: () => socket,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      if (h) (h as { cleared: boolean }).cleared = true;
    },
  });
  const fire = (ms: number) => {
    for (const t of timers.filter((x) => x.ms === ms && !x.cleared)) {
      t.cleared = true;
      t.fn();
    }
  };
  return { state, calls, socket, fire };
}

describe('tablet rating page state', () => {
  it('a tablet paired for this counter is ready; the prompt follows rating:requested for this counter only', async () => {
    const { state, socket, fire } = rig();
    await state.start();
    expect(state.phase).toBe('ready');
    socket.emit('rating:requested', { counter: 1, label: 'A001' });
    expect(state.prompt).toBeNull();
    socket.emit('rating:requested', { counter: 2, label: 'A012', expiresAt: '2000-01-01T00:00:00Z' });
    expect(state.prompt).toEqual({ label: 'A012' });
    fire(30_000);
    expect(state.prompt).toBeNull();
    socket.emit('rating:requested', { counter: 2, label: 'A013' });
    socket.emit('rating:received', { counter: 2, level: 1 });
    expect(state.prompt).toBeNull();
  });

  it('a press → thanks → ready again', async () => {
    const { state, calls, fire } = rig();
    await state.start();
    await state.rate(1);
    expect(calls.at(-1)).toEqual(['POST', '/api/ratings', { counter: 2, level: 1 }]);
    expect(state.phase).toBe('thanks');
    await state.rate(2); // ignored while thanking
    expect(calls.filter((c) => c[1] === '/api/ratings')).toHaveLength(1);
    fire(THANKS_MS);
    expect(state.phase).toBe('ready');
  });

  it('a low rating offers the reasons; a pick is sent, and the list times out to thanks', async () => {
    const { state, calls, fire } = rig({ rate: { id: 9, kind: 'ticket', label: 'A012', askReason: true } });
    await state.start();
    await state.rate(4);
    expect(state.phase).toBe('reason');
    await state.reason('wait');
    expect(calls.at(-1)).toEqual(['POST', '/api/ratings/9/reason', { reason: 'wait' }]);
    expect(state.phase).toBe('thanks');
    fire(THANKS_MS);
    await state.rate(4);
    fire(REASON_MS);
    expect(state.phase).toBe('thanks');
  });

  it('unpaired (or paired for another counter) → the pairing form; a good code makes it ready', async () => {
    const { state, calls } = rig({ device: { kind: 'tablet', counter: 5 } });
    await state.start();
    expect(state.phase).toBe('unpaired');
    expect(state.pairedElsewhere).toBe(true);
    await state.pair('123 456', 'Máy tính bảng quầy 2');
    expect(calls.at(-1)).toEqual(['POST', '/api/pair', { code: '123456', name: 'Máy tính bảng quầy 2' }]);
    expect(state.phase).toBe('ready');
  });

  it('a revoked tablet goes back to pairing; other failures keep the buttons with a message', async () => {
    const revoked = rig({ failRate: { code: 'DEVICE_NOT_ALLOWED', message: 'no' } });
    await revoked.state.start();
    await revoked.state.rate(1);
    expect(revoked.state.phase).toBe('unpaired');
    const offline = rig({ failRate: { code: 'OFFLINE', message: 'Mất kết nối tới máy chủ.' } });
    await offline.state.start();
    await offline.state.rate(1);
    expect(offline.state.phase).toBe('ready');
    expect(offline.state.failed).toBe('Mất kết nối tới máy chủ.');
  });

  it('tracks the socket connection', async () => {
    const { state, socket } = rig();
    await state.start();
    socket.emit('disconnect');
    expect(state.online).toBe(false);
    socket.emit('connect');
    expect(state.online).toBe(true);
    state.stop();
    expect(socket.disconnected).toBe(true);
  });
});

describe('faces', () => {
  it.each([2, 3, 4, 5])('%i levels: best is green and happy, worst is red and sad', (n) => {
    expect(levelLook(1, n)).toMatchObject({ bg: '#1b5e20', mood: 1 });
    expect(levelLook(n, n)).toMatchObject({ bg: '#b71c1c', mood: -1 });
  });

  it('the mouth bends up for happy, down for sad', () => {
    expect(mouthPath(1)).toBe('M30 62 Q50 80 70 62');
    expect(mouthPath(-1)).toBe('M30 70 Q50 52 70 70');
    expect(mouthPath(0)).toBe('M30 66 Q50 66 70 66');
  });
});
