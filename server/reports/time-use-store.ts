import {
  type PauseMark,
  type SessionRow,
  type Span,
  sessionEnd,
  type TimeCell,
  timeUse,
} from '../../core/domain/metrics-time.js';
import type { Db } from '../db/open.js';

type SessionRaw = [
  officialId: number,
  counter: number,
  createdAt: number,
  endedAt: number | null,
  expiresAt: number,
];
type MarkRaw = [at: number, paused: number, reason: unknown];

/** Sessions can last at most 30 days (XEPHANG_SESSION_HOURS ≤ 720), so look back that far. */
const LOOKBACK_MS = 31 * 86_400_000;
const ACTIONS =
  "('called','recalled','started','finished','no_show','transferred','cancelled','paused','resumed')";

/**
 * Officials' logged-in and paused time of the sessions the triggers have not counted yet: those
 * still open, and those left to expire without a logout (sessions that ended by a logout are in
 * report_daily already). A handful of rows: the sessions with no end, and their pauses.
 * Event reads name the (site, counter, type, at) index: left to itself the planner picks the
 * (site, at) index and walks every event of the period.
 */
export class TimeUseStore {
  private readonly s;

  constructor(
    db: Db,
    private readonly siteId: string,
  ) {
    this.s = {
      sessions: db
        .prepare(`SELECT official_id, counter, created_at, ended_at, expires_at FROM sessions
        WHERE site_id = ? AND created_at >= ? AND created_at < ? AND ended_at IS NULL AND counter IS NOT NULL
        ORDER BY created_at`)
        .raw(true),
      lastAction: db
        .prepare(`SELECT max(at) FROM events INDEXED BY events_counter
        WHERE site_id = ? AND counter = ? AND type IN ${ACTIONS} AND at >= ? AND at <= ? AND official_id = ?`)
        .pluck(true),
      marks: db
        .prepare(`SELECT at, type = 'paused', CASE WHEN type = 'paused' THEN json_extract(data_json, '$.reason') END
        FROM events INDEXED BY events_counter
        WHERE site_id = ? AND counter = ? AND type IN ('paused', 'resumed') AND at >= ? AND at <= ? ORDER BY at, id`)
        .raw(true),
    };
  }

  sessions(window: Span, now: number): SessionRow[] {
    const rows = this.s.sessions.all(this.siteId, window.start - LOOKBACK_MS, window.end) as SessionRaw[];
    return rows.map(([officialId, counter, createdAt, endedAt, expiresAt]) => {
      const expiredOpen = endedAt === null && expiresAt <= now;
      const last = expiredOpen
        ? (this.s.lastAction.get(this.siteId, counter, createdAt, expiresAt, officialId) as number | null)
        : null;
      return { officialId, counter, createdAt, endedAt, expiresAt, lastActionAt: last };
    });
  }

  /** pause/resume marks inside each session, in time order */
  marks(sessions: readonly SessionRow[], now: number): PauseMark[] {
    const out: PauseMark[] = [];
    for (const s of sessions) {
      const rows = this.s.marks.all(this.siteId, s.counter, s.createdAt, sessionEnd(s, now)) as MarkRaw[];
      for (const [at, paused, reason] of rows) {
        out.push({
          at,
          counter: s.counter,
          type: paused ? 'paused' : 'resumed',
          reason: reason === null ? null : String(reason),
        });
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  load(window: Span, now: number, zone: string): TimeCell[] {
    const sessions = this.sessions(window, now).filter((s) => sessionEnd(s, now) > window.start);
    return timeUse(sessions, this.marks(sessions, now), window, now, zone);
  }
}
