import type { TicketPublicStatus } from '../../core/contracts/status.js';
import { DomainError } from '../../core/domain/errors.js';
import { addDays, localDay } from '../../core/domain/local-time.js';
import { aheadOf } from '../../core/domain/ordering.js';
import type { Ticket } from '../../core/domain/ticket.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { SiteCatalog } from './site-catalog.js';
import type { SnapshotService } from './snapshot-service.js';
import { iso } from './views.js';

/** How many recent finished visits the estimate averages, and how far back it looks. */
export const WAIT_SAMPLE = 20;
export const WAIT_LOOKBACK_DAYS = 7;
/** Visits longer than this (a counter left open over lunch) or non-positive are ignored. */
export const MAX_SERVICE_MS = 2 * 60 * 60_000;

/**
 * Minutes until a ticket is called: people ahead × average service time ÷ open counters, rounded up.
 * Null when no counter serving the service is open or there is no recent visit to learn from.
 */
export function estimateWaitMinutes(
  durationsMs: readonly number[],
  ahead: number,
  openCounters: number,
): number | null {
  if (openCounters <= 0) return null;
  if (ahead === 0) return 0;
  const usable = durationsMs.filter((d) => d > 0 && d <= MAX_SERVICE_MS);
  if (usable.length === 0) return null;
  const avgMs = usable.reduce((a, b) => a + b, 0) / usable.length;
  return Math.max(1, Math.ceil((ahead * avgMs) / openCounters / 60_000));
}

/**
 * The public read model of one ticket for its status page and the kiosk's confirmation. Short reads
 * on the main thread: the token is a unique index, recent durations use the (site_id, day) index.
 */
export class StatusService {
  private readonly durations;

  constructor(private readonly d: { catalog: SiteCatalog; tickets: TicketRepo; snapshot: SnapshotService }) {
    this.durations =
      d.tickets.database.prepare(`SELECT finished_at - COALESCE(started_at, last_called_at) AS ms
      FROM tickets WHERE site_id = ? AND day >= ? AND day <= ? AND status = 'finished'
        AND finished_at IS NOT NULL AND counter IN (SELECT value FROM json_each(?))
      ORDER BY finished_at DESC LIMIT ?`);
  }

  byToken(token: string): TicketPublicStatus {
    const { catalog, tickets } = this.d;
    const t = tickets.byToken(token);
    if (!t || t.siteId !== catalog.siteId) throw new DomainError('UNKNOWN_TICKET');
    const service = catalog.site.services.find((s) => s.code === t.service);
    const ahead = t.status === 'waiting' ? this.ahead(t) : 0;
    return {
      label: t.label,
      service: t.service,
      serviceName: service?.name ?? t.service,
      serviceNameEn: service?.nameEn ?? null,
      status: t.status,
      ahead,
      estimatedWaitMin: t.status === 'waiting' ? this.estimate(t, ahead) : null,
      counter: t.counter,
      calledAt: t.lastCalledAt === null ? null : iso(t.lastCalledAt),
      issuedAt: iso(t.issuedAt),
      timeZone: tickets.zone,
    };
  }

  private ahead(t: Ticket): number {
    const same = this.d.tickets
      .waiting(t.siteId)
      .filter(
        (w) =>
          w.service === t.service && (w.issuedAt < t.issuedAt || (w.issuedAt === t.issuedAt && w.id < t.id)),
      );
    return aheadOf(same, t.priority !== null);
  }

  /** The counters that serve the ticket's service, and how many of them are staffed and not paused. */
  private estimate(t: Ticket, ahead: number): number | null {
    const { catalog, snapshot, tickets } = this.d;
    const serving = catalog.site.counters.filter((c) => c.active !== false && c.services.includes(t.service));
    const open = serving.filter((c) => {
      const st = snapshot.counter(c.number);
      return st.official !== null && st.paused === null;
    }).length;
    if (open === 0 || ahead === 0) return estimateWaitMinutes([], ahead, open);
    const day = localDay(t.issuedAt, tickets.zone);
    const rows = this.durations.all(
      t.siteId,
      addDays(day, -WAIT_LOOKBACK_DAYS),
      day,
      JSON.stringify(serving.map((c) => c.number)),
      WAIT_SAMPLE,
    ) as { ms: number | null }[];
    return estimateWaitMinutes(
      rows.map((r) => Number(r.ms ?? 0)),
      ahead,
      open,
    );
  }
}
