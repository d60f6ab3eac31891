import type { Role } from '../../core/contracts/site.js';
import type { Db } from './open.js';

type Row = Record<string, unknown>;

export interface OfficialRecord {
  id: number;
  siteId: string;
  username: string;
  displayName: string;
  agency: string;
  role: Role;
  pinHash: string;
  active: boolean;
  failedAttempts: number;
  lockedUntil: number | null;
}

export interface SessionRecord {
  id: string;
  officialId: number;
  siteId: string;
  counter: number | null;
  csrf: string;
  createdAt: number;
  expiresAt: number;
  endedAt: number | null;
}

export interface CounterHolding {
  officialId: number;
  displayName: string;
  sessionId: string;
  pausedReason: string | null;
  pausedAt: number | null;
}

function toOfficial(r: Row): OfficialRecord {
  return {
    id: Number(r.id),
    siteId: String(r.site_id),
    username: String(r.username),
    displayName: String(r.display_name),
    agency: String(r.agency),
    role: r.role as Role,
    pinHash: String(r.pin_hash),
    active: r.active === 1,
    failedAttempts: Number(r.failed_attempts),
    lockedUntil: r.locked_until === null ? null : Number(r.locked_until),
  };
}

/** Officials, login sessions (stored by the SHA-256 of their token) and who holds which counter. */
export class SessionRepo {
  constructor(private readonly db: Db) {}

  officialByUsername(username: string): OfficialRecord | null {
    const r = this.db.prepare('SELECT * FROM officials WHERE username = ?').get(username) as Row | undefined;
    return r ? toOfficial(r) : null;
  }
  officialById(id: number): OfficialRecord | null {
    const r = this.db.prepare('SELECT * FROM officials WHERE id = ?').get(id) as Row | undefined;
    return r ? toOfficial(r) : null;
  }
  setLoginFailures(id: number, failed: number, lockedUntil: number | null): void {
    this.db
      .prepare('UPDATE officials SET failed_attempts = ?, locked_until = ? WHERE id = ?')
      .run(failed, lockedUntil, id);
  }
  createSession(s: Omit<SessionRecord, 'endedAt'>): void {
    this.db
      .prepare(
        'INSERT INTO sessions (id, official_id, site_id, counter, csrf, created_at, last_seen_at, expires_at) VALUES (?,?,?,?,?,?,?,?)',
      )
      .run(s.id, s.officialId, s.siteId, s.counter, s.csrf, s.createdAt, s.createdAt, s.expiresAt);
  }
  session(id: string): SessionRecord | null {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    return {
      id: String(r.id),
      officialId: Number(r.official_id),
      siteId: String(r.site_id),
      counter: r.counter === null ? null : Number(r.counter),
      csrf: String(r.csrf),
      createdAt: Number(r.created_at),
      expiresAt: Number(r.expires_at),
      endedAt: r.ended_at === null ? null : Number(r.ended_at),
    };
  }
  endSession(id: string, now: number): void {
    this.db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(now, id);
  }
  /** The live holder of a counter: a session that has not ended or expired. */
  holder(siteId: string, counter: number, now: number): CounterHolding | null {
    const r = this.db
      .prepare(
        `SELECT cs.official_id, o.display_name, cs.session_id, cs.paused_reason, cs.paused_at
         FROM counter_state cs JOIN sessions s ON s.id = cs.session_id JOIN officials o ON o.id = cs.official_id
         WHERE cs.site_id = ? AND cs.counter = ? AND s.ended_at IS NULL AND s.expires_at > ?`,
      )
      .get(siteId, counter, now) as Row | undefined;
    if (!r) return null;
    return {
      officialId: Number(r.official_id),
      displayName: String(r.display_name),
      sessionId: String(r.session_id),
      pausedReason: r.paused_reason === null ? null : String(r.paused_reason),
      pausedAt: r.paused_at === null ? null : Number(r.paused_at),
    };
  }
  holdCounter(siteId: string, counter: number, officialId: number, sessionId: string): void {
    this.db
      .prepare(
        `INSERT INTO counter_state (site_id, counter, official_id, session_id, paused_reason, paused_at)
         VALUES (?,?,?,?,NULL,NULL) ON CONFLICT (site_id, counter) DO UPDATE SET official_id = excluded.official_id,
         session_id = excluded.session_id, paused_reason = NULL, paused_at = NULL`,
      )
      .run(siteId, counter, officialId, sessionId);
  }
  releaseCounter(siteId: string, counter: number, sessionId: string): void {
    this.db
      .prepare(
        'UPDATE counter_state SET official_id = NULL, session_id = NULL, paused_reason = NULL, paused_at = NULL WHERE site_id = ? AND counter = ? AND session_id = ?',
      )
      .run(siteId, counter, sessionId);
  }
  setPause(siteId: string, counter: number, reason: string | null, at: number | null): void {
    this.db
      .prepare('UPDATE counter_state SET paused_reason = ?, paused_at = ? WHERE site_id = ? AND counter = ?')
      .run(reason, at, siteId, counter);
  }
  /** Sessions of other counters' holders that this official still has open (one counter per official). */
  openSessionsOf(officialId: number, now: number): SessionRecord[] {
    const ids = this.db
      .prepare('SELECT id FROM sessions WHERE official_id = ? AND ended_at IS NULL AND expires_at > ?')
      .all(officialId, now) as Row[];
    return ids.map((r) => this.session(String(r.id))!).filter(Boolean);
  }
}
