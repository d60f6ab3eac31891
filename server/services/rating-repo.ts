import type { RatingView } from '../../core/contracts/rating-api.js';
import type { AttributionTicket } from '../../core/domain/rating-attribution.js';
import type { Db } from '../db/open.js';
import { iso } from './views.js';

type Row = Record<string, unknown>;

export interface NewRating {
  siteId: string;
  at: number;
  level: number;
  scaleSize: number;
  ticketId: number | null;
  counter: number;
  officialId: number | null;
  service: string | null;
  source: 'box' | 'tablet';
  deviceId: string;
  reason: string | null;
}

export type RatedTicket = AttributionTicket & { label: string };

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toTicket(r: Row): RatedTicket {
  return {
    id: Number(r.id),
    status: String(r.status),
    counter: num(r.counter),
    officialId: num(r.official_id),
    service: String(r.service),
    finishedAt: num(r.finished_at),
    alreadyRated: Number(r.rated) === 1,
    label: String(r.label),
  };
}

const TICKET_COLUMNS = `t.id, t.status, t.counter, t.official_id, t.service, t.finished_at, t.label,
  EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) AS rated`;

/** SQL for ratings and the `rating` settings row, mapped once. */
export class RatingRepo {
  constructor(private readonly db: Db) {}

  /** Tickets finished at `counter` since `since` on the given local days (uses the (site, day) index). */
  recentFinished(siteId: string, counter: number, days: readonly string[], since: number): RatedTicket[] {
    const marks = days.map(() => '?').join(',');
    const rows = this.db
      .prepare(
        `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.site_id = ? AND t.day IN (${marks}) AND t.counter = ?
         AND t.status = 'finished' AND t.finished_at >= ? ORDER BY t.finished_at DESC LIMIT 10`,
      )
      .all(siteId, ...days, counter, since) as Row[];
    return rows.map(toTicket);
  }

  ticket(id: number): RatedTicket | null {
    const r = this.db.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = ?`).get(id) as
      | Row
      | undefined;
    return r ? toTicket(r) : null;
  }

  insert(r: NewRating): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO ratings (site_id, at, level, scale_size, ticket_id, counter, official_id, service, source, device_id, reason)
         VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        r.siteId,
        r.at,
        r.level,
        r.scaleSize,
        r.ticketId,
        r.counter,
        r.officialId,
        r.service,
        r.source,
        r.deviceId,
        r.reason,
      );
    return Number(lastInsertRowid);
  }

  /** Sets the reason of a rating made by `deviceId` at or after `notBefore`, once. True when set. */
  setReason(id: number, deviceId: string, reason: string, notBefore: number): boolean {
    return (
      this.db
        .prepare(
          'UPDATE ratings SET reason = ? WHERE id = ? AND device_id = ? AND reason IS NULL AND at >= ?',
        )
        .run(reason, id, deviceId, notBefore).changes > 0
    );
  }

  list(siteId: string, from: number, to: number, limit: number): RatingView[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, t.label AS ticket_label, o.display_name AS official_name FROM ratings r
         LEFT JOIN tickets t ON t.id = r.ticket_id LEFT JOIN officials o ON o.id = r.official_id
         WHERE r.site_id = ? AND r.at >= ? AND r.at < ? ORDER BY r.at, r.id LIMIT ?`,
      )
      .all(siteId, from, to, limit) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      at: iso(Number(r.at)),
      level: Number(r.level),
      scaleSize: Number(r.scale_size),
      ticketId: num(r.ticket_id),
      ticketLabel: str(r.ticket_label),
      counter: Number(r.counter),
      officialId: num(r.official_id),
      officialName: str(r.official_name),
      service: str(r.service),
      source: r.source as 'box' | 'tablet',
      deviceId: String(r.device_id),
      reason: str(r.reason),
    }));
  }

  /** Counts per level in [from, to): of one official, of all ticket ratings, or of general feedback. */
  counts(
    siteId: string,
    from: number,
    to: number,
    who: { official: number } | 'all' | 'general',
  ): Record<number, number> {
    const filter =
      who === 'all' ? '' : who === 'general' ? ' AND official_id IS NULL' : ' AND official_id = ?';
    const args: unknown[] = [siteId, from, to];
    if (typeof who === 'object') args.push(who.official);
    const rows = this.db
      .prepare(
        `SELECT level, COUNT(*) AS n FROM ratings WHERE site_id = ? AND at >= ? AND at < ?${filter} GROUP BY level`,
      )
      .all(...args) as Row[];
    const out: Record<number, number> = {};
    for (const r of rows) out[Number(r.level)] = Number(r.n);
    return out;
  }

  officialName(id: number): string | null {
    const r = this.db.prepare('SELECT display_name FROM officials WHERE id = ?').get(id) as Row | undefined;
    return r ? String(r.display_name) : null;
  }

  readSettings(siteId: string): unknown {
    const r = this.db
      .prepare("SELECT value_json FROM settings WHERE site_id = ? AND key = 'rating'")
      .get(siteId) as Row | undefined;
    if (!r) return null;
    try {
      return JSON.parse(String(r.value_json));
    } catch {
      return null;
    }
  }

  writeSettings(siteId: string, value: unknown): void {
    this.db
      .prepare(
        `INSERT INTO settings (site_id, key, value_json) VALUES (?, 'rating', ?)
         ON CONFLICT (site_id, key) DO UPDATE SET value_json = excluded.value_json`,
      )
      .run(siteId, JSON.stringify(value));
  }
}
