import { describe, expect, it } from 'vitest';
import type { PriorityPolicy } from '../../core/contracts/site.js';
import { aheadOf, normalsSinceLastPriority, pickNext, type Queued } from '../../core/domain/ordering.js';

const MIN = 60_000;
const ratio: PriorityPolicy = { mode: 'ratio', normalPerPriority: 2, agingMinutes: 30 };
const counter = { number: 1, services: ['HT', 'CT'] };
let id = 0;
const q = (service: string, at: number, over: Partial<Queued> = {}): Queued => ({
  id: ++id,
  service,
  priority: null,
  issuedAt: at * MIN,
  targetCounter: null,
  ...over,
});
const p = (service: string, at: number) => q(service, at, { priority: 'elderly' });

/** Simulates a counter calling until empty; returns labels in call order. */
function drain(waiting: Queued[], policy: PriorityPolicy, names: Map<number, string>): string[] {
  const left = [...waiting];
  const history: { priority: boolean }[] = [];
  const order: string[] = [];
  for (;;) {
    const next = pickNext(left, counter, policy, normalsSinceLastPriority(history));
    if (!next) return order;
    order.push(names.get(next.id) ?? '?');
    history.unshift({ priority: next.priority !== null });
    left.splice(left.indexOf(next), 1);
  }
}

describe('call-next ordering', () => {
  it('serves only the services the counter serves, FIFO', () => {
    const a = q('HT', 1);
    const b = q('DD', 0);
    const c = q('CT', 2);
    expect(pickNext([c, b, a], counter, ratio, 0)?.id).toBe(a.id);
  });

  it('ratio: one priority ticket after every two normal ones', () => {
    const list = [q('HT', 1), q('HT', 2), q('HT', 3), q('HT', 4), p('HT', 5), p('HT', 6), q('HT', 7)];
    const names = new Map(list.map((t, i) => [t.id, ['N1', 'N2', 'N3', 'N4', 'P1', 'P2', 'N5'][i]!]));
    // no priority call yet → a priority ticket goes first, then 2 normal, then priority…
    expect(drain(list, ratio, names)).toEqual(['P1', 'N1', 'N2', 'P2', 'N3', 'N4', 'N5']);
  });

  it('strict: priority first; fifo: issue order', () => {
    const list = [q('HT', 1), p('HT', 5), q('HT', 2)];
    const names = new Map(list.map((t, i) => [t.id, ['N1', 'P1', 'N2'][i]!]));
    expect(drain(list, { ...ratio, mode: 'strict' }, names)).toEqual(['P1', 'N1', 'N2']);
    expect(drain(list, { ...ratio, mode: 'fifo' }, names)).toEqual(['N1', 'N2', 'P1']);
  });

  it('aging: no ticket is passed by one issued more than agingMinutes after it', () => {
    const old = q('HT', 0);
    const late = p('HT', 31);
    expect(pickNext([old, late], counter, { ...ratio, mode: 'strict' }, 0)?.id).toBe(old.id);
    const within = p('HT', 29);
    expect(pickNext([old, within], counter, { ...ratio, mode: 'strict' }, 0)?.id).toBe(within.id);
  });

  it('aging also protects priority tickets from a long normal run (ratio with 0 history of priority)', () => {
    const oldPriority = p('HT', 0);
    const newNormal = q('HT', 45);
    // ratio says normal's turn (0 normals since priority < 2)… but the priority ticket is 45 min older
    expect(pickNext([oldPriority, newNormal], counter, ratio, 0)?.id).toBe(oldPriority.id);
  });

  it('a ticket transferred to this counter goes first; one transferred elsewhere is not ours', () => {
    const mine = q('DD', 10, { targetCounter: 1 });
    const other = q('HT', 0, { targetCounter: 2 });
    const normal = q('HT', 1);
    expect(pickNext([normal, other, mine], counter, ratio, 0)?.id).toBe(mine.id);
    expect(pickNext([other], counter, ratio, 0)).toBeUndefined();
  });

  it('counts normal calls since the last priority one', () => {
    expect(normalsSinceLastPriority([])).toBe(Number.POSITIVE_INFINITY);
    expect(normalsSinceLastPriority([{ priority: false }, { priority: true }])).toBe(1);
    expect(normalsSinceLastPriority([{ priority: true }])).toBe(0);
  });

  it('estimates people ahead', () => {
    const waiting = [q('HT', 1), p('HT', 2), q('HT', 3)];
    expect(aheadOf(waiting, false)).toBe(3);
    expect(aheadOf(waiting, true)).toBe(1);
  });
});
