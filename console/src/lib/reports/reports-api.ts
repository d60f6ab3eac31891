import { api } from '../../../../client/api.js';
import type { Dashboard, Report, ReportGroup } from '../../../../core/contracts/reports.js';
import type { PeriodPreset } from '../../../../core/domain/metrics-period.js';

/** What a report is asked for: a preset (moved back by `offset`) or custom days, and a grouping. */
export interface ReportParams {
  preset?: PeriodPreset;
  offset?: number;
  from?: string;
  to?: string;
  groupBy: ReportGroup;
}

export function reportQuery(p: ReportParams): string {
  const q = new URLSearchParams();
  if (p.preset) {
    q.set('preset', p.preset);
    if (p.offset) q.set('offset', String(p.offset));
  } else {
    if (p.from) q.set('from', p.from);
    if (p.to) q.set('to', p.to);
  }
  q.set('groupBy', p.groupBy);
  return q.toString();
}

export const exportHref = (kind: 'xlsx' | 'csv', p: ReportParams) =>
  `/api/reports/export.${kind}?${reportQuery(p)}`;

/** The reads these pages make; state classes take the interface so tests pass a fake. */
export interface ReportsApi {
  report(p: ReportParams): Promise<Report>;
  dashboard(): Promise<Dashboard>;
}

export const httpReportsApi: ReportsApi = {
  report: (p) => api<Report>('GET', `/api/reports?${reportQuery(p)}`, undefined, 60_000),
  dashboard: () => api<Dashboard>('GET', '/api/dashboard'),
};
