import type { Calendar, WeekHours } from '../contracts/site.js';
import { WEEKDAY_KEYS } from '../contracts/site.js';
import { addDays, localParts, parseHhMm, startOfLocalDay } from './local-time.js';

export type ClosedReason = 'holiday' | 'closure' | 'closedEarly' | 'outsideHours' | 'noHours';

export type IssuingStatus =
  | { open: true; closesAt: number }
  | { open: false; reason: ClosedReason; opensAt: number | null };

export interface DayOverrides {
  /** Local days on which issuing was closed early by an admin ("close issuing early"). */
  closedEarlyDays?: readonly string[];
}

function isClosedDay(day: string, calendar: Calendar): ClosedReason | null {
  if (calendar.holidays.includes(day)) return 'holiday';
  if (calendar.closures.some((c) => c.from <= day && day <= c.to)) return 'closure';
  return null;
}

function sessionsOf(hours: WeekHours, weekday: number): Array<[number, number]> {
  const key = WEEKDAY_KEYS[weekday] ?? 'sun';
  return (hours[key] ?? []).map(([a, b]) => [parseHhMm(a), parseHhMm(b)] as [number, number]);
}

/** The first session start strictly after `now`, within two weeks, or null. */
function nextOpening(hours: WeekHours, calendar: Calendar, now: number, tz: string): number | null {
  const today = localParts(now, tz);
  for (let i = 0; i < 15; i++) {
    const day = addDays(today.day, i);
    if (isClosedDay(day, calendar)) continue;
    const weekday = (today.weekday + i) % 7;
    for (const [start] of sessionsOf(hours, weekday)) {
      const at = startOfLocalDay(day, tz) + start * 60_000;
      if (at > now) return at;
    }
  }
  return null;
}

/** Whether a service's tickets may be issued at `now`, and when it opens or closes. */
export function issuingStatus(
  hours: WeekHours,
  calendar: Calendar,
  now: number,
  tz: string,
  overrides: DayOverrides = {},
): IssuingStatus {
  const local = localParts(now, tz);
  const closedDay =
    isClosedDay(local.day, calendar) ??
    (overrides.closedEarlyDays?.includes(local.day) ? 'closedEarly' : null);
  if (closedDay) {
    const tomorrow = startOfLocalDay(addDays(local.day, 1), tz);
    return { open: false, reason: closedDay, opensAt: nextOpening(hours, calendar, tomorrow - 1, tz) };
  }
  const sessions = sessionsOf(hours, local.weekday);
  const current = sessions.find(([a, b]) => a <= local.minutes && local.minutes < b);
  if (current) return { open: true, closesAt: startOfLocalDay(local.day, tz) + current[1] * 60_000 };
  const opensAt = nextOpening(hours, calendar, now, tz);
  return { open: false, reason: opensAt === null ? 'noHours' : 'outsideHours', opensAt };
}
