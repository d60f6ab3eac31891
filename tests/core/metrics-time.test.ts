import { describe, expect, it } from 'vitest';
import { PAUSE_REASON_TEXT, PAUSE_REASONS } from '../../console/src/lib/rules/pause-reasons.js';
import {
  DayCutter,
  type PauseMark,
  pauseSpans,
  reasonOf,
  type SessionRow,
  sessionEnd,
  splitByDay,
  timeUse,
  totalPaused,
} from '../../core/domain/metrics-time.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const t = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+07:00`);
const D1 = '2026-11-23';
const D2 = '2026-11-24';
const H = 3_600_000;

const session = (over: Partial<SessionRow> = {}): SessionRow => ({
  officialId: 1,
  counter: 1,
  createdAt: t(D1, '07:30'),
  endedAt: t(D1, '11:00'),
  expiresAt: t(D1, '19:30'),
  lastActionAt: null,
  ...over,
});

describe("officials' time", () => {
  it('ends a session at logout, at its last action when left to expire, or now while live', () => {
    expect(sessionEnd(session(), t(D2, '01:00'))).toBe(t(D1, '11:00'));
    const expired = session({ endedAt: null, lastActionAt: t(D1, '09:25') });
    expect(sessionEnd(expired, t(D2, '01:00'))).toBe(t(D1, '09:25'));
    expect(sessionEnd({ ...expired, lastActionAt: null }, t(D2, '01:00'))).toBe(t(D1, '07:30'));
    expect(sessionEnd(expired, t(D1, '10:00'))).toBe(t(D1, '10:00'));
  });

  it('pairs pauses with the next resume at that counter, else ends them with the session', () => {
    const marks: PauseMark[] = [
      { at: t(D1, '08:30'), counter: 1, type: 'paused', reason: 'break' },
      { at: t(D1, '08:35'), counter: 2, type: 'resumed', reason: null },
      { at: t(D1, '08:40'), counter: 1, type: 'resumed', reason: null },
      { at: t(D1, '10:30'), counter: 1, type: 'paused', reason: 'lunch?' },
    ];
    const spans = pauseSpans({ start: t(D1, '07:30'), end: t(D1, '11:00'), counter: 1 }, marks);
    expect(spans).toEqual([
      { start: t(D1, '08:30'), end: t(D1, '08:40'), reason: 'break' },
      { start: t(D1, '10:30'), end: t(D1, '11:00'), reason: 'other' },
    ]);
    expect(reasonOf('fieldWork')).toBe('fieldWork');
  });

  it('reads the reasons the console stores (its Vietnamese words) into the four categories', () => {
    for (const code of PAUSE_REASONS) expect(reasonOf(PAUSE_REASON_TEXT[code].vi), code).toBe(code);
    expect(reasonOf('Khác: đi lấy hồ sơ')).toBe('other');
    expect(reasonOf(null)).toBe('other');
  });

  it('cuts spans at local midnight', () => {
    expect(splitByDay({ start: t(D1, '23:40'), end: t(D2, '00:10') }, new DayCutter(ZONE))).toEqual([
      { day: D1, ms: 20 * 60_000 },
      { day: D2, ms: 10 * 60_000 },
    ]);
  });

  it('adds logged-in and paused time per official, counter and day, inside the window only', () => {
    const sessions = [
      session(),
      session({ createdAt: t(D1, '23:40'), endedAt: t(D2, '00:10'), expiresAt: t(D2, '11:40') }),
      session({ officialId: 2, counter: 2 }),
    ];
    const marks: PauseMark[] = [
      { at: t(D1, '08:30'), counter: 2, type: 'paused', reason: 'break' },
      { at: t(D1, '08:40'), counter: 2, type: 'resumed', reason: null },
    ];
    const window = { start: t(D1, '00:00'), end: t(D2, '00:00') };
    const cells = timeUse(sessions, marks, window, t(D2, '01:00'), ZONE);
    expect(cells.map((c) => [c.officialId, c.day, c.loggedInMs, totalPaused(c.pausedMs)])).toEqual([
      [1, D1, 3.5 * H + 20 * 60_000, 0],
      [2, D1, 3.5 * H, 10 * 60_000],
    ]);
    const both = timeUse(sessions, marks, { start: window.start, end: t(D2, '23:59') }, t(D2, '01:00'), ZONE);
    expect(both.find((c) => c.day === D2)?.loggedInMs).toBe(10 * 60_000);
  });
});
