import type { AuditEntry, AuditList } from '../../core/contracts/admin.js';
import type { Db } from '../db/open.js';
import { iso } from './views.js';

/** One change to record: what was done to which thing, and the thing before and after. */
export interface AuditInput {
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

type Row = Record<string, unknown>;

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const fromJson = (v: unknown) => {
  if (v === null || v === undefined) return null;
  try {
    return JSON.parse(String(v)) as unknown;
  } catch {
    return null;
  }
};

/**
 * The audit log: who changed what, when, before and after. Rows are written inside the same
 * transaction as the change they describe and are never edited or deleted.
 */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  insert(at: number, officialId: number | null, e: AuditInput): void {
    this.db
      .prepare(
        'INSERT INTO audit (at, official_id, action, target, before_json, after_json) VALUES (?,?,?,?,?,?)',
      )
      .run(at, officialId, e.action, e.target, toJson(e.before), toJson(e.after));
  }

  list(limit = 50, before?: number): AuditList {
    const rows = this.db
      .prepare(
        `SELECT a.*, o.display_name FROM audit a LEFT JOIN officials o ON o.id = a.official_id
         WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, limit + 1) as Row[];
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
  }

  /** Entries made by, or about, one official (data-protection export). */
  aboutOfficial(id: number): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT a.*, o.display_name FROM audit a LEFT JOIN officials o ON o.id = a.official_id
         WHERE a.official_id = ? OR a.target = ? ORDER BY a.id`,
      )
      .all(id, `official:${id}`) as Row[];
    return rows.map(toEntry);
  }
}

function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: iso(Number(r.at)),
    officialId: r.official_id === null ? null : Number(r.official_id),
    officialName: r.display_name === null || r.display_name === undefined ? null : String(r.display_name),
    action: String(r.action),
    target: String(r.target),
    before: fromJson(r.before_json),
    after: fromJson(r.after_json),
  };
}
