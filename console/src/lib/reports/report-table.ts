import type { Report, ReportRow } from '../../../../core/contracts/reports.js';
import type { MetricId } from '../../../../core/domain/metrics-definitions.js';
import type { ReportText } from './i18n.js';

/** One column of the on-screen report table: how to read, show and sort it, and its definition. */
export interface TableColumn {
  id: string;
  group: keyof ReportText['colGroups'];
  header: string;
  metric: MetricId;
  value: (r: ReportRow) => number | null;
  kind: 'count' | 'minutes' | 'hours' | 'rate';
}

const n = (v: number | null | undefined) => (v === undefined ? null : v);

/** The columns for a report: issued only where tickets have an issue place; time only for people. */
export function tableColumns(report: Report, t: ReportText): TableColumn[] {
  const c = t.cols;
  const cols: TableColumn[] = [];
  const add = (col: TableColumn) => cols.push(col);
  if (
    report.total.issued !== null &&
    !report.restricted &&
    ['service', 'day', 'hour'].includes(report.groupBy)
  ) {
    add({
      id: 'issued',
      group: 'visits',
      header: c.issued,
      metric: 'issued',
      value: (r) => r.issued,
      kind: 'count',
    });
  }
  add({
    id: 'served',
    group: 'visits',
    header: c.served,
    metric: 'served',
    value: (r) => r.served,
    kind: 'count',
  });
  add({
    id: 'noShows',
    group: 'visits',
    header: c.noShows,
    metric: 'noShows',
    value: (r) => r.noShows,
    kind: 'count',
  });
  add({
    id: 'transferred',
    group: 'visits',
    header: c.transferred,
    metric: 'transferred',
    value: (r) => r.transferred,
    kind: 'count',
  });
  add({
    id: 'cancelled',
    group: 'visits',
    header: c.cancelled,
    metric: 'cancelled',
    value: (r) => r.cancelled,
    kind: 'count',
  });
  add({
    id: 'waitAvg',
    group: 'wait',
    header: c.waitAvg,
    metric: 'wait',
    value: (r) => r.wait.avgS,
    kind: 'minutes',
  });
  add({
    id: 'waitMedian',
    group: 'wait',
    header: c.waitMedian,
    metric: 'percentiles',
    value: (r) => r.wait.medianS,
    kind: 'minutes',
  });
  add({
    id: 'waitP90',
    group: 'wait',
    header: c.waitP90,
    metric: 'percentiles',
    value: (r) => r.wait.p90S,
    kind: 'minutes',
  });
  add({
    id: 'waitMax',
    group: 'wait',
    header: c.waitMax,
    metric: 'wait',
    value: (r) => r.wait.maxS,
    kind: 'minutes',
  });
  add({
    id: 'level',
    group: 'wait',
    header: c.level(report.targetWaitMinutes),
    metric: 'serviceLevel',
    value: (r) => r.serviceLevel.rate,
    kind: 'rate',
  });
  add({
    id: 'serviceAvg',
    group: 'service',
    header: c.serviceAvg,
    metric: 'service',
    value: (r) => r.service.avgS,
    kind: 'minutes',
  });
  add({
    id: 'serviceP90',
    group: 'service',
    header: c.serviceP90,
    metric: 'percentiles',
    value: (r) => r.service.p90S,
    kind: 'minutes',
  });
  if (report.total.time !== null) {
    add({
      id: 'loggedIn',
      group: 'time',
      header: c.loggedIn,
      metric: 'loggedIn',
      value: (r) => n(r.time?.loggedInS),
      kind: 'hours',
    });
    add({
      id: 'serving',
      group: 'time',
      header: c.serving,
      metric: 'serving',
      value: (r) => n(r.time?.servingS),
      kind: 'hours',
    });
    add({
      id: 'paused',
      group: 'time',
      header: c.paused,
      metric: 'paused',
      value: (r) => n(r.time?.pausedS),
      kind: 'hours',
    });
    add({
      id: 'idle',
      group: 'time',
      header: c.idle,
      metric: 'idle',
      value: (r) => n(r.time?.idleS),
      kind: 'hours',
    });
  }
  add({
    id: 'ratings',
    group: 'rating',
    header: c.ratings,
    metric: 'satisfaction',
    value: (r) => r.satisfaction.valid,
    kind: 'count',
  });
  add({
    id: 'satisfaction',
    group: 'rating',
    header: c.satisfaction,
    metric: 'satisfaction',
    value: (r) => r.satisfaction.rate,
    kind: 'rate',
  });
  add({
    id: 'response',
    group: 'rating',
    header: c.response,
    metric: 'responseRate',
    value: (r) => r.satisfaction.responseRate,
    kind: 'rate',
  });
  return cols;
}

export interface SortState {
  column: string;
  desc: boolean;
}

/**
 * Rows in the chosen order: by a column (rows without a figure last, whichever the direction), or as
 * the server sent them (names, days and hours in order).
 */
export function sortRows(
  rows: readonly ReportRow[],
  cols: readonly TableColumn[],
  sort: SortState | null,
): ReportRow[] {
  const col = sort ? cols.find((c) => c.id === sort.column) : undefined;
  if (!sort || !col) return [...rows];
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sort.desc ? y - x : x - y;
  });
}

/** Clicking a heading: biggest first on the first click, then the other way. */
export function nextSort(current: SortState | null, column: string): SortState {
  return current?.column === column ? { column, desc: !current.desc } : { column, desc: true };
}

/** Column groups in order with how many columns each spans (the two-row table heading). */
export function columnGroups(
  cols: readonly TableColumn[],
): Array<{ group: TableColumn['group']; span: number }> {
  const out: Array<{ group: TableColumn['group']; span: number }> = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && last.group === c.group) last.span++;
    else out.push({ group: c.group, span: 1 });
  }
  return out;
}
