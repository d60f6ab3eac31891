import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  RatingBoxConfig,
  RatingPress,
  RatingScale,
  SerialDeviceConfig,
} from '../../core/contracts/rating.js';
import { ManualClock } from '../../core/domain/clock.js';
import type { SerialStatus } from '../../drivers/serial/port-manager.js';
import { buildApp, type XephangApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type {
  DeviceDriverFactory,
  KeyEvent,
  KeypadDriver,
  RatingBoxDriver,
} from '../../server/devices/drivers.js';
import { tempDataDir } from '../fakes/test-server.js';

/** The device manager with injected fake drivers: seeding, live reconfiguration, faults, ticket buttons. */

class FakeDriver {
  started = false;
  closed = false;
  private st: SerialStatus = { state: 'disconnected', since: 0 };
  private readonly statusListeners = new Set<(s: SerialStatus) => void>();
  readonly counts: Record<string, number> = { frames: 0, dropped: 0 };
  constructor(
    readonly path: string,
    readonly extra: { config: unknown; scale?: RatingScale },
  ) {}
  start(): void {
    this.started = true;
    this.setState('connected');
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  setState(state: SerialStatus['state'], lastError?: string): void {
    this.st = { state, since: Date.UTC(2026, 2, 4), ...(lastError ? { lastError } : {}) };
    for (const l of this.statusListeners) l(this.status());
  }
  onStatus(l: (s: SerialStatus) => void): () => void {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  }
  status(): SerialStatus {
    return { ...this.st };
  }
  stats(): Record<string, number> {
    return { ...this.counts };
  }
}

class FakeBox extends FakeDriver implements RatingBoxDriver {
  private readonly presses = new Set<(p: RatingPress) => void>();
  onPress(l: (p: RatingPress) => void): () => void {
    this.presses.add(l);
    return () => this.presses.delete(l);
  }
  press(p: RatingPress): void {
    for (const l of this.presses) l(p);
  }
}

class FakeKeypad extends FakeDriver implements KeypadDriver {
  private readonly keys = new Set<(k: KeyEvent) => void>();
  onKey(l: (k: KeyEvent) => void): () => void {
    this.keys.add(l);
    return () => this.keys.delete(l);
  }
  key(k: KeyEvent): void {
    for (const l of this.keys) l(k);
  }
}

function fakeFactory() {
  const made: Array<FakeBox | FakeKeypad> = [];
  const factory: DeviceDriverFactory = {
    ratingBox: (config: RatingBoxConfig, scale: RatingScale) => {
      if (config.path === '/dev/explodes') throw new Error('EACCES: permission denied, open /dev/explodes');
      const b = new FakeBox(config.path, { config, scale });
      made.push(b);
      return b;
    },
    keypad: (_id: string, config: SerialDeviceConfig) => {
      const k = new FakeKeypad(config.path, { config });
      made.push(k);
      return k;
    },
  };
  const live = (path: string) => made.filter((d) => d.path === path && !d.closed);
  return { factory, made, live };
}

const clock = new ManualClock(Date.UTC(2026, 2, 4, 2, 0, 0));
let apps: XephangApp[] = [];
let dirs: string[] = [];

async function start(env: Record<string, string>, factory: DeviceDriverFactory, dataDir = tempDataDir()) {
  dirs.push(dataDir);
  const config = loadConfig({ XEPHANG_DATA_DIR: dataDir, XEPHANG_PUBLIC_URL: 'http://127.0.0.1:1', ...env });
  const x = await buildApp({ config, clock, devices: factory });
  apps.push(x);
  return { x, dataDir };
}

async function adminCookie(x: XephangApp) {
  const r = await x.app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { username: 'admin', pin: '9999' },
  });
  return {
    cookie: String(r.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': r.json().csrfToken as string,
  };
}

const health = async (x: XephangApp) =>
  (await x.app.inject({ url: '/api/health' })).json().devices as Array<{
    id: string;
    state: string;
    lastError?: string;
  }>;

afterEach(async () => {
  for (const x of apps) await x.app.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  apps = [];
  dirs = [];
});

const ENV = {
  XEPHANG_RATING_BOXES: '1=/dev/box-1,2=/dev/box-2',
  XEPHANG_TICKET_BUTTONS: '/dev/buttons;map=1:HT,2:CT,3:HT:elderly',
  // no traffic to a real LAN address from tests: the printing path has its own fake-printer tests
  XEPHANG_PRINTER: 'none',
};

describe('device manager', () => {
  it('fills the table from the environment on first start only, and starts each device', async () => {
    const f = fakeFactory();
    const { x, dataDir } = await start(ENV, f.factory);
    expect(f.made.map((d) => [d.constructor.name, d.path, d.started])).toEqual([
      ['FakeBox', '/dev/box-1', true],
      ['FakeBox', '/dev/box-2', true],
      ['FakeKeypad', '/dev/buttons', true],
    ]);
    const h = await health(x);
    expect(h.map((d) => [d.id, d.state]).sort()).toEqual([
      ['box-1', 'connected'],
      ['box-2', 'connected'],
      ['buttons', 'connected'],
      ['printer', 'disabled'],
    ]);
    const list = await x.app.inject({ url: '/api/devices', headers: await adminCookie(x) });
    expect(list.json().devices.map((d: { id: string; kind: string }) => `${d.kind}:${d.id}`)).toEqual([
      'printer:printer',
      'ratingBox:box-1',
      'ratingBox:box-2',
      'ticketButtons:buttons',
    ]);
    await x.app.close();
    apps = [];
    const again = fakeFactory();
    await start({ XEPHANG_RATING_BOXES: '1=/dev/other' }, again.factory, dataDir);
    expect(again.made.map((d) => d.path)).toEqual(['/dev/box-1', '/dev/box-2', '/dev/buttons']);
  });

  it('applies edits live: changed devices restart, unchanged keep running, disabled and deleted stop', async () => {
    const f = fakeFactory();
    const { x } = await start(ENV, f.factory);
    const auth = await adminCookie(x);
    const h = { ...auth, 'content-type': 'application/json' };
    const put = (id: string, payload: Record<string, unknown>) =>
      x.app.inject({ method: 'PUT', url: `/api/devices/${id}`, headers: h, payload });
    const box2 = f.live('/dev/box-2')[0];
    const moved = await put('box-1', {
      kind: 'ratingBox',
      name: 'Hộp quầy 1',
      counter: 1,
      config: { path: '/dev/box-1b' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().status).toMatchObject({ state: 'connected' });
    expect(f.live('/dev/box-1')).toEqual([]);
    expect(f.live('/dev/box-1b')).toHaveLength(1);
    expect(f.live('/dev/box-2')[0]).toBe(box2);
    expect(
      (
        await put('box-2', {
          kind: 'ratingBox',
          name: 'x',
          counter: 2,
          config: { path: '/dev/box-2' },
          active: false,
        })
      ).statusCode,
    ).toBe(200);
    expect(box2?.closed).toBe(true);
    expect((await health(x)).find((d) => d.id === 'box-2')?.state).toBe('disabled');
    expect(
      (await x.app.inject({ method: 'DELETE', url: '/api/devices/box-1', headers: auth })).statusCode,
    ).toBe(204);
    expect(f.live('/dev/box-1b')).toEqual([]);
    expect((await health(x)).find((d) => d.id === 'box-1')?.state).toBe('disabled');
    expect(
      (await x.app.inject({ method: 'DELETE', url: '/api/devices/box-1', headers: auth })).json().code,
    ).toBe('NOT_FOUND');
    const bad = await put('buttons', {
      kind: 'ticketButtons',
      name: 'b',
      config: { path: '/dev/buttons', keys: { 1: { service: 'ZZ' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/unknown service ZZ/);
    expect((await x.app.inject({ url: '/api/devices' })).statusCode).toBe(401);
  });

  it('a device the driver refuses shows as error; the server keeps serving', async () => {
    const f = fakeFactory();
    const { x } = await start({ XEPHANG_RATING_BOXES: '1=/dev/explodes,2=/dev/box-2' }, f.factory);
    const h = await health(x);
    expect(h.find((d) => d.id === 'box-1')).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(/EACCES/),
    });
    expect(h.find((d) => d.id === 'box-2')?.state).toBe('connected');
    expect(
      (await x.app.inject({ method: 'POST', url: '/api/tickets', payload: { service: 'HT' } })).statusCode,
    ).toBe(201);
    f.live('/dev/box-2')[0]?.setState('disconnected', 'Error: port closed');
    const after = (await health(x)).find((d) => d.id === 'box-2');
    expect(after).toMatchObject({ state: 'disconnected', lastError: 'Error: port closed' });
  });

  it('a scale change restarts the boxes with the new scale', async () => {
    const f = fakeFactory();
    const { x } = await start({ XEPHANG_RATING_BOXES: '1=/dev/box-1' }, f.factory);
    const h = { ...(await adminCookie(x)), 'content-type': 'application/json' };
    const three = {
      levels: [
        { level: 1, label: 'Rất hài lòng', labelEn: 'Very satisfied' },
        { level: 2, label: 'Hài lòng', labelEn: 'Satisfied' },
        { level: 3, label: 'Không hài lòng', labelEn: 'Dissatisfied' },
      ],
      satisfied: [1, 2],
    };
    const r = await x.app.inject({ method: 'PUT', url: '/api/ratings/settings', headers: h, payload: three });
    expect(r.statusCode).toBe(200);
    const live = f.live('/dev/box-1');
    expect(live).toHaveLength(1);
    expect(live[0]?.extra.scale?.levels).toHaveLength(3);
    expect(f.made).toHaveLength(2);
  });

  it('box presses become ratings; ticket buttons issue tickets, a stuck key is rate-limited', async () => {
    const f = fakeFactory();
    const { x } = await start(ENV, f.factory);
    const box = f.live('/dev/box-1')[0] as FakeBox;
    box.press({ deviceId: 'box-1', counter: 1, key: 2, level: 2, at: clock.now() });
    await until(() => x.features.ratings.processed === 1);
    const row = x.db.prepare('SELECT level, ticket_id, official_id, source, device_id FROM ratings').get();
    expect(row).toEqual({ level: 2, ticket_id: null, official_id: null, source: 'box', device_id: 'box-1' });

    const pad = f.live('/dev/buttons')[0] as FakeKeypad;
    for (let i = 0; i < 50; i++) pad.key({ key: 1, at: clock.now() });
    await until(() => ticketCount(x) === 1);
    clock.advance(2_000);
    pad.key({ key: 3, at: clock.now() });
    pad.key({ key: 9, at: clock.now() });
    await until(() => ticketCount(x) === 2);
    const tickets = x.db.prepare('SELECT label, service, priority FROM tickets ORDER BY id').all();
    expect(tickets).toEqual([
      { label: 'A001', service: 'HT', priority: null },
      { label: 'A002', service: 'HT', priority: 'elderly' },
    ]);
    await until(async () => {
      const s = (await health(x)).find((d) => d.id === 'buttons') as { counters?: Record<string, number> };
      return s.counters?.issued === 2;
    });
    const s = (await health(x)).find((d) => d.id === 'buttons') as unknown as {
      counters: Record<string, number>;
    };
    expect(s.counters).toMatchObject({ issued: 2, limited: 49, unmapped: 1, refused: 0 });
  });
});

function ticketCount(x: XephangApp): number {
  return (x.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
}

async function until(fn: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
