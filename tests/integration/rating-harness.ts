import { expect } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { type PtyPair, startPtyPair, stopAllPtyPairs } from '../fakes/pty.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * A real server whose rating boxes (and optionally a ticket-button pad) are real pseudo-terminals:
 * the test is the box, writing `K<n>\r\n` to the pty; the server reads the other end through the
 * serialport driver, attributes, stores and reports exactly as on site.
 */

export const OFFICIALS = [DEMO.lan, DEMO.minh, DEMO.hung, DEMO.thu] as const;

export interface RatingRig {
  server: TestServer;
  clock: ManualClock;
  /** boxes[i] is the box of counter i + 1 */
  boxes: PtyPair[];
  buttons: PtyPair | null;
  leader: HttpClient;
  close(): Promise<void>;
}

export interface Rating {
  id: number;
  level: number;
  ticketId: number | null;
  ticketLabel: string | null;
  counter: number;
  officialId: number | null;
  officialName: string | null;
  source: string;
  deviceId: string;
}

/** Polls `fn` every 10 ms until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  fn: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startRatingRig(opts: {
  counters: number;
  buttonsMap?: string;
  start?: number;
}): Promise<RatingRig> {
  const clock = new ManualClock(opts.start ?? Date.UTC(2026, 2, 9, 0, 30, 0)); // Monday 07:30 in Việt Nam
  const boxes = await Promise.all(Array.from({ length: opts.counters }, () => startPtyPair()));
  const buttons = opts.buttonsMap ? await startPtyPair() : null;
  const env: Record<string, string> = {
    XEPHANG_RATING_BOXES: boxes.map((p, i) => `${i + 1}=${p.devicePath}`).join(','),
  };
  if (buttons) env.XEPHANG_TICKET_BUTTONS = `${buttons.devicePath};map=${opts.buttonsMap}`;
  const server = await startTestServer({ env, clock });
  const leader = new HttpClient(server.url);
  expect((await leader.login(DEMO.leader.username, DEMO.leader.pin)).status).toBe(201);
  const ids = [...boxes.map((_, i) => `box-${i + 1}`), ...(buttons ? ['buttons'] : [])];
  await waitFor(
    async () => (await deviceStates(server.url, ids)).every((s) => s === 'connected'),
    5000,
    'devices connected',
  );
  return {
    server,
    clock,
    boxes,
    buttons,
    leader,
    close: async () => {
      await server.close(true);
      for (const p of [...boxes, ...(buttons ? [buttons] : [])]) await p.close();
      stopAllPtyPairs();
    },
  };
}

/** States of the given devices as /api/health shows them (undefined when not listed). */
export async function deviceStates(url: string, ids: readonly string[]): Promise<Array<string | undefined>> {
  const h = (await (await fetch(`${url}/api/health`)).json()) as {
    devices: Array<{ id: string; state: string }>;
  };
  return ids.map((id) => h.devices.find((d) => d.id === id)?.state);
}

/**
 * Each box writes one key (in parallel, like citizens at several counters), then waits until the
 * server has handled every press (stored, bounced or duplicate).
 */
export async function press(
  rig: RatingRig,
  presses: ReadonlyArray<[counter: number, key: number]>,
): Promise<void> {
  const ratings = rig.server.x.features.ratings;
  const target = ratings.processed + presses.length;
  await Promise.all(presses.map(([counter, key]) => rig.boxes[counter - 1]!.write(`K${key}\r\n`)));
  await waitFor(() => ratings.processed >= target, 5000, `${presses.length} press(es) handled`);
  expect(ratings.processed).toBe(target);
}

/** Every rating, as leaders see them. */
export async function allRatings(rig: RatingRig): Promise<Rating[]> {
  const r = await rig.leader.req<{ ratings: Rating[] }>(
    'GET',
    '/api/ratings?from=2000-01-01T00:00:00Z&limit=10000',
  );
  expect(r.status).toBe(200);
  return r.body.ratings;
}

/** Logs each official in at counter i + 1. */
export async function officialsAtCounters(rig: RatingRig, n: number): Promise<HttpClient[]> {
  const out: HttpClient[] = [];
  for (let i = 0; i < n; i++) {
    const c = new HttpClient(rig.server.url);
    const o = OFFICIALS[i]!;
    const r = await c.login(o.username, o.pin, i + 1);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    out.push(c);
  }
  return out;
}

/** Issue one ticket, call it at `counter`, finish it; returns the ticket. */
export async function serve(rig: RatingRig, official: HttpClient, counter: number, service = 'HT') {
  expect((await new HttpClient(rig.server.url).issue(service)).status).toBe(201);
  const called = await official.counter(counter, 'call-next');
  expect(called.status, JSON.stringify(called.body)).toBe(200);
  rig.clock.advance(120_000);
  expect((await official.counter(counter, 'finish')).status).toBe(200);
  return called.body.ticket;
}
