import type { CounterState, QueueSnapshot, ServiceState } from '../../core/contracts/queue.js';
import { issuingStatus } from '../../core/domain/calendar.js';
import type { Clock } from '../../core/domain/clock.js';
import { localDay } from '../../core/domain/local-time.js';
import type { SessionRepo } from '../db/session-repo.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { SiteCatalog } from './site-catalog.js';
import { iso } from './views.js';

export const RECENT_CALLS = 10;

/** Read models for screens, kiosks and consoles: short reads on the main thread. */
export class SnapshotService {
  constructor(
    private readonly d: {
      catalog: SiteCatalog;
      tickets: TicketRepo;
      sessions: SessionRepo;
      clock: Clock;
      version: string;
    },
  ) {}

  services(): ServiceState[] {
    const { catalog, tickets, clock } = this.d;
    const now = clock.now();
    const waiting = tickets.waitingCounts(catalog.siteId);
    const day = localDay(now, tickets.zone);
    const closedEarlyDays = catalog.settings.closedEarlyDays;
    return catalog.site.services.map((s) => {
      const st = issuingStatus(s.hours, catalog.site.calendar, now, tickets.zone, { closedEarlyDays });
      return {
        code: s.code,
        name: s.name,
        nameEn: s.nameEn ?? null,
        prefix: s.prefix,
        color: s.color,
        waiting: waiting[s.code] ?? 0,
        active: s.active,
        open: s.active && st.open,
        closedReason: st.open ? null : st.reason,
        opensAt: !st.open && st.opensAt !== null ? iso(st.opensAt) : null,
        closesAt: st.open ? iso(st.closesAt) : null,
        capReached: tickets.lastSeq(catalog.siteId, s.prefix, day) >= s.dailyCap,
      };
    });
  }

  /** Waiting tickets per service code, every service listed (0 when none). */
  waitingCounts(): Record<string, number> {
    const counts = this.d.tickets.waitingCounts(this.d.catalog.siteId);
    return Object.fromEntries(this.d.catalog.site.services.map((s) => [s.code, counts[s.code] ?? 0]));
  }

  counter(number: number): CounterState {
    const { catalog, tickets, sessions, clock } = this.d;
    const c = catalog.site.counters.find((x) => x.number === number);
    if (!c) throw new RangeError(`no counter ${number}`);
    const holder = sessions.holder(catalog.siteId, number, clock.now());
    const cur = tickets.currentAt(catalog.siteId, number);
    return {
      number,
      name: c.name,
      services: c.services,
      official: holder ? { id: holder.officialId, displayName: holder.displayName } : null,
      paused: holder?.pausedReason ? { reason: holder.pausedReason, since: iso(holder.pausedAt ?? 0) } : null,
      current:
        cur && (cur.status === 'called' || cur.status === 'serving')
          ? {
              id: cur.id,
              label: cur.label,
              service: cur.service,
              status: cur.status,
              calledAt: iso(cur.lastCalledAt ?? cur.issuedAt),
              priority: cur.priority,
            }
          : null,
    };
  }

  snapshot(): QueueSnapshot {
    const { catalog, tickets, clock } = this.d;
    return {
      version: this.d.version,
      at: iso(clock.now()),
      timeZone: tickets.zone,
      centre: catalog.site.centre,
      services: this.services(),
      counters: catalog.site.counters.filter((c) => c.active !== false).map((c) => this.counter(c.number)),
      recentCalls: tickets.recentCalls(catalog.siteId, RECENT_CALLS).map((c) => ({
        ticketId: c.ticketId,
        label: c.label,
        counter: c.counter,
        service: c.service,
        calledAt: iso(c.at),
        recall: c.recall,
      })),
    };
  }
}
