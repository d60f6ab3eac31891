import type { Counter, PriorityCategory, Service } from '../../core/contracts/site.js';
import type { Db } from '../db/open.js';

/** SQL writes of the site tables for admin changes (reads go through server/db/site-repo.ts loadSite). */

export function upsertService(db: Db, siteId: string, s: Service, sort: number): void {
  db.prepare(
    `INSERT INTO services (site_id, code, name, name_en, prefix, color, daily_cap, hours_json, active, sort)
     VALUES (?,?,?,?,?,?,?,?,?,?)
     ON CONFLICT (site_id, code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
       prefix = excluded.prefix, color = excluded.color, daily_cap = excluded.daily_cap,
       hours_json = excluded.hours_json, active = excluded.active`,
  ).run(
    siteId,
    s.code,
    s.name,
    s.nameEn ?? null,
    s.prefix,
    s.color,
    s.dailyCap,
    JSON.stringify(s.hours),
    s.active ? 1 : 0,
    sort,
  );
}

export function upsertCounter(db: Db, siteId: string, c: Counter): void {
  db.prepare(
    `INSERT INTO counters (site_id, number, name, services_json, active) VALUES (?,?,?,?,?)
     ON CONFLICT (site_id, number) DO UPDATE SET name = excluded.name, services_json = excluded.services_json,
       active = excluded.active`,
  ).run(siteId, c.number, c.name, JSON.stringify(c.services), c.active === false ? 0 : 1);
}

export function upsertCategory(db: Db, siteId: string, c: PriorityCategory, sort: number): void {
  db.prepare(
    `INSERT INTO priority_categories (site_id, code, name, name_en, active, sort) VALUES (?,?,?,?,?,?)
     ON CONFLICT (site_id, code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
       active = excluded.active`,
  ).run(siteId, c.code, c.name, c.nameEn ?? null, c.active === false ? 0 : 1, sort);
}

export function nextSort(db: Db, table: 'services' | 'priority_categories', siteId: string): number {
  const r = db
    .prepare(`SELECT COALESCE(MAX(sort), -1) + 1 AS n FROM ${table} WHERE site_id = ?`)
    .get(siteId) as {
    n: number;
  };
  return r.n;
}

const exists = (db: Db, sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) !== undefined;

/** Any ticket, event or rating ever mentioned this service. */
export function serviceHasHistory(db: Db, siteId: string, code: string): boolean {
  return (
    exists(
      db,
      'SELECT 1 FROM tickets WHERE site_id = ? AND (service = ? OR original_service = ?) LIMIT 1',
      siteId,
      code,
      code,
    ) ||
    exists(db, 'SELECT 1 FROM events WHERE site_id = ? AND service = ? LIMIT 1', siteId, code) ||
    exists(db, 'SELECT 1 FROM ratings WHERE site_id = ? AND service = ? LIMIT 1', siteId, code)
  );
}

/** Anyone ever logged in, served or was rated at this counter. */
export function counterHasHistory(db: Db, siteId: string, n: number): boolean {
  return (
    exists(
      db,
      'SELECT 1 FROM tickets WHERE site_id = ? AND (counter = ? OR target_counter = ?) LIMIT 1',
      siteId,
      n,
      n,
    ) ||
    exists(db, 'SELECT 1 FROM events WHERE site_id = ? AND counter = ? LIMIT 1', siteId, n) ||
    exists(db, 'SELECT 1 FROM sessions WHERE site_id = ? AND counter = ? LIMIT 1', siteId, n) ||
    exists(db, 'SELECT 1 FROM ratings WHERE site_id = ? AND counter = ? LIMIT 1', siteId, n)
  );
}

export function categoryHasHistory(db: Db, siteId: string, code: string): boolean {
  return exists(db, 'SELECT 1 FROM tickets WHERE site_id = ? AND priority = ? LIMIT 1', siteId, code);
}

export function deleteRow(
  db: Db,
  table: 'services' | 'priority_categories',
  siteId: string,
  code: string,
): void {
  db.prepare(`DELETE FROM ${table} WHERE site_id = ? AND code = ?`).run(siteId, code);
}

export function deleteCounterRow(db: Db, siteId: string, n: number): void {
  db.prepare('DELETE FROM counter_state WHERE site_id = ? AND counter = ?').run(siteId, n);
  db.prepare('DELETE FROM counters WHERE site_id = ? AND number = ?').run(siteId, n);
}

/** The name of whoever holds counter `n` through a live session, or null. */
export function counterHolder(db: Db, siteId: string, n: number, now: number): string | null {
  const r = db
    .prepare(
      `SELECT o.display_name FROM counter_state cs JOIN sessions s ON s.id = cs.session_id
       JOIN officials o ON o.id = cs.official_id
       WHERE cs.site_id = ? AND cs.counter = ? AND s.ended_at IS NULL AND s.expires_at > ?`,
    )
    .get(siteId, n, now) as { display_name: string } | undefined;
  return r?.display_name ?? null;
}
