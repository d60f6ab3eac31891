import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../fakes/http-client.js';
import {
  allRatings,
  OFFICIALS,
  officialsAtCounters,
  press,
  type RatingRig,
  startRatingRig,
} from './rating-harness.js';

/**
 * Issue 4's "done when": a full day simulated over real ptys with 4 counters and a script of
 * presses (after finishing, while serving, bounces, duplicates, late presses, no press, a
 * logout before the press). The ratings per official must match the script exactly.
 */

type Kind = 'after' | 'during' | 'bounce' | 'duplicate' | 'late' | 'none' | 'logout';
interface Step {
  counter: number;
  kind: Kind;
  level: number;
  second: number;
}

const ROUNDS = 70; // ~6.7 simulated minutes each: 07:30 → about 15:20
const COUNTERS = 4;
const SERVICE_FOR = ['HT', 'HT', 'DD', 'XH'] as const;

/** Small deterministic PRNG (mulberry32) so the script is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function script(): Step[][] {
  const rnd = prng(20260309);
  const kinds: Array<[Kind, number]> = [
    ['after', 0.5],
    ['during', 0.1],
    ['bounce', 0.1],
    ['duplicate', 0.1],
    ['late', 0.08],
    ['none', 0.12],
  ];
  const pick = (): Kind => {
    let x = rnd();
    for (const [k, p] of kinds) {
      x -= p;
      if (x < 0) return k;
    }
    return 'after';
  };
  const level = () => 1 + Math.floor(rnd() * 4);
  // a logout before the press every 10 rounds (logins are rate-limited to 20 a minute per client)
  const logoutAt = (round: number, i: number) => round % 10 === 5 && i === Math.floor(round / 10) % COUNTERS;
  return Array.from({ length: ROUNDS }, (_, round) =>
    Array.from({ length: COUNTERS }, (_, i) => ({
      counter: i + 1,
      kind: logoutAt(round, i) ? 'logout' : pick(),
      level: level(),
      second: level(),
    })),
  );
}

let rig: RatingRig;
let officials: HttpClient[];
const officialIds: number[] = [];

beforeAll(async () => {
  rig = await startRatingRig({ counters: COUNTERS });
  officials = await officialsAtCounters(rig, COUNTERS);
  for (const c of officials) {
    const me = await c.req<{ official: { id: number } }>('GET', '/api/sessions/current');
    officialIds.push(me.body.official.id);
  }
});

afterAll(async () => {
  await rig?.close();
});

async function round(steps: Step[]): Promise<Map<number, { level: number; official: number }>> {
  const expected = new Map<number, { level: number; official: number }>();
  for (const s of steps) expect((await officials[0]!.issue(SERVICE_FOR[s.counter - 1]!)).status).toBe(201);
  const tickets: number[] = [];
  for (const s of steps) {
    const r = await officials[s.counter - 1]!.counter(s.counter, 'call-next');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    tickets.push(r.body.ticket.id);
  }
  const credit = (s: Step, level: number) =>
    expected.set(tickets[s.counter - 1]!, { level, official: officialIds[s.counter - 1]! });
  rig.clock.advance(90_000);
  const during = steps.filter((s) => s.kind === 'during');
  await press(
    rig,
    during.map((s) => [s.counter, s.level]),
  );
  for (const s of during) credit(s, s.level);
  rig.clock.advance(150_000);
  await Promise.all(steps.map((s) => officials[s.counter - 1]!.counter(s.counter, 'finish')));
  for (const s of steps.filter((x) => x.kind === 'logout')) {
    expect((await officials[s.counter - 1]!.req('DELETE', '/api/sessions/current')).status).toBe(204);
  }
  rig.clock.advance(6_000);
  const first = steps.filter((s) => ['after', 'bounce', 'duplicate', 'logout'].includes(s.kind));
  await press(
    rig,
    first.map((s) => [s.counter, s.level]),
  );
  for (const s of first) credit(s, s.level);
  rig.clock.advance(1_200); // within 3 s: a bounce
  await press(
    rig,
    steps.filter((s) => s.kind === 'bounce').map((s) => [s.counter, s.second]),
  );
  rig.clock.advance(8_000); // later: a duplicate, never overwrites
  await press(
    rig,
    steps.filter((s) => s.kind === 'duplicate').map((s) => [s.counter, s.second]),
  );
  rig.clock.advance(50_000); // past the 45 s window: general feedback
  await press(
    rig,
    steps.filter((s) => s.kind === 'late').map((s) => [s.counter, s.level]),
  );
  for (const s of steps.filter((x) => x.kind === 'logout')) {
    const o = OFFICIALS[s.counter - 1]!;
    expect((await officials[s.counter - 1]!.login(o.username, o.pin, s.counter)).status).toBe(201);
  }
  rig.clock.advance(60_000);
  return expected;
}

describe('a full day over ptys with 4 counters', () => {
  it('ratings per official match the script exactly', async () => {
    const plan = script();
    const kinds = new Set(plan.flat().map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['after', 'bounce', 'duplicate', 'during', 'late', 'logout', 'none']);
    const expected = new Map<number, { level: number; official: number }>();
    const t0 = performance.now();
    for (const steps of plan) for (const [k, v] of await round(steps)) expected.set(k, v);
    const ratings = await allRatings(rig);
    console.info(
      `[figure] simulated day: ${ROUNDS * COUNTERS} tickets, ${ratings.length} ratings stored in ${Math.round(performance.now() - t0)} ms`,
    );

    const byTicket = new Map(ratings.filter((r) => r.ticketId !== null).map((r) => [r.ticketId!, r]));
    expect(byTicket.size).toBe(expected.size);
    for (const [ticketId, e] of expected) {
      expect(byTicket.get(ticketId), `ticket ${ticketId}`).toMatchObject({
        level: e.level,
        officialId: e.official,
      });
    }
    const perOfficial = (list: Array<{ official: number | null; level: number }>) => {
      const m: Record<string, number> = {};
      for (const r of list) m[`${r.official}:${r.level}`] = (m[`${r.official}:${r.level}`] ?? 0) + 1;
      return m;
    };
    expect(
      perOfficial(
        ratings.filter((r) => r.officialId !== null).map((r) => ({ official: r.officialId, level: r.level })),
      ),
    ).toEqual(perOfficial([...expected.values()]));
    const late = plan.flat().filter((s) => s.kind === 'late');
    const general = ratings.filter((r) => r.officialId === null);
    expect(general.map((r) => `${r.counter}:${r.level}`).sort()).toEqual(
      late.map((s) => `${s.counter}:${s.level}`).sort(),
    );

    // each official's own summary (what the console shows them) agrees with the script
    for (let i = 0; i < COUNTERS; i++) {
      const day = '2026-03-09';
      const mine = await officials[i]!.req<{ counts: Record<string, number> }>(
        'GET',
        `/api/ratings/summary?from=${day}&to=${day}`,
      );
      const want: Record<string, number> = {};
      for (const e of expected.values())
        if (e.official === officialIds[i]) want[e.level] = (want[e.level] ?? 0) + 1;
      expect(mine.body.counts).toEqual(want);
    }
  }, 180_000); // ~8 s alone; bounded generously for a loaded machine
});
