import type { PriorityPolicy } from '../contracts/site.js';

export interface Queued {
  id: number;
  service: string;
  priority: string | null;
  issuedAt: number;
  targetCounter: number | null;
}

export interface CounterScope {
  number: number;
  services: readonly string[];
}

/** Tickets this counter may call: transferred to it, or in a service it serves and not bound elsewhere. */
export function eligibleAt<T extends Queued>(waiting: readonly T[], counter: CounterScope): T[] {
  return waiting.filter((t) =>
    t.targetCounter === null ? counter.services.includes(t.service) : t.targetCounter === counter.number,
  );
}

const byAge = (a: Queued, b: Queued) => a.issuedAt - b.issuedAt || a.id - b.id;

/**
 * How many normal tickets this counter called since its last priority one, from its recent calls
 * (newest first). With no priority call in the history it is "as many as there were".
 */
export function normalsSinceLastPriority(recentCallsNewestFirst: readonly { priority: boolean }[]): number {
  const i = recentCallsNewestFirst.findIndex((c) => c.priority);
  return i === -1 ? Number.POSITIVE_INFINITY : i;
}

/**
 * Picks the next ticket for a counter ("call next").
 * 1. Tickets transferred to this very counter go first (they have already waited once), oldest first.
 * 2. Otherwise the policy chooses the class: `fifo` oldest overall; `strict` priority first;
 *    `ratio` one priority ticket after every `normalPerPriority` normal ones.
 * 3. Aging: a ticket is never passed by one issued more than `agingMinutes` after it.
 * Within a class, first in first out.
 */
export function pickNext<T extends Queued>(
  waiting: readonly T[],
  counter: CounterScope,
  policy: PriorityPolicy,
  normalsSincePriority: number,
): T | undefined {
  const eligible = eligibleAt(waiting, counter).sort(byAge);
  const targeted = eligible.find((t) => t.targetCounter === counter.number);
  if (targeted) return targeted;
  const priority = eligible.find((t) => t.priority !== null);
  const normal = eligible.find((t) => t.priority === null);
  if (!priority || !normal) return priority ?? normal;
  if (policy.mode === 'fifo') return eligible[0];
  const priorityTurn = policy.mode === 'strict' || normalsSincePriority >= policy.normalPerPriority;
  const [chosen, other] = priorityTurn ? [priority, normal] : [normal, priority];
  const agingMs = policy.agingMinutes * 60_000;
  return chosen.issuedAt - other.issuedAt > agingMs ? other : chosen;
}

/**
 * Estimated people ahead of a new ticket in its service: every waiting ticket of the service for a
 * normal ticket; only waiting priority tickets for a priority ticket.
 */
export function aheadOf(waitingInService: readonly Queued[], priority: boolean): number {
  return priority ? waitingInService.filter((t) => t.priority !== null).length : waitingInService.length;
}
