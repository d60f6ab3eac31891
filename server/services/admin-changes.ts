import type { Clock } from '../../core/domain/clock.js';
import type { Db } from '../db/open.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import { type AuditInput, AuditRepo } from './audit.js';
import type { SiteCatalog } from './site-catalog.js';

/** What a change function returns: its answer and the audit rows describing it. */
export interface Changed<T> {
  result: T;
  audit: AuditInput | AuditInput[];
}

export interface AdminChangeDeps {
  db: Db;
  writes: WriteQueue;
  catalog: SiteCatalog;
  bus: EventBus;
  clock: Clock;
}

/**
 * Runs one admin change: the change and its audit rows in ONE transaction (through the write queue,
 * so nothing is acknowledged before it is durable), then the catalog is reloaded and every screen,
 * kiosk and console gets the new site (`siteChanged` → `queue:snapshot`). No restart needed.
 */
export class AdminChanges {
  readonly audit: AuditRepo;

  constructor(readonly d: AdminChangeDeps) {
    this.audit = new AuditRepo(d.db);
  }

  now(): number {
    return this.d.clock.now();
  }

  async commit<T>(
    officialId: number | null,
    fn: (db: Db, now: number) => Changed<T>,
    live = true,
  ): Promise<T> {
    const result = await this.d.writes.run((db) => {
      const now = this.d.clock.now();
      const out = fn(db, now);
      for (const a of [out.audit].flat()) this.audit.insert(now, officialId, a);
      return out.result;
    });
    if (live) {
      this.d.catalog.reload();
      this.d.bus.emit('siteChanged', {});
    }
    return result;
  }

  /** Stores one `settings` row (JSON) and audits it. */
  putSetting<T>(officialId: number | null, key: string, value: T): Promise<T> {
    return this.commit(officialId, (db) => {
      const siteId = this.d.catalog.siteId;
      const before = readSetting(db, siteId, key);
      db.prepare(
        `INSERT INTO settings (site_id, key, value_json) VALUES (?, ?, ?)
         ON CONFLICT (site_id, key) DO UPDATE SET value_json = excluded.value_json`,
      ).run(siteId, key, JSON.stringify(value));
      return {
        result: value,
        audit: { action: `settings.${key}`, target: `settings:${key}`, before, after: value },
      };
    });
  }
}

export function readSetting(db: Db, siteId: string, key: string): unknown {
  const r = db.prepare('SELECT value_json FROM settings WHERE site_id = ? AND key = ?').get(siteId, key) as
    | { value_json: string }
    | undefined;
  if (!r) return null;
  try {
    return JSON.parse(r.value_json) as unknown;
  } catch {
    return null;
  }
}
