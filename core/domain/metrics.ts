import type { RatingScale } from '../contracts/rating.js';
import { DEFAULT_RATING_SCALE, RATING_SCALE_PRESETS, satisfactionRate } from './rating.js';

/**
 * Report statistics, pure (docs/metrics.md defines every figure). Durations are kept in ms while
 * counting; the report gives seconds. Percentiles are nearest-rank over whole minutes: the median
 * shown is the true nearest-rank median rounded down to the minute, so yearly figures can be
 * answered from per-minute histograms instead of every visit.
 */

export const MINUTE_MS = 60_000;
/** Longer durations (a ticket forgotten for days) fall in this last minute bucket. */
export const MAX_BUCKET_MINUTES = 24 * 60;

/** Counts per whole minute: minute → number of durations in [minute, minute + 1). */
export type MinuteHistogram = Map<number, number>;

export function minuteOf(ms: number): number {
  return Math.min(MAX_BUCKET_MINUTES, Math.max(0, Math.floor(ms / MINUTE_MS)));
}

export function addMinutes(h: MinuteHistogram, minute: number, n = 1): void {
  h.set(minute, (h.get(minute) ?? 0) + n);
}

export function mergeHistograms(into: MinuteHistogram, from: MinuteHistogram): MinuteHistogram {
  for (const [m, n] of from) addMinutes(into, m, n);
  return into;
}

export function histogramCount(h: MinuteHistogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

/** Nearest-rank percentile (p in 0..1) in whole minutes: the smallest m with count(≤ m) ≥ ⌈p·n⌉. */
export function percentileMinutes(h: MinuteHistogram, p: number): number | null {
  const n = histogramCount(h);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const m of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(m) ?? 0;
    if (seen >= rank) return m;
  }
  return null;
}

/** How many durations are strictly under `minutes` (whole minutes below the target). */
export function countUnder(h: MinuteHistogram, minutes: number): number {
  let n = 0;
  for (const [m, c] of h) if (m < minutes) n += c;
  return n;
}

/** Running totals of one duration figure (wait or service time). */
export interface DurationTotals {
  count: number;
  sumMs: number;
  maxMs: number | null;
}

export const emptyTotals = (): DurationTotals => ({ count: 0, sumMs: 0, maxMs: null });

export function addTotals(into: DurationTotals, t: DurationTotals): DurationTotals {
  into.count += t.count;
  into.sumMs += t.sumMs;
  if (t.maxMs !== null) into.maxMs = into.maxMs === null ? t.maxMs : Math.max(into.maxMs, t.maxMs);
  return into;
}

export interface DurationStats {
  count: number;
  /** seconds, one decimal */
  avgS: number | null;
  /** seconds, a whole number of minutes (see the module note) */
  medianS: number | null;
  p90S: number | null;
  maxS: number | null;
}

const oneDecimal = (v: number) => Math.round(v * 10) / 10;

export function durationStats(t: DurationTotals, h: MinuteHistogram): DurationStats {
  const med = percentileMinutes(h, 0.5);
  const p90 = percentileMinutes(h, 0.9);
  return {
    count: t.count,
    avgS: t.count === 0 ? null : oneDecimal(t.sumMs / t.count / 1000),
    medianS: med === null ? null : med * 60,
    p90S: p90 === null ? null : p90 * 60,
    maxS: t.maxMs === null ? null : Math.round(t.maxMs / 1000),
  };
}

export interface ServiceLevel {
  /** first calls made under the target wait */
  within: number;
  /** all first calls */
  total: number;
  rate: number | null;
  targetMinutes: number;
}

export function serviceLevel(waits: MinuteHistogram, targetMinutes: number): ServiceLevel {
  const total = histogramCount(waits);
  const within = countUnder(waits, targetMinutes);
  return { within, total, rate: total === 0 ? null : within / total, targetMinutes };
}

/** Ratings counted per scale size (a scale change keeps older ratings readable) and level. */
export type RatingCounts = Map<number, Map<number, number>>;

export function addRating(into: RatingCounts, scaleSize: number, level: number, n: number): void {
  const bySize = into.get(scaleSize) ?? new Map<number, number>();
  bySize.set(level, (bySize.get(level) ?? 0) + n);
  into.set(scaleSize, bySize);
}

export interface Satisfaction {
  /** counts per level of the current scale (ratings given on another scale are not listed here) */
  counts: Record<string, number>;
  valid: number;
  satisfied: number;
  rate: number | null;
}

/**
 * Tỷ lệ hài lòng over ratings given on any scale: each rating is judged on the scale it was given
 * on (the site's scale when it has that many levels, else the preset of that size).
 */
export function satisfaction(counts: RatingCounts, scale: RatingScale): Satisfaction {
  let valid = 0;
  let satisfied = 0;
  const shown: Record<string, number> = {};
  for (const l of scale.levels) shown[String(l.level)] = 0;
  for (const [size, levels] of counts) {
    const s = scaleOfSize(size, scale);
    const part = satisfactionRate(Object.fromEntries(levels), s);
    valid += part.valid;
    satisfied += part.satisfied;
    if (size === scale.levels.length) for (const [lv, n] of levels) if (lv in shown) shown[String(lv)] = n;
  }
  return { counts: shown, valid, satisfied, rate: valid === 0 ? null : satisfied / valid };
}

export function scaleOfSize(size: number, site: RatingScale): RatingScale {
  if (site.levels.length === size) return site;
  return RATING_SCALE_PRESETS[size as 2 | 3 | 4 | 5] ?? DEFAULT_RATING_SCALE;
}

/** Idle = logged in − serving − paused, never below zero (overlaps are counted once, as serving). */
export function idleMs(loggedInMs: number, servingMs: number, pausedMs: number): number {
  return Math.max(0, loggedInMs - servingMs - pausedMs);
}

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
