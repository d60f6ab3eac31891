import { addDays } from './local-time.js';

/**
 * Report periods: whole local days [from, to], both inclusive, as YYYY-MM-DD in the site's zone.
 * Presets are calendar periods (weeks start on Monday), `offset` steps back (-1 = the previous one).
 */
export const PERIOD_PRESETS = ['day', 'week', 'month', 'quarter', 'halfYear', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

/** Longest period a report may cover (about five years). */
export const MAX_PERIOD_DAYS = 1900;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

function ymd(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** A real calendar day written as YYYY-MM-DD. */
export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const [y, m, d] = parts(s);
  return ymd(y, m, d) === s && y >= 2000 && y <= 2999;
}

export function daysIn(p: Period): number {
  const [a, b] = [parts(p.from), parts(p.to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000) + 1;
}

/** Problems with a custom period (empty = valid). */
export function periodProblems(p: Period): string[] {
  if (!isDay(p.from) || !isDay(p.to)) return ['from/to must be days written YYYY-MM-DD'];
  if (p.from > p.to) return ['from must be on or before to'];
  if (daysIn(p) > MAX_PERIOD_DAYS) return [`a report covers at most ${MAX_PERIOD_DAYS} days`];
  return [];
}

function monthsSpan(y: number, m0: number, len: number, offset: number): Period {
  const start = m0 + offset * len;
  const from = ymd(y, start, 1);
  const to = ymd(y, start + len, 0);
  return { from, to };
}

/** The preset period containing `today`, moved by `offset` periods. */
export function presetPeriod(preset: PeriodPreset, today: string, offset = 0): Period {
  const [y, m] = parts(today);
  switch (preset) {
    case 'day': {
      const d = addDays(today, offset);
      return { from: d, to: d };
    }
    case 'week': {
      const [yy, mm, dd] = parts(today);
      const weekday = (new Date(Date.UTC(yy, mm - 1, dd)).getUTCDay() + 6) % 7; // Monday = 0
      const from = addDays(today, -weekday + 7 * offset);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return monthsSpan(y, m, 1, offset);
    case 'quarter':
      return monthsSpan(y, Math.floor((m - 1) / 3) * 3 + 1, 3, offset);
    case 'halfYear':
      return monthsSpan(y, m <= 6 ? 1 : 7, 6, offset);
    case 'year':
      return monthsSpan(y, 1, 12, offset);
  }
}

const dmy = (day: string) => {
  const [y, m, d] = parts(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
};
const ROMAN = ['I', 'II', 'III', 'IV'];

/** How a period is named on screen and in exports: "Quý III/2025", "Tháng 11/2025", "Năm 2025". */
export function periodLabel(p: Period): { vi: string; en: string } {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm] = parts(p.to);
  const lastDay = ymd(ty, tm + 1, 0) === p.to;
  const wholeMonths = fd === 1 && lastDay && fy === ty;
  const months = tm - fm + 1;
  if (p.from === p.to) return { vi: `Ngày ${dmy(p.from)}`, en: `Day ${dmy(p.from)}` };
  if (wholeMonths && months === 12) return { vi: `Năm ${fy}`, en: `Year ${fy}` };
  if (wholeMonths && months === 6 && (fm === 1 || fm === 7)) {
    const first = fm === 1;
    return {
      vi: `6 tháng ${first ? 'đầu' : 'cuối'} năm ${fy}`,
      en: `${first ? 'First' : 'Second'} half of ${fy}`,
    };
  }
  if (wholeMonths && months === 3 && (fm - 1) % 3 === 0) {
    const q = ROMAN[(fm - 1) / 3] ?? '';
    return { vi: `Quý ${q}/${fy}`, en: `Q${(fm - 1) / 3 + 1} ${fy}` };
  }
  if (wholeMonths && months === 1) return { vi: `Tháng ${fm}/${fy}`, en: `Month ${fm}/${fy}` };
  return { vi: `Từ ${dmy(p.from)} đến ${dmy(p.to)}`, en: `${dmy(p.from)} to ${dmy(p.to)}` };
}

/** Every day of the period, in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Splits a period into the whole calendar months inside it ('YYYY-MM') and the leftover day
 * ranges at either end, so yearly figures read monthly aggregates and only the edges read days.
 */
export function splitMonths(p: Period): { months: string[]; edges: Period[] } {
  const months: string[] = [];
  const edges: Period[] = [];
  let cursor = p.from;
  let edgeFrom: string | null = null;
  while (cursor <= p.to) {
    const [y, m, d] = parts(cursor);
    const monthEnd = ymd(y, m + 1, 0);
    if (d === 1 && monthEnd <= p.to) {
      if (edgeFrom !== null) edges.push({ from: edgeFrom, to: addDays(cursor, -1) });
      edgeFrom = null;
      months.push(cursor.slice(0, 7));
      cursor = addDays(monthEnd, 1);
    } else {
      edgeFrom ??= cursor;
      cursor = addDays(cursor, 1);
    }
  }
  if (edgeFrom !== null) edges.push({ from: edgeFrom, to: p.to });
  return { months, edges };
}

/**
 * The period a report request names: a preset (moved by `offset`), else from/to, else this month.
 * Returns the period or the problems found.
 */
export function resolvePeriod(
  q: { from?: string; to?: string; preset?: PeriodPreset; offset?: number },
  today: string,
): { period: Period } | { problems: string[] } {
  if (q.preset) return { period: presetPeriod(q.preset, today, q.offset ?? 0) };
  if (q.from === undefined && q.to === undefined) return { period: presetPeriod('month', today) };
  const period = { from: q.from ?? q.to ?? today, to: q.to ?? q.from ?? today };
  const problems = periodProblems(period);
  return problems.length ? { problems } : { period };
}
