import type { AdminSite, ServicePatch } from '../../core/contracts/admin.js';
import {
  calendarProblems,
  hoursProblems,
  prefixOwner,
  tidyCalendar,
} from '../../core/contracts/admin-rules.js';
import type { Calendar, Centre, PriorityPolicy, Service } from '../../core/contracts/site.js';
import { DomainError } from '../../core/domain/errors.js';
import type { Db } from '../db/open.js';
import { loadSite, type SiteData } from '../db/site-repo.js';
import type { AdminChanges } from './admin-changes.js';
import { deleteRow, nextSort, serviceHasHistory, upsertService } from './admin-site-store.js';

export const nfc = (s: string) => s.normalize('NFC').trim();

export function siteOf(db: Db): SiteData {
  const site = loadSite(db);
  if (!site) throw new Error('no site in the database');
  return site;
}

function invalid(problems: string[]): void {
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', { detail: problems.join('; ').slice(0, 300) });
}

function tidyService(s: Service): Service {
  return {
    ...s,
    name: nfc(s.name),
    ...(s.nameEn !== undefined ? { nameEn: nfc(s.nameEn) } : {}),
    color: s.color.toUpperCase(),
  };
}

/** Centre details, services, the priority policy and the calendar. */
export class AdminSiteService {
  constructor(private readonly c: AdminChanges) {}

  view(): AdminSite {
    const s = this.c.d.catalog.site;
    return {
      centre: s.centre,
      services: s.services,
      counters: s.counters,
      categories: s.categories,
      policy: s.policy,
      calendar: s.calendar,
    };
  }

  updateCentre(by: number, centre: Centre): Promise<Centre> {
    const next: Centre = {
      province: nfc(centre.province),
      commune: nfc(centre.commune),
      name: nfc(centre.name),
      address: nfc(centre.address),
      hotline: nfc(centre.hotline),
    };
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      db.prepare('UPDATE sites SET centre_json = ?, name = ? WHERE id = ?').run(
        JSON.stringify(next),
        next.name,
        site.siteId,
      );
      return {
        result: next,
        audit: { action: 'centre.update', target: 'centre', before: site.centre, after: next },
      };
    });
  }

  createService(by: number, body: Service): Promise<Service> {
    const s = tidyService(body);
    invalid(hoursProblems(s.hours));
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      if (site.services.some((x) => x.code === s.code))
        throw new DomainError('SERVICE_EXISTS', { service: s.code });
      this.checkPrefix(site, s.prefix, s.code);
      upsertService(db, site.siteId, s, nextSort(db, 'services', site.siteId));
      return { result: s, audit: { action: 'service.create', target: `service:${s.code}`, after: s } };
    });
  }

  updateService(by: number, code: string, patch: ServicePatch): Promise<Service> {
    if (patch.hours) invalid(hoursProblems(patch.hours));
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      const before = this.service(site, code);
      const after = tidyService({ ...before, ...patch });
      this.checkPrefix(site, after.prefix, code);
      upsertService(db, site.siteId, after, 0);
      return { result: after, audit: { action: 'service.update', target: `service:${code}`, before, after } };
    });
  }

  /** Only a service that never issued a ticket and no counter serves; otherwise deactivate it. */
  deleteService(by: number, code: string): Promise<void> {
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      const before = this.service(site, code);
      const counter = site.counters.find((c) => c.services.includes(code));
      if (counter) throw new DomainError('SERVICE_IN_USE', { counter: counter.number });
      if (serviceHasHistory(db, site.siteId, code)) throw new DomainError('HAS_HISTORY');
      deleteRow(db, 'services', site.siteId, code);
      return { result: undefined, audit: { action: 'service.delete', target: `service:${code}`, before } };
    });
  }

  updatePolicy(by: number, policy: PriorityPolicy): Promise<PriorityPolicy> {
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      db.prepare('UPDATE sites SET priority_policy_json = ? WHERE id = ?').run(
        JSON.stringify(policy),
        site.siteId,
      );
      return {
        result: policy,
        audit: { action: 'policy.update', target: 'priorityPolicy', before: site.policy, after: policy },
      };
    });
  }

  updateCalendar(by: number, calendar: Calendar): Promise<Calendar> {
    invalid(calendarProblems(calendar));
    const next = tidyCalendar(calendar);
    return this.c.commit(by, (db) => {
      const site = siteOf(db);
      db.prepare('UPDATE sites SET calendar_json = ? WHERE id = ?').run(JSON.stringify(next), site.siteId);
      return {
        result: next,
        audit: { action: 'calendar.update', target: 'calendar', before: site.calendar, after: next },
      };
    });
  }

  private service(site: SiteData, code: string): Service {
    const s = site.services.find((x) => x.code === code);
    if (!s) throw new DomainError('UNKNOWN_SERVICE', { service: code });
    return s;
  }

  private checkPrefix(site: SiteData, prefix: string, code: string): void {
    const owner = prefixOwner(site.services, prefix, code);
    if (owner) throw new DomainError('PREFIX_IN_USE', { prefix, service: owner });
  }
}
