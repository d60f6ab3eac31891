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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Zone offset (ms) at an instant, computed with Intl: local wall time minus UTC. */
function offsetByIntl(epochMs: number, timeZone: string): number {
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

/**
 * Offsets only change at whole-minute boundaries (DST, historical changes), so they are cached per
 * zone and 15-minute bucket; a bounded cache keeps long uptimes flat.
 */
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, number>();

export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(epochMs / BUCKET_MS)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const start = Math.floor(epochMs / BUCKET_MS) * BUCKET_MS;
    const a = offsetByIntl(start, timeZone);
    const b = offsetByIntl(start + BUCKET_MS - 1, timeZone);
    if (a !== b) return offsetByIntl(epochMs, timeZone); // a transition inside this bucket: exact
    if (offsets.size > 2000) offsets.clear();
    offsets.set(key, a);
    off = a;
  }
  return off;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    day: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay(),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

export function localDay(epochMs: number, timeZone: string): string {
  return localParts(epochMs, timeZone).day;
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
