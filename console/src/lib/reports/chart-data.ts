import type { Report } from '../../../../core/contracts/reports.js';

/** What each chart draws, taken from the reports by hour, by day and by official. */

export interface Bar {
  label: string;
  value: number;
}

/** Tickets taken per hour, every hour from the first to the last with arrivals (gaps as 0). */
export function arrivalsByHour(byHour: Report | null): Bar[] {
  const rows = (byHour?.rows ?? []).filter((r) => (r.issued ?? 0) > 0);
  if (rows.length === 0) return [];
  const hours = rows.map((r) => Number(r.key));
  const by = new Map(rows.map((r) => [Number(r.key), r.issued ?? 0]));
  const out: Bar[] = [];
  for (let h = Math.min(...hours); h <= Math.max(...hours); h++) {
    out.push({ label: `${String(h).padStart(2, '0')}h`, value: by.get(h) ?? 0 });
  }
  return out;
}

export interface TrendPoint {
  label: string;
  a: number | null;
  b: number | null;
}

/** Average wait (a) and service time (b) in minutes for each day with visits. */
export function trendByDay(byDay: Report | null): TrendPoint[] {
  return (byDay?.rows ?? [])
    .filter((r) => r.wait.count > 0 || r.service.count > 0)
    .map((r) => ({
      label: `${r.key.slice(8, 10)}/${r.key.slice(5, 7)}`,
      a: r.wait.avgS === null ? null : r.wait.avgS / 60,
      b: r.service.avgS === null ? null : r.service.avgS / 60,
    }));
}

export interface RatingBar {
  label: string;
  /** share of valid ratings per level, best first */
  parts: Array<{ level: number; count: number; share: number }>;
  valid: number;
  rate: number | null;
}

/** Each rated official's ratings split by level, best rate first. */
export function satisfactionByOfficial(byOfficial: Report | null): RatingBar[] {
  if (!byOfficial) return [];
  const levels = byOfficial.scale.levels.map((l) => l.level);
  return byOfficial.rows
    .filter((r) => r.satisfaction.valid > 0)
    .map((r) => {
      const total = levels.reduce((s, l) => s + (r.satisfaction.counts[String(l)] ?? 0), 0);
      return {
        label: r.label,
        parts: levels.map((level) => {
          const count = r.satisfaction.counts[String(level)] ?? 0;
          return { level, count, share: total === 0 ? 0 : count / total };
        }),
        valid: r.satisfaction.valid,
        rate: r.satisfaction.rate,
      };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
}

/** A round axis top above the largest value (1, 2, 5 × 10ⁿ steps). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
