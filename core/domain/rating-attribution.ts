/**
 * Which ticket (and so which official) a rating-box press belongs to. Pure: time is passed in.
 *
 * Rules, for a press at counter N at time `at`:
 * 1. Bounce: within `bounceMs` (3 s) of the previous non-bounce press at N → ignored.
 * 2. The most recently finished ticket at N, if it finished within `windowMs` (45 s):
 *    unrated → rate it (official = the one who finished it, even if logged out since);
 *    already rated → duplicate (one rating per ticket; later presses never overwrite, and a
 *    citizen pressing twice must not rate the next person's ticket).
 * 3. Else the ticket being called/served at N: unrated → rate it; rated → duplicate.
 * 4. Else → general feedback, tied to no ticket and no official.
 *
 * The caller keeps `lastPressAt` per counter: store `at` after every decision except `bounce`.
 */

/** The slice of a ticket attribution needs; the queue engine's `Ticket` plus `alreadyRated` fits. */
export interface AttributionTicket {
  id: number;
  /** 'called' | 'serving' | 'finished' matter; anything else is ignored */
  status: string;
  counter: number | null;
  officialId: number | null;
  service: string;
  finishedAt: number | null;
  alreadyRated: boolean;
}

export interface AttributionInput {
  counter: number;
  /** press time, epoch ms */
  at: number;
  /** previous non-bounce press at this counter, epoch ms */
  lastPressAt?: number | null;
  /** tickets recently finished at this counter (others are filtered out) */
  recent: readonly AttributionTicket[];
  /** the ticket called or being served at this counter now, if any */
  current?: AttributionTicket | null;
}

export interface AttributionPolicy {
  windowMs: number;
  bounceMs: number;
  /** a ticket finished up to this long *after* the press (commit order) still counts as finished before it */
  skewMs: number;
}

export const DEFAULT_ATTRIBUTION_POLICY: AttributionPolicy = {
  windowMs: 45_000,
  bounceMs: 3_000,
  skewMs: 1_000,
};

export type AttributionDecision =
  | {
      kind: 'ticket';
      counter: number;
      ticketId: number;
      officialId: number | null;
      service: string;
      /** 'finished': rated just after finishing; 'current': rated while called/served */
      via: 'finished' | 'current';
    }
  | { kind: 'general'; counter: number }
  | { kind: 'bounce'; counter: number; sinceLastMs: number }
  | { kind: 'duplicate'; counter: number; ticketId: number };

export function attributeRating(
  input: AttributionInput,
  policy: AttributionPolicy = DEFAULT_ATTRIBUTION_POLICY,
): AttributionDecision {
  const { counter, at } = input;
  if (input.lastPressAt != null) {
    const sinceLastMs = at - input.lastPressAt;
    if (sinceLastMs >= 0 && sinceLastMs < policy.bounceMs) return { kind: 'bounce', counter, sinceLastMs };
  }
  const finished = latestFinished(input, policy);
  if (finished) return rateOrDuplicate(finished, counter, 'finished');
  const current = input.current;
  if (
    current &&
    current.counter === counter &&
    (current.status === 'called' || current.status === 'serving')
  ) {
    return rateOrDuplicate(current, counter, 'current');
  }
  return { kind: 'general', counter };
}

function latestFinished(input: AttributionInput, policy: AttributionPolicy): AttributionTicket | undefined {
  let best: AttributionTicket | undefined;
  for (const t of input.recent) {
    if (t.counter !== input.counter || t.status !== 'finished' || t.finishedAt == null) continue;
    const age = input.at - t.finishedAt;
    if (age > policy.windowMs || age < -policy.skewMs) continue;
    if (!best || t.finishedAt > (best.finishedAt ?? 0)) best = t;
  }
  return best;
}

function rateOrDuplicate(
  t: AttributionTicket,
  counter: number,
  via: 'finished' | 'current',
): AttributionDecision {
  if (t.alreadyRated) return { kind: 'duplicate', counter, ticketId: t.id };
  return { kind: 'ticket', counter, ticketId: t.id, officialId: t.officialId, service: t.service, via };
}
