import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Dashboard, Report, ReportRow } from '../../../../core/contracts/reports.js';
import { DEFAULT_RATING_SCALE } from '../../../../core/domain/rating.js';
import { arrivalsByHour, niceMax, satisfactionByOfficial, trendByDay } from './chart-data.js';
import DashboardPage from './DashboardPage.svelte';
import { count, minutes, rate } from './format.js';
import { REPORT_TEXT } from './i18n.js';
import ReportsPage from './ReportsPage.svelte';
import { type ReportParams, type ReportsApi, reportQuery } from './reports-api.js';
import { ReportsState } from './reports-state.svelte.js';
import { nextSort, sortRows, tableColumns } from './report-table.js';

const stats = (avgS: number | null) => ({
  count: avgS === null ? 0 : 3,
  avgS,
  medianS: avgS,
  p90S: avgS,
  maxS: avgS,
});
function row(
  key: string,
  label: string,
  waitS: number | null,
  satisfied: number | null,
  extra: Partial<ReportRow> = {},
): ReportRow {
  return {
    key,
    label,
    issued: null,
    served: 10,
    noShows: 1,
    transferred: 0,
    cancelled: 0,
    recalls: 0,
    wait: stats(waitS),
    service: stats(300),
    serviceLevel: { within: 2, total: 3, rate: 2 / 3 },
    time: {
      loggedInS: 3600,
      servingS: 1800,
      pausedS: 600,
      pausedByReasonS: { break: 600, meeting: 0, fieldWork: 0, other: 0 },
      idleS: 1200,
    },
    satisfaction: {
      counts: { 1: 3, 2: 1, 3: 0, 4: 1 },
      valid: 5,
      satisfied: 4,
      rate: satisfied,
      linked: 5,
      responseRate: 0.5,
    },
    ...extra,
  };
}
function report(groupBy: Report['groupBy'], rows: ReportRow[]): Report {
  return {
    period: { from: '2025-07-01', to: '2025-09-30', label: 'Quý III/2025', labelEn: 'Q3 2025' },
    groupBy,
    generatedAt: '2025-10-05T02:30:00.000Z',
    timeZone: 'Asia/Ho_Chi_Minh',
    centre: {
      name: 'Trung tâm Phục vụ hành chính công xã Tân Phú Đông',
      commune: 'Ủy ban nhân dân xã Tân Phú Đông',
      province: 'Đồng Tháp',
    },
    targetWaitMinutes: 30,
    scale: DEFAULT_RATING_SCALE,
    formula: 'Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / số phiếu đánh giá hợp lệ',
    formulaEn: 'Satisfaction rate = (Very satisfied + Satisfied) / valid ratings',
    restricted: false,
    rows,
    total: row('', 'Tổng cộng', 600, 0.8, { issued: groupBy === 'official' ? 40 : 40 }),
  };
}
const BY = {
  official: report('official', [
    row('1', 'Nguyễn Thị Lan', 460, 0.5),
    row('2', 'Trần Văn Minh', 1590, 0),
    row('3', 'Lê Quốc Hùng', null, 1),
  ]),
  hour: report('hour', [
    row('08', '08:00–09:00', 600, 1, { issued: 12 }),
    row('10', '10:00–11:00', 600, 1, { issued: 5 }),
  ]),
  day: report('day', [
    row('2025-07-01', '01/07/2025', 600, 1),
    row('2025-07-02', '02/07/2025', null, null, { wait: stats(null), service: stats(null) }),
  ]),
};

class FakeApi implements ReportsApi {
  readonly asked: ReportParams[] = [];
  async report(p: ReportParams): Promise<Report> {
    this.asked.push({ ...p });
    return BY[p.groupBy as keyof typeof BY] ?? report(p.groupBy, []);
  }
  async dashboard(): Promise<Dashboard> {
    return DASH;
  }
}

const DASH: Dashboard = {
  at: '2025-10-05T02:40:00.000Z',
  day: '2025-10-05',
  timeZone: 'Asia/Ho_Chi_Minh',
  targetWaitMinutes: 30,
  services: [{ code: 'DD', name: 'Đất đai, xây dựng', color: '#E65100', waiting: 3, longestWaitS: 2700 }],
  longestWait: { service: 'DD', label: 'C004', seconds: 2700 },
  counters: [
    {
      number: 1,
      name: 'Quầy 1',
      activity: 'serving',
      official: { id: 1, displayName: 'Nguyễn Thị Lan' },
      ticket: 'A012',
      pausedReason: null,
      since: '2025-10-05T02:35:00.000Z',
    },
    {
      number: 3,
      name: 'Quầy 3',
      activity: 'paused',
      official: { id: 3, displayName: 'Lê Quốc Hùng' },
      ticket: null,
      pausedReason: 'Họp',
      since: '2025-10-05T02:15:00.000Z',
    },
  ],
  today: { issued: 40, served: 31, waiting: 3, satisfaction: { rate: 0.9, valid: 20 } },
  alerts: [{ kind: 'longWait', service: 'DD', waitedMinutes: 45, targetMinutes: 30, waiting: 3 }],
};

describe('report page rules', () => {
  const t = REPORT_TEXT.vi;

  it('asks for presets, custom days and groupings', () => {
    expect(reportQuery({ preset: 'quarter', offset: -1, groupBy: 'official' })).toBe(
      'preset=quarter&offset=-1&groupBy=official',
    );
    expect(reportQuery({ preset: 'month', offset: 0, groupBy: 'hour' })).toBe('preset=month&groupBy=hour');
    expect(reportQuery({ from: '2025-01-01', to: '2025-03-31', groupBy: 'day' })).toBe(
      'from=2025-01-01&to=2025-03-31&groupBy=day',
    );
  });

  it('sorts biggest first on the first click, rows without a figure always last', () => {
    const cols = tableColumns(BY.official, t);
    const s1 = nextSort(null, 'waitAvg');
    expect(sortRows(BY.official.rows, cols, s1).map((r) => r.key)).toEqual(['2', '1', '3']);
    const s2 = nextSort(s1, 'waitAvg');
    expect(s2.desc).toBe(false);
    expect(sortRows(BY.official.rows, cols, s2).map((r) => r.key)).toEqual(['1', '2', '3']);
    expect(sortRows(BY.official.rows, cols, nextSort(null, 'satisfaction')).map((r) => r.key)).toEqual([
      '3',
      '1',
      '2',
    ]);
  });

  it('shows issued only by service, day and hour, and people’s time only where it exists', () => {
    expect(tableColumns(BY.official, t).some((c) => c.id === 'issued')).toBe(false);
    expect(tableColumns(BY.hour, t).some((c) => c.id === 'issued')).toBe(true);
    expect(
      tableColumns({ ...BY.hour, total: { ...BY.hour.total, time: null } }, t).some((c) => c.id === 'idle'),
    ).toBe(false);
  });

  it('turns reports into chart data', () => {
    expect(arrivalsByHour(BY.hour).map((b) => [b.label, b.value])).toEqual([
      ['08h', 12],
      ['09h', 0],
      ['10h', 5],
    ]);
    expect(trendByDay(BY.day)).toEqual([{ label: '01/07', a: 10, b: 5 }]);
    expect(satisfactionByOfficial(BY.official).map((b) => b.label)).toEqual([
      'Lê Quốc Hùng',
      'Nguyễn Thị Lan',
      'Trần Văn Minh',
    ]);
    expect([niceMax(7), niceMax(16007), niceMax(0)]).toEqual([10, 20000, 1]);
  });

  it('writes numbers the Vietnamese way', () => {
    expect([
      count(16007, 'vi'),
      minutes(460, 'vi'),
      rate(5 / 6, 'vi'),
      rate(1, 'vi'),
      rate(0.5, 'en'),
    ]).toEqual(['16.007', '7,7', '83,3 %', '100 %', '50.0%']);
  });

  it('loads the charts once per period; changing the grouping asks only for the table', async () => {
    const api = new FakeApi();
    const rs = new ReportsState(api);
    await rs.load();
    expect(api.asked.map((p) => p.groupBy).sort()).toEqual(['day', 'hour', 'official']);
    await rs.chooseGroup('hour');
    expect(api.asked.length).toBe(4);
    await rs.choosePreset('quarter', -1);
    expect(
      api.asked
        .slice(4)
        .map((p) => `${p.preset}${p.offset}:${p.groupBy}`)
        .sort(),
    ).toEqual(['quarter-1:day', 'quarter-1:hour', 'quarter-1:official']);
    expect(rs.isPreset('quarter', -1)).toBe(true);
  });
});

describe('report pages', () => {
  it('shows the table, sorts by a heading and names how each figure is counted', async () => {
    render(ReportsPage, { lang: 'vi', api: new FakeApi() });
    await screen.findByText('Trần Văn Minh', { selector: 'th' });
    expect(screen.getByTestId('period-label').textContent).toContain('Quý III/2025');
    await fireEvent.click(screen.getByTestId('sort-waitAvg'));
    const names = [...document.querySelectorAll('[data-testid=report-table] tbody th')].map(
      (th) => th.textContent,
    );
    expect(names).toEqual(['Trần Văn Minh', 'Nguyễn Thị Lan', 'Lê Quốc Hùng']);
    expect(screen.getByTestId('definitions').textContent).toContain('Từ lúc lấy số đến lần gọi đầu tiên');
    expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe(
      '/api/reports/export.xlsx?preset=month&groupBy=official',
    );
  });

  it('shows the live overview with its alerts and counters', async () => {
    render(DashboardPage, { lang: 'vi', api: new FakeApi() });
    await waitFor(() =>
      expect(screen.getByTestId('alerts').textContent).toContain(
        'Đất đai, xây dựng: có công dân đã chờ 45 phút',
      ),
    );
    expect(screen.getByTestId('counter-3').textContent).toContain('Tạm nghỉ: Họp');
    expect(screen.getByTestId('waiting').textContent).toBe('3');
  });
});
