import type { Calendar, Role, WeekdayKey, WeekHours } from './site.js';

/**
 * Rules the schemas cannot say, shared by the server (refusals) and the admin page (form checks).
 * Each returns the problems found, in English for logs and `details.detail`; empty = fine.
 * Free of TypeBox, so the admin page can import it without bundling the schema library.
 */

/** PINs: at least 4 characters for officials and leaders, 8 for administrators (PIN_TOO_SHORT). */
export const MIN_PIN = { official: 4, leader: 4, admin: 8 } as const;
export const WEEKDAYS: readonly WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Office hours of a commune one-stop shop: weekday mornings and afternoons, Saturday morning. */
export const DEFAULT_HOURS: WeekHours = {
  mon: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  tue: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  wed: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  thu: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  fri: [
    ['07:30', '11:30'],
    ['13:30', '17:00'],
  ],
  sat: [['07:30', '11:30']],
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each session starts before it ends, and sessions of a day do not overlap. */
export function hoursProblems(hours: WeekHours): string[] {
  const out: string[] = [];
  for (const day of WEEKDAYS) {
    const sessions = [...(hours[day] ?? [])].sort((a, b) => minutes(a[0]) - minutes(b[0]));
    sessions.forEach(([from, to], i) => {
      if (minutes(from) >= minutes(to)) out.push(`${day}: ${from}–${to} ends before it starts`);
      const next = sessions[i + 1];
      if (next && minutes(next[0]) < minutes(to))
        out.push(`${day}: ${from}–${to} overlaps ${next[0]}–${next[1]}`);
    });
  }
  return out;
}

/** Closures run forward in time. */
export function calendarProblems(c: Calendar): string[] {
  return c.closures
    .filter((x) => x.from > x.to)
    .map((x) => `closure ${x.from}–${x.to} ends before it starts`);
}

/** Holidays sorted and unique, closures sorted: the stored form. */
export function tidyCalendar(c: Calendar): Calendar {
  return {
    holidays: [...new Set(c.holidays)].sort(),
    closures: [...c.closures]
      .map((x) => ({ ...x, reason: x.reason.normalize('NFC').trim() }))
      .sort((a, b) => a.from.localeCompare(b.from)),
  };
}

export function minPinLength(role: Role): number {
  return MIN_PIN[role];
}

/** A ticket letter free for `code`: null, or the service that already uses it. */
export function prefixOwner(
  services: ReadonlyArray<{ code: string; prefix: string }>,
  prefix: string,
  code: string,
): string | null {
  return services.find((s) => s.prefix === prefix && s.code !== code)?.code ?? null;
}
