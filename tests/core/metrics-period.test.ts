import { describe, expect, it } from 'vitest';
import {
  daysIn,
  daysOf,
  isDay,
  type PeriodPreset,
  periodLabel,
  periodProblems,
  presetPeriod,
  resolvePeriod,
  splitMonths,
} from '../../core/domain/metrics-period.js';

describe('report periods', () => {
  it.each<[PeriodPreset, number, string, string, string]>([
    ['day', 0, '2025-11-19', '2025-11-19', 'Ngày 19/11/2025'],
    ['day', -1, '2025-11-18', '2025-11-18', 'Ngày 18/11/2025'],
    ['week', 0, '2025-11-17', '2025-11-23', 'Từ 17/11/2025 đến 23/11/2025'],
    ['week', -1, '2025-11-10', '2025-11-16', 'Từ 10/11/2025 đến 16/11/2025'],
    ['month', 0, '2025-11-01', '2025-11-30', 'Tháng 11/2025'],
    ['month', -11, '2024-12-01', '2024-12-31', 'Tháng 12/2024'],
    ['quarter', 0, '2025-10-01', '2025-12-31', 'Quý IV/2025'],
    ['quarter', -1, '2025-07-01', '2025-09-30', 'Quý III/2025'],
    ['quarter', -4, '2024-10-01', '2024-12-31', 'Quý IV/2024'],
    ['halfYear', 0, '2025-07-01', '2025-12-31', '6 tháng cuối năm 2025'],
    ['halfYear', -1, '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['year', 0, '2025-01-01', '2025-12-31', 'Năm 2025'],
    ['year', -1, '2024-01-01', '2024-12-31', 'Năm 2024'],
  ])('%s offset %i from Wednesday 2025-11-19 → %s..%s (%s)', (preset, offset, from, to, label) => {
    const p = presetPeriod(preset, '2025-11-19', offset);
    expect(p).toEqual({ from, to });
    expect(periodLabel(p).vi).toBe(label);
  });

  it('starts weeks on Monday, also when today is Sunday or Monday', () => {
    expect(presetPeriod('week', '2025-11-23')).toEqual({ from: '2025-11-17', to: '2025-11-23' });
    expect(presetPeriod('week', '2025-11-17')).toEqual({ from: '2025-11-17', to: '2025-11-23' });
  });

  it('names periods in English too', () => {
    expect(periodLabel({ from: '2025-07-01', to: '2025-09-30' }).en).toBe('Q3 2025');
    expect(periodLabel({ from: '2025-01-01', to: '2025-06-30' }).en).toBe('First half of 2025');
  });

  it('checks custom periods', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
    expect(periodProblems({ from: '2025-02-30', to: '2025-03-01' })).toHaveLength(1);
    expect(periodProblems({ from: '2025-03-02', to: '2025-03-01' })).toEqual([
      'from must be on or before to',
    ]);
    expect(periodProblems({ from: '2020-01-01', to: '2025-12-31' })[0]).toContain('at most');
    expect(periodProblems({ from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
    expect(daysIn({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
    expect(daysOf({ from: '2025-12-30', to: '2026-01-02' })).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
  });

  it('resolves a request: preset, custom days, one day, or this month', () => {
    expect(resolvePeriod({ preset: 'quarter', offset: -1 }, '2025-11-19')).toEqual({
      period: { from: '2025-07-01', to: '2025-09-30' },
    });
    expect(resolvePeriod({ from: '2025-11-03', to: '2025-11-09' }, '2025-11-19')).toEqual({
      period: { from: '2025-11-03', to: '2025-11-09' },
    });
    expect(resolvePeriod({ from: '2025-11-03' }, '2025-11-19')).toEqual({
      period: { from: '2025-11-03', to: '2025-11-03' },
    });
    expect(resolvePeriod({}, '2025-11-19')).toEqual({ period: { from: '2025-11-01', to: '2025-11-30' } });
    expect(resolvePeriod({ from: '2025-11-09', to: '2025-11-03' }, '2025-11-19')).toHaveProperty('problems');
  });

  it.each([
    [{ from: '2025-01-01', to: '2025-12-31' }, 12, []],
    [{ from: '2025-07-01', to: '2025-09-30' }, 3, []],
    [{ from: '2025-11-17', to: '2025-11-23' }, 0, [{ from: '2025-11-17', to: '2025-11-23' }]],
    [
      { from: '2025-01-15', to: '2025-04-10' },
      2,
      [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    ],
    [{ from: '2025-02-01', to: '2025-02-27' }, 0, [{ from: '2025-02-01', to: '2025-02-27' }]],
  ])('splits %j into whole months and edge days', (p, months, edges) => {
    const s = splitMonths(p);
    expect(s.months).toHaveLength(months);
    expect(s.edges).toEqual(edges);
  });
});
