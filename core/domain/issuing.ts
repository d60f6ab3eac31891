import type { Calendar, PriorityCategory, Service } from '../contracts/site.js';
import { type DayOverrides, issuingStatus } from './calendar.js';
import { DomainError } from './errors.js';
import { localDay } from './local-time.js';
import { formatLabel, nextSeq } from './numbering.js';

export interface IssueRequest {
  service: Service;
  priority: string | null;
  categories: readonly PriorityCategory[];
  calendar: Calendar;
  overrides: DayOverrides;
  now: number;
  timeZone: string;
  /** last sequence number issued for this service on the local day of `now` (0 if none) */
  lastSeqToday: (day: string) => number;
}

export interface IssuePlan {
  day: string;
  seq: number;
  label: string;
}

/** Decides whether a ticket may be issued now and which number it gets. */
export function planIssue(r: IssueRequest): IssuePlan {
  const { service } = r;
  if (!service.active) throw new DomainError('SERVICE_INACTIVE', { service: service.name });
  if (r.priority !== null && !r.categories.some((c) => c.code === r.priority && c.active !== false)) {
    throw new DomainError('UNKNOWN_PRIORITY', { priority: r.priority });
  }
  const status = issuingStatus(service.hours, r.calendar, r.now, r.timeZone, r.overrides);
  if (!status.open) {
    throw new DomainError('SERVICE_CLOSED', {
      service: service.name,
      reason: status.reason,
      opensAt: status.opensAt ?? 0,
    });
  }
  const day = localDay(r.now, r.timeZone);
  const seq = nextSeq(r.lastSeqToday(day), service.dailyCap, service.name);
  return { day, seq, label: formatLabel(service.prefix, seq) };
}
