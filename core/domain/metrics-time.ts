import { PAUSE_REASONS, type PauseReason } from './counter-session.js';
import { addDays, localDay, startOfLocalDay } from './local-time.js';

/**
 * Officials' time at counters, pure: logged-in spans from login sessions, paused spans from the
 * pause/resume events inside each session, both cut at local midnights and at the report window.
 * Serving time comes from the visits; idle is what is left (metrics.ts idleMs).
 */

/** A login session at a counter as stored (sessions table) plus its last recorded action. */
export interface SessionRow {
  officialId: number;
  counter: number;
  createdAt: number;
  endedAt: number | null;
  expiresAt: number;
  /** last event by this official at this counter during the session (null = none) */
  lastActionAt: number | null;
}

/** pause/resume events at counters, in time order */
export interface PauseMark {
  at: number;
  counter: number;
  type: 'paused' | 'resumed';
  reason: string | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface TimeCell {
  officialId: number;
  counter: number;
  day: string;
  loggedInMs: number;
  pausedMs: Record<PauseReason, number>;
}

/**
 * When a session stopped counting as logged in: at logout; a session left to expire counts until the
 * official's last action in it (not the expiry hours later); a live session counts until now.
 */
export function sessionEnd(s: SessionRow, now: number): number {
  if (s.endedAt !== null) return Math.max(s.createdAt, s.endedAt);
  if (s.expiresAt > now) return Math.max(s.createdAt, now);
  return Math.max(s.createdAt, Math.min(s.expiresAt, s.lastActionAt ?? s.createdAt));
}

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The reason category of a stored pause reason: the code itself, or the Vietnamese words the console
 * stores ("Nghỉ giải lao", "Họp", "Công tác/đi thực địa", "Khác: …", see console pause-reasons.ts).
 * Matches like SQL LIKE (case-insensitive for ASCII letters only), as the report triggers do.
 */
export function reasonOf(raw: string | null): PauseReason {
  const r = (raw ?? '').normalize('NFC');
  if ((PAUSE_REASONS as readonly string[]).includes(r)) return r as PauseReason;
  const l = asciiLower(r);
  if (l.startsWith('nghỉ')) return 'break';
  if (l.startsWith('họp')) return 'meeting';
  if (l.startsWith('công tác') || l.includes('thực địa')) return 'fieldWork';
  return 'other';
}

/** Index of the first mark at or after `at` in marks sorted by time. */
function firstFrom(marks: readonly PauseMark[], at: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as PauseMark).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Pauses inside one session: a pause ends at the next resume at that counter, or at the session's
 * end. `marks` are sorted by time (those of other counters are skipped).
 */
export function pauseSpans(
  session: Span & { counter: number },
  marks: readonly PauseMark[],
): Array<Span & { reason: PauseReason }> {
  const out: Array<Span & { reason: PauseReason }> = [];
  let open: { at: number; reason: PauseReason } | null = null;
  for (let i = firstFrom(marks, session.start); i < marks.length; i++) {
    const m = marks[i] as PauseMark;
    if (m.at > session.end) break;
    if (m.counter !== session.counter) continue;
    if (m.type === 'paused' && open === null) open = { at: m.at, reason: reasonOf(m.reason) };
    else if (m.type === 'resumed' && open !== null) {
      out.push({ start: open.at, end: m.at, reason: open.reason });
      open = null;
    }
  }
  if (open !== null) out.push({ start: open.at, end: session.end, reason: open.reason });
  return out;
}

/**
 * Local days and midnights for one report, remembered: a year of sessions would otherwise ask the
 * zone for its offset tens of thousands of times.
 */
export class DayCutter {
  private last: { day: string; start: number; end: number } | null = null;
  private readonly midnights = new Map<string, number>();
  constructor(readonly zone: string) {}

  /** local day of an instant (spans come in time order, so the last day found is usually it) */
  dayOf(at: number): string {
    const l = this.last;
    if (l && at >= l.start && at < l.end) return l.day;
    const day = localDay(at, this.zone);
    this.last = { day, start: startOfLocalDay(day, this.zone), end: this.nextMidnight(day) };
    return day;
  }

  /** the instant the next local day starts */
  nextMidnight(day: string): number {
    let m = this.midnights.get(day);
    if (m === undefined) {
      m = startOfLocalDay(addDays(day, 1), this.zone);
      this.midnights.set(day, m);
    }
    return m;
  }
}

/** Cuts [start, end) at local midnights: milliseconds per local day. */
export function splitByDay(span: Span, cutter: DayCutter): Array<{ day: string; ms: number }> {
  const out: Array<{ day: string; ms: number }> = [];
  let cursor = span.start;
  while (cursor < span.end) {
    const day = cutter.dayOf(cursor);
    const next = Math.min(span.end, cutter.nextMidnight(day));
    out.push({ day, ms: next - cursor });
    cursor = next;
  }
  return out;
}

const clip = (s: Span, w: Span): Span | null => {
  const start = Math.max(s.start, w.start);
  const end = Math.min(s.end, w.end);
  return end > start ? { start, end } : null;
};

const emptyPauses = (): Record<PauseReason, number> =>
  Object.fromEntries(PAUSE_REASONS.map((r) => [r, 0])) as Record<PauseReason, number>;

/** Logged-in and paused time per (official, counter, local day) inside the window. */
export function timeUse(
  sessions: readonly SessionRow[],
  marks: readonly PauseMark[],
  window: Span,
  now: number,
  zone: string,
): TimeCell[] {
  const cells = new Map<string, TimeCell>();
  const cutter = new DayCutter(zone);
  const cell = (officialId: number, counter: number, day: string): TimeCell => {
    const key = `${officialId}|${counter}|${day}`;
    let c = cells.get(key);
    if (!c) {
      c = { officialId, counter, day, loggedInMs: 0, pausedMs: emptyPauses() };
      cells.set(key, c);
    }
    return c;
  };
  for (const s of sessions) {
    const span = { start: s.createdAt, end: sessionEnd(s, now), counter: s.counter };
    const inWindow = clip(span, window);
    if (!inWindow) continue;
    for (const part of splitByDay(inWindow, cutter))
      cell(s.officialId, s.counter, part.day).loggedInMs += part.ms;
    for (const p of pauseSpans(span, marks)) {
      const pw = clip(p, window);
      if (!pw) continue;
      for (const part of splitByDay(pw, cutter))
        cell(s.officialId, s.counter, part.day).pausedMs[p.reason] += part.ms;
    }
  }
  return [...cells.values()];
}

export function totalPaused(p: Record<PauseReason, number>): number {
  return PAUSE_REASONS.reduce((sum, r) => sum + p[r], 0);
}
