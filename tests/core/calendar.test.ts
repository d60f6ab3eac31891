import { describe, expect, it } from 'vitest';
import type { Calendar, WeekHours } from '../../core/contracts/site.js';
import { DEFAULT_HOURS } from '../../core/contracts/admin-rules.js';
import { issuingStatus } from '../../core/domain/calendar.js';

const VN = 'Asia/Ho_Chi_Minh';
const office: WeekHours = DEFAULT_HOURS;
const none: Calendar = { holidays: [], closures: [] };
/** local wall time in Vietnam → epoch ms */
const vn = (s: string) => Date.parse(`${s}+07:00`);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('issuing hours (injected clock)', () => {
  it.each([
    ['Monday 08:00 morning session', '2026-11-23T08:00:00', true],
    ['Monday 07:29 before opening', '2026-11-23T07:29:00', false],
    ['Monday 11:30 lunch (end is exclusive)', '2026-11-23T11:30:00', false],
    ['Monday 13:30 afternoon opens', '2026-11-23T13:30:00', true],
    ['Saturday 09:00', '2026-11-28T09:00:00', true],
    ['Saturday 14:00 (no afternoon)', '2026-11-28T14:00:00', false],
    ['Sunday 09:00', '2026-11-29T09:00:00', false],
  ])('%s → open=%s', (_name, at, open) => {
    expect(issuingStatus(office, none, vn(at), VN).open).toBe(open);
  });

  it('says when a closed service opens next', () => {
    const lunch = issuingStatus(office, none, vn('2026-11-23T12:00:00'), VN);
    expect(lunch).toMatchObject({ open: false, reason: 'outsideHours' });
    expect(iso(lunch.open ? null : lunch.opensAt)).toBe(iso(vn('2026-11-23T13:30:00')));
    const sunday = issuingStatus(office, none, vn('2026-11-29T09:00:00'), VN);
    expect(iso(sunday.open ? null : sunday.opensAt)).toBe(iso(vn('2026-11-30T07:30:00')));
  });

  it('closes on holidays and closures, and when closed early by an admin', () => {
    const cal: Calendar = {
      holidays: ['2026-11-23'],
      closures: [{ from: '2026-11-24', to: '2026-11-25', reason: 'Bão' }],
    };
    expect(issuingStatus(office, cal, vn('2026-11-23T08:00:00'), VN)).toMatchObject({
      open: false,
      reason: 'holiday',
    });
    const closure = issuingStatus(office, cal, vn('2026-11-25T08:00:00'), VN);
    expect(closure).toMatchObject({ open: false, reason: 'closure' });
    expect(iso(closure.open ? null : closure.opensAt)).toBe(iso(vn('2026-11-26T07:30:00')));
    const early = issuingStatus(office, none, vn('2026-11-27T14:00:00'), VN, {
      closedEarlyDays: ['2026-11-27'],
    });
    expect(early).toMatchObject({ open: false, reason: 'closedEarly' });
    expect(iso(early.open ? null : early.opensAt)).toBe(iso(vn('2026-11-28T07:30:00')));
  });

  it('a service with no hours at all never opens', () => {
    expect(issuingStatus({}, none, vn('2026-11-23T08:00:00'), VN)).toEqual({
      open: false,
      reason: 'noHours',
      opensAt: null,
    });
  });

  it('the demo hours 00:00–24:00 are open at 20:00 on a Sunday and just before midnight', () => {
    const all: WeekHours = { sun: [['00:00', '24:00']] };
    expect(issuingStatus(all, none, vn('2026-11-29T20:00:00'), VN).open).toBe(true);
    expect(issuingStatus(all, none, vn('2026-11-29T23:59:59'), VN).open).toBe(true);
  });
});
