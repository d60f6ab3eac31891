import type { Report, ReportGroup, ReportRow } from '../../../../core/contracts/reports.js';
import type { PeriodPreset } from '../../../../core/domain/metrics-period.js';
import type { ReportText } from './i18n.js';
import type { ReportParams, ReportsApi } from './reports-api.js';
import { nextSort, type SortState, sortRows, type TableColumn, tableColumns } from './report-table.js';

/** The period buttons, in the order shown: two clicks to "last quarter, sorted by wait". */
export const PRESET_BUTTONS: ReadonlyArray<{
  key: keyof ReportText['presets'];
  preset: PeriodPreset;
  offset: number;
}> = [
  { key: 'today', preset: 'day', offset: 0 },
  { key: 'yesterday', preset: 'day', offset: -1 },
  { key: 'week', preset: 'week', offset: 0 },
  { key: 'month', preset: 'month', offset: 0 },
  { key: 'lastMonth', preset: 'month', offset: -1 },
  { key: 'quarter', preset: 'quarter', offset: 0 },
  { key: 'lastQuarter', preset: 'quarter', offset: -1 },
  { key: 'half', preset: 'halfYear', offset: 0 },
  { key: 'year', preset: 'year', offset: 0 },
  { key: 'lastYear', preset: 'year', offset: -1 },
];

export interface Charts {
  hour: Report | null;
  day: Report | null;
  official: Report | null;
}

const periodKey = (p: ReportParams) => (p.preset ? `${p.preset}:${p.offset ?? 0}` : `${p.from}..${p.to}`);

/** The reports page: what is asked, what came back, the chosen sort. Charts follow the period. */
export class ReportsState {
  params = $state<ReportParams>({ preset: 'month', offset: 0, groupBy: 'official' });
  report = $state<Report | null>(null);
  charts = $state<Charts>({ hour: null, day: null, official: null });
  loading = $state(false);
  error = $state<string | null>(null);
  sort = $state<SortState | null>(null);
  private seq = 0;
  private chartsFor = '';

  constructor(private readonly api: ReportsApi) {}

  async load(): Promise<void> {
    const seq = ++this.seq;
    const p: ReportParams = { ...this.params };
    this.loading = true;
    this.error = null;
    const group = (g: ReportGroup) => (g === p.groupBy ? main : this.api.report({ ...p, groupBy: g }));
    const main = this.api.report(p);
    const newCharts = this.chartsFor !== periodKey(p);
    try {
      const [report, hour, day, official] = await Promise.all([
        main,
        ...(newCharts ? (['hour', 'day', 'official'] as const).map(group) : []),
      ]);
      if (seq !== this.seq) return;
      this.report = report;
      if (newCharts) {
        this.charts = { hour: hour ?? null, day: day ?? null, official: official ?? null };
        this.chartsFor = periodKey(p);
      }
    } catch (e) {
      if (seq === this.seq) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  choosePreset(preset: PeriodPreset, offset: number): Promise<void> {
    this.params = { preset, offset, groupBy: this.params.groupBy };
    return this.load();
  }

  chooseDays(from: string, to: string): Promise<void> {
    this.params = { from, to, groupBy: this.params.groupBy };
    return this.load();
  }

  chooseGroup(groupBy: ReportGroup): Promise<void> {
    this.params = { ...this.params, groupBy };
    this.sort = null;
    return this.load();
  }

  sortBy(column: string): void {
    this.sort = nextSort(this.sort, column);
  }

  isPreset(preset: PeriodPreset, offset: number): boolean {
    return this.params.preset === preset && (this.params.offset ?? 0) === offset;
  }

  columns(t: ReportText): TableColumn[] {
    return this.report ? tableColumns(this.report, t) : [];
  }

  rows(t: ReportText): ReportRow[] {
    return this.report ? sortRows(this.report.rows, this.columns(t), this.sort) : [];
  }
}
