import { describe, expect, it } from 'vitest';
import { addDays, localDay, localParts, startOfLocalDay } from '../../core/domain/local-time.js';

const VN = 'Asia/Ho_Chi_Minh';

describe('local time in Asia/Ho_Chi_Minh (UTC+7)', () => {
  it.each([
    ['2026-11-22T16:59:59.999Z', '2026-11-22'],
    ['2026-11-22T17:00:00.000Z', '2026-11-23'],
    ['2026-12-31T16:59:59Z', '2026-12-31'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
  ])('%s is local day %s', (utc, day) => {
    expect(localDay(Date.parse(utc), VN)).toBe(day);
  });

  it('computes weekday and minutes in the zone', () => {
    // 2026-11-23 is a Monday; 01:30Z = 08:30 local
    expect(localParts(Date.parse('2026-11-23T01:30:00Z'), VN)).toEqual({
      day: '2026-11-23',
      weekday: 1,
      minutes: 510,
    });
  });

  it('finds local midnight, also in a zone with DST', () => {
    expect(new Date(startOfLocalDay('2026-11-23', VN)).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-07-01', 'Europe/Paris')).toISOString()).toBe(
      '2026-06-30T22:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-01-01', 'Europe/Paris')).toISOString()).toBe(
      '2025-12-31T23:00:00.000Z',
    );
  });

  it('stays exact across a DST change (cached offsets are per 15-minute bucket)', () => {
    // Europe/Paris springs forward at 01:00Z on 2026-03-29: 01:59:59 CET → 03:00:00 CEST
    expect(localParts(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Paris').minutes).toBe(1 * 60 + 59);
    expect(localParts(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris').minutes).toBe(3 * 60);
    expect(localParts(Date.parse('2026-03-29T01:07:00Z'), 'Europe/Paris').minutes).toBe(3 * 60 + 7);
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
