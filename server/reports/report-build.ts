import type { Report, ReportGroup, ReportRow } from '../../core/contracts/reports.js';
import { PAUSE_REASONS } from '../../core/domain/counter-session.js';
import { addDays, startOfLocalDay } from '../../core/domain/local-time.js';
import { durationStats, idleMs, ratio, satisfaction, serviceLevel } from '../../core/domain/metrics.js';
import { type Period, periodLabel } from '../../core/domain/metrics-period.js';
import { totalPaused } from '../../core/domain/metrics-time.js';
import { satisfactionFormula } from '../../core/domain/rating.js';
import { type Acc, AccMap, mergeAcc } from './report-acc.js';
import { type ReportContext, rowLabel } from './report-context.js';
import type { Dim, ReportStore } from './report-store.js';
import type { TimeUseStore } from './time-use-store.js';

export interface ReportRequest {
  period: Period;
  groupBy: ReportGroup;
  /** an official asking for their own figures: only their row, and it is the total */
  onlyOfficial: number | null;
  now: number;
}

const DIM_OF: Record<ReportGroup, Dim> = {
  official: 'o',
  agency: 'o',
  counter: 'c',
  service: 's',
  hour: 'h',
  day: 'd',
};
const WITH_TIME: readonly ReportGroup[] = ['official', 'agency', 'counter', 'day'];
const WITH_ISSUED: readonly ReportGroup[] = ['service', 'day', 'hour'];
const s1 = (ms: number) => Math.round(ms / 1000);

function toRow(
  ctx: ReportContext,
  key: string,
  label: string,
  a: Acc,
  o: { issued: boolean; time: boolean },
): ReportRow {
  const sat = satisfaction(a.ratings, ctx.scale);
  const paused = totalPaused(a.pausedMs);
  const sl = serviceLevel(a.waitHist, ctx.targetWaitMinutes);
  return {
    key,
    label,
    issued: o.issued ? a.issued : null,
    served: a.served,
    noShows: a.noShows,
    transferred: a.transferred,
    cancelled: a.cancelled,
    recalls: a.recalls,
    wait: durationStats(a.wait, a.waitHist),
    service: durationStats(a.service, a.serviceHist),
    serviceLevel: { within: sl.within, total: sl.total, rate: sl.rate },
    time: o.time
      ? {
          loggedInS: s1(a.loggedInMs),
          servingS: s1(a.servingMs),
          pausedS: s1(paused),
          pausedByReasonS: Object.fromEntries(PAUSE_REASONS.map((r) => [r, s1(a.pausedMs[r])])) as Record<
            (typeof PAUSE_REASONS)[number],
            number
          >,
          idleS: s1(idleMs(a.loggedInMs, a.servingMs, paused)),
        }
      : null,
    satisfaction: { ...sat, linked: a.linked, responseRate: ratio(a.linked, a.served) },
  };
}

/** Adds logged-in and paused time to the rows of a dimension that has them. */
function addTime(
  rows: AccMap,
  total: AccMap,
  dim: Dim,
  times: TimeUseStore,
  ctx: ReportContext,
  w: Window,
): void {
  for (const c of times.load(w, w.now, ctx.zone)) {
    const key = dim === 'o' ? String(c.officialId) : dim === 'c' ? String(c.counter) : c.day;
    for (const a of [rows.get(key), total.get('')]) {
      a.loggedInMs += c.loggedInMs;
      for (const r of PAUSE_REASONS) a.pausedMs[r] += c.pausedMs[r];
    }
  }
}

interface Window {
  start: number;
  end: number;
  now: number;
}

export function buildReport(
  ctx: ReportContext,
  store: ReportStore,
  times: TimeUseStore,
  q: ReportRequest,
): Report {
  const { period, groupBy } = q;
  const dim = DIM_OF[groupBy];
  const window = {
    start: startOfLocalDay(period.from, ctx.zone),
    end: Math.min(startOfLocalDay(addDays(period.to, 1), ctx.zone), q.now),
    now: q.now,
  };
  let rows = store.load(dim, period, new AccMap());
  const total = new AccMap();
  mergeAcc(total.get(''), dim === 'd' ? rows.total() : store.siteTotal(period, rows));
  if (WITH_TIME.includes(groupBy)) addTime(rows, total, dim, times, ctx, window);
  if (groupBy === 'agency') rows = rows.regroup((k) => ctx.officials.get(Number(k))?.agency ?? '');
  if (q.onlyOfficial !== null) {
    const own = rows.get(String(q.onlyOfficial));
    rows = new AccMap();
    mergeAcc(rows.get(String(q.onlyOfficial)), own);
    total.map.set('', own);
  }
  const opts = { issued: WITH_ISSUED.includes(groupBy), time: WITH_TIME.includes(groupBy) };
  const list = [...rows.map].map(([k, a]) => toRow(ctx, k, rowLabel(ctx, groupBy, k), a, opts));
  list.sort((a, b) =>
    groupBy === 'day' || groupBy === 'hour'
      ? a.key.localeCompare(b.key)
      : a.label.localeCompare(b.label, 'vi'),
  );
  const label = periodLabel(period);
  const formula = satisfactionFormula(ctx.scale);
  return {
    period: { from: period.from, to: period.to, label: label.vi, labelEn: label.en },
    groupBy,
    generatedAt: new Date(q.now).toISOString(),
    timeZone: ctx.zone,
    centre: {
      name: ctx.site.centre.name,
      commune: ctx.site.centre.commune,
      province: ctx.site.centre.province,
    },
    targetWaitMinutes: ctx.targetWaitMinutes,
    scale: ctx.scale,
    formula: formula.formula,
    formulaEn: formula.formulaEn,
    restricted: q.onlyOfficial !== null,
    rows: list,
    total: toRow(ctx, '', 'Tổng cộng', total.get(''), { issued: q.onlyOfficial === null, time: opts.time }),
  };
}
