import type { CategoryPatch, CounterPatch } from '../../core/contracts/admin.js';
import type { Counter, PriorityCategory } from '../../core/contracts/site.js';
import { DomainError } from '../../core/domain/errors.js';
import type { SiteData } from '../db/site-repo.js';
import type { AdminChanges } from './admin-changes.js';
import { nfc, siteOf } from './admin-site-service.js';
import {
  categoryHasHistory,
  counterHasHistory,
  counterHolder,
  deleteCounterRow,
  deleteRow,
  nextSort,
  upsertCategory,
  upsertCounter,
} from './admin-site-store.js';

function checkServices(site: SiteData, services: readonly string[]): void {
  for (const code of services) {
    if (!site.services.some((s) => s.code === code))
      throw new DomainError('UNKNOWN_SERVICE', { service: code });
  }
}

const tidyCounter = (c: Counter): Counter => ({
  number: c.number,
  name: nfc(c.name),
  services: [...new Set(c.services)],
  active: c.active !== false,
});

const tidyCategory = (c: PriorityCategory): PriorityCategory => ({
  code: c.code,
  name: nfc(c.name),
  ...(c.nameEn ? { nameEn: nfc(c.nameEn) } : {}),
  active: c.active !== false,
});

/** Counters and the services each serves; priority categories. History is never deleted. */
export class AdminCounterService {
  constructor(private readonly c: AdminChanges) {}

  createCounter(by: number, body: Counter): Promise<Counter> {
    const next = tidyCounter(body);
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      if (site.counters.some((x) => x.number === next.number))
        throw new DomainError('COUNTER_EXISTS', { counter: next.number });
      checkServices(site, next.services);
      upsertCounter(db, site.siteId, next);
      return {
        result: next,
        audit: { action: 'counter.create', target: `counter:${next.number}`, after: next },
      };
    });
  }

  updateCounter(by: number, n: number, patch: CounterPatch): Promise<Counter> {
    return this.c.commit(by, (db, now) => {
      const site = siteOf(db);
      const before = this.counter(site, n);
      const after = tidyCounter({ ...before, ...patch });
      checkServices(site, after.services);
      if (before.active !== false && after.active === false) this.checkFree(db, site, n, now);
      upsertCounter(db, site.siteId, after);
      return { result: after, audit: { action: 'counter.update', target: `counter:${n}`, before, after } };
    });
  }

  deleteCounter(by: number, n: number): Promise<void> {
    return this.c.commit(by, (db, now) => {
      const site = siteOf(db);
      const before = this.counter(site, n);
      this.checkFree(db, site, n, now);
      if (counterHasHistory(db, site.siteId, n)) throw new DomainError('HAS_HISTORY');
      deleteCounterRow(db, site.siteId, n);
      return { result: undefined, audit: { action: 'counter.delete', target: `counter:${n}`, before } };
    });
  }

  createCategory(by: number, body: PriorityCategory): Promise<PriorityCategory> {
    const next = tidyCategory(body);
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      if (site.categories.some((x) => x.code === next.code))
        throw new DomainError('PRIORITY_EXISTS', { priority: next.code });
      upsertCategory(db, site.siteId, next, nextSort(db, 'priority_categories', site.siteId));
      return {
        result: next,
        audit: { action: 'category.create', target: `category:${next.code}`, after: next },
      };
    });
  }

  updateCategory(by: number, code: string, patch: CategoryPatch): Promise<PriorityCategory> {
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      const before = this.category(site, code);
      const after = tidyCategory({ ...before, ...patch });
      upsertCategory(db, site.siteId, after, 0);
      return {
        result: after,
        audit: { action: 'category.update', target: `category:${code}`, before, after },
      };
    });
  }

  deleteCategory(by: number, code: string): Promise<void> {
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      const before = this.category(site, code);
      if (categoryHasHistory(db, site.siteId, code)) throw new DomainError('HAS_HISTORY');
      deleteRow(db, 'priority_categories', site.siteId, code);
      return { result: undefined, audit: { action: 'category.delete', target: `category:${code}`, before } };
    });
  }

  private counter(site: SiteData, n: number): Counter {
    const c = site.counters.find((x) => x.number === n);
    if (!c) throw new DomainError('UNKNOWN_COUNTER', { counter: n });
    return c;
  }

  private category(site: SiteData, code: string): PriorityCategory {
    const c = site.categories.find((x) => x.code === code);
    if (!c) throw new DomainError('UNKNOWN_PRIORITY', { priority: code });
    return c;
  }

  /** A counter someone is working at cannot be switched off or removed under them. */
  private checkFree(db: Parameters<typeof siteOf>[0], site: SiteData, n: number, now: number): void {
    const holder = counterHolder(db, site.siteId, n, now);
    if (holder) throw new DomainError('COUNTER_OCCUPIED', { holder });
  }
}
