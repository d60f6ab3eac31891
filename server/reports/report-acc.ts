import { PAUSE_REASONS, type PauseReason } from '../../core/domain/counter-session.js';
import {
  addRating,
  addTotals,
  type DurationTotals,
  emptyTotals,
  type MinuteHistogram,
  mergeHistograms,
  type RatingCounts,
} from '../../core/domain/metrics.js';

/** Everything counted for one report row (one official, counter, service, day, hour or agency). */
export interface Acc {
  issued: number;
  served: number;
  noShows: number;
  transferred: number;
  cancelled: number;
  recalls: number;
  servingMs: number;
  wait: DurationTotals;
  service: DurationTotals;
  waitHist: MinuteHistogram;
  serviceHist: MinuteHistogram;
  ratings: RatingCounts;
  linked: number;
  loggedInMs: number;
  pausedMs: Record<PauseReason, number>;
}

export function emptyAcc(): Acc {
  return {
    issued: 0,
    served: 0,
    noShows: 0,
    transferred: 0,
    cancelled: 0,
    recalls: 0,
    servingMs: 0,
    wait: emptyTotals(),
    service: emptyTotals(),
    waitHist: new Map(),
    serviceHist: new Map(),
    ratings: new Map(),
    linked: 0,
    loggedInMs: 0,
    pausedMs: Object.fromEntries(PAUSE_REASONS.map((r) => [r, 0])) as Record<PauseReason, number>,
  };
}

/** Adds `b` into `a` (agencies are the sum of their officials; a total the sum of its rows). */
export function mergeAcc(a: Acc, b: Acc): Acc {
  a.issued += b.issued;
  a.served += b.served;
  a.noShows += b.noShows;
  a.transferred += b.transferred;
  a.cancelled += b.cancelled;
  a.recalls += b.recalls;
  a.servingMs += b.servingMs;
  addTotals(a.wait, b.wait);
  addTotals(a.service, b.service);
  mergeHistograms(a.waitHist, b.waitHist);
  mergeHistograms(a.serviceHist, b.serviceHist);
  for (const [size, levels] of b.ratings) for (const [lv, n] of levels) addRating(a.ratings, size, lv, n);
  a.linked += b.linked;
  a.loggedInMs += b.loggedInMs;
  for (const r of PAUSE_REASONS) a.pausedMs[r] += b.pausedMs[r];
  return a;
}

/** Accumulators by row key, created on first touch. */
export class AccMap {
  readonly map = new Map<string, Acc>();
  get(key: string): Acc {
    let a = this.map.get(key);
    if (!a) {
      a = emptyAcc();
      this.map.set(key, a);
    }
    return a;
  }
  /** Regroups rows, e.g. officials into agencies; rows with no new key are dropped. */
  regroup(keyOf: (key: string) => string | null): AccMap {
    const out = new AccMap();
    for (const [k, a] of this.map) {
      const nk = keyOf(k);
      if (nk !== null) mergeAcc(out.get(nk), a);
    }
    return out;
  }
  total(): Acc {
    const t = emptyAcc();
    for (const a of this.map.values()) mergeAcc(t, a);
    return t;
  }
}
