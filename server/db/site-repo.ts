import type {
  Calendar,
  Centre,
  Counter,
  PriorityCategory,
  PriorityPolicy,
  Service,
  SiteFile,
} from '../../core/contracts/site.js';
import type { Db } from './open.js';

/** The site's business data, loaded from the database (the source of truth after seeding). */
export interface SiteData {
  siteId: string;
  name: string;
  centre: Centre;
  services: Service[];
  counters: Counter[];
  categories: PriorityCategory[];
  policy: PriorityPolicy;
  calendar: Calendar;
}

type Row = Record<string, unknown>;
const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;

export function loadSite(db: Db): SiteData | null {
  const site = db.prepare('SELECT * FROM sites ORDER BY created_at LIMIT 1').get() as Row | undefined;
  if (!site) return null;
  const id = String(site.id);
  const services = (
    db.prepare('SELECT * FROM services WHERE site_id = ? ORDER BY sort, code').all(id) as Row[]
  ).map(
    (r): Service => ({
      code: String(r.code),
      name: String(r.name),
      ...(r.name_en ? { nameEn: String(r.name_en) } : {}),
      prefix: String(r.prefix),
      color: String(r.color),
      dailyCap: Number(r.daily_cap),
      hours: json(r.hours_json),
      active: r.active === 1,
    }),
  );
  const counters = (
    db.prepare('SELECT * FROM counters WHERE site_id = ? ORDER BY number').all(id) as Row[]
  ).map(
    (r): Counter => ({
      number: Number(r.number),
      name: String(r.name),
      services: json(r.services_json),
      active: r.active === 1,
    }),
  );
  const categories = (
    db.prepare('SELECT * FROM priority_categories WHERE site_id = ? ORDER BY sort, code').all(id) as Row[]
  ).map(
    (r): PriorityCategory => ({
      code: String(r.code),
      name: String(r.name),
      ...(r.name_en ? { nameEn: String(r.name_en) } : {}),
      active: r.active === 1,
    }),
  );
  return {
    siteId: id,
    name: String(site.name),
    centre: json(site.centre_json),
    services,
    counters,
    categories,
    policy: json(site.priority_policy_json),
    calendar: json(site.calendar_json),
  };
}

/** Seeds an empty database from a site file. PINs are hashed by the caller's KDF. */
export function seedSite(db: Db, file: SiteFile, hash: (pin: string) => string, now: number): void {
  const id = file.site.id;
  db.transaction(() => {
    db.prepare(
      'INSERT INTO sites (id, name, centre_json, priority_policy_json, calendar_json, created_at) VALUES (?,?,?,?,?,?)',
    ).run(
      id,
      file.site.name,
      JSON.stringify(file.centre),
      JSON.stringify(file.priorityPolicy),
      JSON.stringify(file.calendar),
      now,
    );
    const svc = db.prepare(
      'INSERT INTO services (site_id, code, name, name_en, prefix, color, daily_cap, hours_json, active, sort) VALUES (?,?,?,?,?,?,?,?,?,?)',
    );
    file.services.forEach((s, i) => {
      svc.run(
        id,
        s.code,
        s.name,
        s.nameEn ?? null,
        s.prefix,
        s.color,
        s.dailyCap,
        JSON.stringify(s.hours),
        s.active ? 1 : 0,
        i,
      );
    });
    const ctr = db.prepare(
      'INSERT INTO counters (site_id, number, name, services_json, active) VALUES (?,?,?,?,?)',
    );
    for (const c of file.counters)
      ctr.run(id, c.number, c.name, JSON.stringify(c.services), c.active === false ? 0 : 1);
    const cat = db.prepare(
      'INSERT INTO priority_categories (site_id, code, name, name_en, active, sort) VALUES (?,?,?,?,?,?)',
    );
    file.priorityCategories.forEach((c, i) => {
      cat.run(id, c.code, c.name, c.nameEn ?? null, c.active === false ? 0 : 1, i);
    });
    const off = db.prepare(
      'INSERT INTO officials (site_id, username, display_name, agency, role, pin_hash, created_at) VALUES (?,?,?,?,?,?,?)',
    );
    for (const o of file.officials)
      off.run(id, o.username, o.displayName, o.agency, o.role, hash(o.pin), now);
  })();
}
