import type { TicketLayout } from '../../core/contracts/printing.js';
import type { Counter, PriorityCategory, Service } from '../../core/contracts/site.js';
import { DomainError } from '../../core/domain/errors.js';
import type { Db } from '../db/open.js';
import { loadSite, type SiteData } from '../db/site-repo.js';

/** Settings kept per site in the `settings` table (small JSON values). */
export interface SiteSettings {
  closedEarlyDays: string[];
  /** what the paper ticket shows (console: ticket layout); default in core/contracts/printing.ts */
  ticketLayout?: TicketLayout;
}

const DEFAULT_SETTINGS: SiteSettings = { closedEarlyDays: [] };

/**
 * The site's business data held in memory for fast lookups, reloaded from the database
 * whenever an admin changes it (so changes apply live).
 */
export class SiteCatalog {
  private data!: SiteData;
  private settingsCache: SiteSettings = DEFAULT_SETTINGS;

  constructor(private readonly db: Db) {
    this.reload();
  }

  reload(): void {
    const data = loadSite(this.db);
    if (!data) throw new Error('no site in the database');
    this.data = data;
    const rows = this.db
      .prepare('SELECT key, value_json FROM settings WHERE site_id = ?')
      .all(data.siteId) as {
      key: string;
      value_json: string;
    }[];
    const s: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) s[r.key] = JSON.parse(r.value_json);
    this.settingsCache = s as unknown as SiteSettings;
  }

  get site(): SiteData {
    return this.data;
  }
  get siteId(): string {
    return this.data.siteId;
  }
  get settings(): SiteSettings {
    return this.settingsCache;
  }

  service(code: string): Service {
    const s = this.data.services.find((x) => x.code === code);
    if (!s) throw new DomainError('UNKNOWN_SERVICE', { service: code.slice(0, 32) });
    return s;
  }
  counter(n: number): Counter {
    const c = this.data.counters.find((x) => x.number === n && x.active !== false);
    if (!c) throw new DomainError('UNKNOWN_COUNTER', { counter: n });
    return c;
  }
  category(code: string | null): PriorityCategory | null {
    return code === null ? null : (this.data.categories.find((c) => c.code === code) ?? null);
  }
}
