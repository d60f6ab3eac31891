/**
 * Local calendar arithmetic in an IANA zone (default Asia/Ho_Chi_Minh), with Intl only.
 * Day boundaries of the queue (numbering reset, daily caps, reports) are computed here.
 */
export interface LocalParts {
  /** YYYY-MM-DD in the zone */
  day: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) p[part.type] = part.value;
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAYS[p.weekday ?? 'Sun'] ?? 0,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

export function localDay(epochMs: number, timeZone: string): string {
  return localParts(epochMs, timeZone).day;
}

/** Zone offset (ms) at an instant: local wall time minus UTC. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) p[part.type] = part.value;
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of local midnight starting `day` (YYYY-MM-DD) in the zone. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** Adds whole days to a YYYY-MM-DD string (calendar arithmetic, zone independent). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "HH:MM" → minutes since midnight; "24:00" is allowed as the end of a day. */
export function parseHhMm(s: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`bad time ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}
