import { addMinutes, addRating, mergeHistograms } from '../../core/domain/metrics.js';
import { type Period, splitMonths } from '../../core/domain/metrics-period.js';
import type { Db } from '../db/open.js';
import { type Acc, AccMap } from './report-acc.js';

/** Dimensions kept in the aggregates: official, counter, service, local hour, day (whole site). */
export type Dim = 'o' | 'c' | 's' | 'h' | 'd';

type Row = Record<string, number | string | null>;
type HistRow = [key: string | number | null, minute: number, n: number];
const n = (v: unknown) => Number(v ?? 0);

const HOUR =
  "printf('%02d', ((at + (SELECT value FROM report_config WHERE key = 'utcOffsetMs')) % 86400000) / 3600000)";
const VISIT_KEY: Record<Exclude<Dim, 'd'>, string> = {
  o: 'CAST(official_id AS TEXT)',
  c: 'CAST(counter AS TEXT)',
  s: 'service',
  h: HOUR,
};

/**
 * Reads the trigger-maintained aggregates (server/reports/report-schema.ts) of one site into row
 * accumulators. Rows of dimension d are keyed by day; the others by their key.
 */
export class ReportStore {
  private readonly s;

  constructor(
    db: Db,
    private readonly siteId: string,
  ) {
    const keyCol = "CASE WHEN @dim = 'd' THEN day ELSE key END";
    this.s = {
      daily:
        db.prepare(`SELECT ${keyCol} AS k, sum(issued) AS issued, sum(waits) AS waits, sum(wait_sum) AS wait_sum,
        max(wait_max) AS wait_max, sum(served) AS served, sum(service_sum) AS service_sum, max(service_max) AS service_max,
        sum(no_shows) AS no_shows, sum(transferred) AS transferred, sum(cancelled) AS cancelled, sum(recalls) AS recalls,
        sum(serving_ms) AS serving_ms, sum(login_ms) AS login_ms, sum(pause_break_ms) AS pause_break,
        sum(pause_meeting_ms) AS pause_meeting, sum(pause_field_ms) AS pause_field, sum(pause_other_ms) AS pause_other
        FROM report_daily
        WHERE site_id = @site AND dim = @dim AND day BETWEEN @from AND @to GROUP BY k`),
      histMonths: db
        .prepare(`SELECT key AS k, minute, sum(n) AS n FROM report_hist
        WHERE site_id = @site AND dim = @dim AND metric = @metric AND period BETWEEN @from AND @to GROUP BY key, minute`)
        .raw(true),
      histDays: db
        .prepare(`SELECT period AS k, minute, n FROM report_hist
        WHERE site_id = @site AND dim = 'd' AND metric = @metric AND period BETWEEN @from AND @to`)
        .raw(true),
      edges: Object.fromEntries(
        Object.entries(VISIT_KEY).map(([dim, key]) => [
          dim,
          db
            .prepare(`SELECT ${key} AS k, min(1440, ms / 60000) AS minute, count(*) AS n FROM report_visits
            WHERE site_id = @site AND metric = @metric AND day BETWEEN @from AND @to GROUP BY k, minute`)
            .raw(true),
        ]),
      ) as Record<Exclude<Dim, 'd'>, ReturnType<Db['prepare']>>,
      ratings: db.prepare(`SELECT ${keyCol} AS k, scale_size, level, sum(n) AS n, sum(linked) AS linked
        FROM report_ratings WHERE site_id = @site AND dim = @dim AND day BETWEEN @from AND @to
        GROUP BY k, scale_size, level`),
    };
  }

  /** Counts, sums, maxima and serving time per key. */
  loadDaily(dim: Dim, p: Period, into: AccMap): void {
    for (const r of this.s.daily.all({ site: this.siteId, dim, from: p.from, to: p.to }) as Row[]) {
      if (r.k === null) continue;
      const a = into.get(String(r.k));
      a.issued += n(r.issued);
      a.served += n(r.served);
      a.noShows += n(r.no_shows);
      a.transferred += n(r.transferred);
      a.cancelled += n(r.cancelled);
      a.recalls += n(r.recalls);
      a.servingMs += n(r.serving_ms);
      a.loggedInMs += n(r.login_ms);
      a.pausedMs.break += n(r.pause_break);
      a.pausedMs.meeting += n(r.pause_meeting);
      a.pausedMs.fieldWork += n(r.pause_field);
      a.pausedMs.other += n(r.pause_other);
      a.wait.count += n(r.waits);
      a.wait.sumMs += n(r.wait_sum);
      a.service.count += n(r.served);
      a.service.sumMs += n(r.service_sum);
      if (r.wait_max !== null) a.wait.maxMs = Math.max(a.wait.maxMs ?? 0, n(r.wait_max));
      if (r.service_max !== null) a.service.maxMs = Math.max(a.service.maxMs ?? 0, n(r.service_max));
    }
  }

  /** Per-minute histograms of waits or service times: whole months from report_hist, edge days from visits. */
  loadHistograms(dim: Dim, metric: 'w' | 's', p: Period, into: AccMap): void {
    let lastKey: unknown;
    let hist: Map<number, number> | null = null;
    const addAll = (rows: HistRow[]) => {
      for (const [k, minute, count] of rows) {
        if (k === null) continue;
        if (k !== lastKey || hist === null) {
          const a = into.get(String(k));
          hist = metric === 'w' ? a.waitHist : a.serviceHist;
          lastKey = k;
        }
        addMinutes(hist, minute, count);
      }
    };
    const site = this.siteId;
    if (dim === 'd') {
      addAll(this.s.histDays.all({ site, metric, from: p.from, to: p.to }) as HistRow[]);
      return;
    }
    const { months, edges } = splitMonths(p);
    if (months.length > 0) {
      const range = { site, dim, metric, from: months[0], to: months[months.length - 1] };
      addAll(this.s.histMonths.all(range) as HistRow[]);
    }
    for (const e of edges)
      addAll(this.s.edges[dim].all({ site, metric, from: e.from, to: e.to }) as HistRow[]);
  }

  loadRatings(dim: Dim, p: Period, into: AccMap): void {
    for (const r of this.s.ratings.all({ site: this.siteId, dim, from: p.from, to: p.to }) as Row[]) {
      if (r.k === null) continue;
      const a = into.get(String(r.k));
      addRating(a.ratings, n(r.scale_size), n(r.level), n(r.n));
      a.linked += n(r.linked);
    }
  }

  /**
   * The whole site beside rows of another dimension: counts and ratings from the day rows; the
   * histograms are the sum of the rows' (every wait and service time has an official, a counter, a
   * service and an hour), which spares reading a histogram per day.
   */
  siteTotal(p: Period, rows: AccMap): Acc {
    const days = new AccMap();
    this.loadDaily('d', p, days);
    this.loadRatings('d', p, days);
    const t = days.total();
    for (const a of rows.map.values()) {
      mergeHistograms(t.waitHist, a.waitHist);
      mergeHistograms(t.serviceHist, a.serviceHist);
    }
    return t;
  }

  /** Everything the aggregates know for one dimension. */
  load(dim: Dim, p: Period, into: AccMap): AccMap {
    this.loadDaily(dim, p, into);
    this.loadHistograms(dim, 'w', p, into);
    this.loadHistograms(dim, 's', p, into);
    this.loadRatings(dim, p, into);
    return into;
  }
}
