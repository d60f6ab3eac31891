import {
  type PauseMark,
  type SessionRow,
  type Span,
  type TimeCell,
  timeUse,
} from '../../core/domain/metrics-time.js';
import type { Db } from '../db/open.js';

type Row = Record<string, number | string | null>;

/** Sessions can last at most 30 days (XEPHANG_SESSION_HOURS ≤ 720), so look back that far. */
const LOOKBACK_MS = 31 * 86_400_000;
const ACTIONS =
  "('called','recalled','started','finished','no_show','transferred','cancelled','paused','resumed')";

/** Officials' logged-in and paused time from the sessions table and pause/resume events (small reads). */
export class TimeUseStore {
  private readonly s;

  constructor(
    db: Db,
    private readonly siteId: string,
  ) {
    this.s = {
      sessions: db.prepare(`SELECT official_id, counter, created_at, ended_at, expires_at FROM sessions
        WHERE site_id = ? AND created_at >= ? AND created_at < ? AND counter IS NOT NULL ORDER BY created_at`),
      lastAction:
        db.prepare(`SELECT max(at) AS at FROM events WHERE site_id = ? AND counter = ? AND type IN ${ACTIONS}
        AND at >= ? AND at <= ? AND official_id = ?`),
      marks: db.prepare(`SELECT at, counter, type, json_extract(data_json, '$.reason') AS reason FROM events
        WHERE site_id = ? AND counter = ? AND type IN ('paused', 'resumed') AND at >= ? AND at <= ? ORDER BY at, id`),
    };
  }

  sessions(window: Span, now: number): SessionRow[] {
    const rows = this.s.sessions.all(this.siteId, window.start - LOOKBACK_MS, window.end) as Row[];
    return rows.map((r) => {
      const s: SessionRow = {
        officialId: Number(r.official_id),
        counter: Number(r.counter),
        createdAt: Number(r.created_at),
        endedAt: r.ended_at === null ? null : Number(r.ended_at),
        expiresAt: Number(r.expires_at),
        lastActionAt: null,
      };
      if (s.endedAt === null && s.expiresAt <= now) {
        const last = this.s.lastAction.get(
          this.siteId,
          s.counter,
          s.createdAt,
          s.expiresAt,
          s.officialId,
        ) as Row;
        s.lastActionAt = last.at === null ? null : Number(last.at);
      }
      return s;
    });
  }

  marks(sessions: readonly SessionRow[], until: number): PauseMark[] {
    if (sessions.length === 0) return [];
    const since = Math.min(...sessions.map((s) => s.createdAt));
    const out: PauseMark[] = [];
    for (const counter of new Set(sessions.map((s) => s.counter))) {
      for (const r of this.s.marks.all(this.siteId, counter, since, until) as Row[]) {
        out.push({
          at: Number(r.at),
          counter,
          type: r.type === 'paused' ? 'paused' : 'resumed',
          reason: r.reason === null ? null : String(r.reason),
        });
      }
    }
    return out.sort((a, b) => a.at - b.at);
  }

  load(window: Span, now: number, zone: string): TimeCell[] {
    const sessions = this.sessions(window, now);
    return timeUse(sessions, this.marks(sessions, Math.min(window.end, now)), window, now, zone);
  }
}
