import { OPEN_TICKETS } from '../db/migrations.js';
import {
  type CounterCurrent,
  type CounterWaiting,
  type MyToday,
  type NoShowItem,
  type TransferNote,
  WAITING_LIST_LIMIT,
  type WaitingItem,
} from '../../core/contracts/console.js';
import type { RatingScale } from '../../core/contracts/rating.js';
import type { Clock } from '../../core/domain/clock.js';
import { addDays, localDay, startOfLocalDay } from '../../core/domain/local-time.js';
import { eligibleAt, normalsSinceLastPriority, pickNext } from '../../core/domain/ordering.js';
import { DEFAULT_RATING_SCALE, RATING_SCALE_PRESETS, satisfactionRate } from '../../core/domain/rating.js';
import type { Db } from '../db/open.js';
import type { SessionRepo } from '../db/session-repo.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { SiteCatalog } from './site-catalog.js';
import { iso, ticketView } from './views.js';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface ConsoleViewDeps {
  db: Db;
  catalog: SiteCatalog;
  tickets: TicketRepo;
  sessions: SessionRepo;
  clock: Clock;
}

/** Read models for the officials' console: short indexed reads on the main thread. */
export class ConsoleViewService {
  private readonly s;

  constructor(private readonly d: ConsoleViewDeps) {
    this.s = {
      waiting: d.db.prepare(`SELECT id, label, service, original_service, priority, issued_at, target_counter
        FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting' ORDER BY issued_at, id`),
      noShows: d.db.prepare(`SELECT id, label, service, priority, counter, issued_at, last_called_at
        FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND day = ? AND status = 'no_show' ORDER BY last_called_at DESC, id DESC`),
      lastTransfer: d.db.prepare(
        "SELECT data_json FROM events WHERE ticket_id = ? AND type = 'transferred' ORDER BY id DESC LIMIT 1",
      ),
      served: d.db.prepare(`SELECT COUNT(*) AS n, AVG(t.finished_at - t.started_at) AS avg_ms
        FROM events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.site_id = ? AND e.at >= ? AND e.at < ? AND e.type = 'finished' AND e.official_id = ?`),
      noShowCount: d.db.prepare(
        "SELECT COUNT(*) AS n FROM events WHERE site_id = ? AND at >= ? AND at < ? AND type = 'no_show' AND official_id = ?",
      ),
      ratings: d.db.prepare(`SELECT scale_size, level, COUNT(*) AS n FROM ratings
        WHERE site_id = ? AND official_id = ? AND at >= ? AND at < ? GROUP BY scale_size, level`),
    };
  }

  private serviceName(code: string): string {
    return this.d.catalog.site.services.find((s) => s.code === code)?.name ?? code;
  }
  private priorityName(code: string | null): string | null {
    return code === null ? null : (this.d.catalog.category(code)?.name ?? code);
  }
  private today(now: number): string {
    return localDay(now, this.d.tickets.zone);
  }

  /** Waiting tickets counter n may call (oldest first, the policy's next one marked) and today's no-shows. */
  waiting(counter: number): CounterWaiting {
    const { catalog, tickets, clock } = this.d;
    const now = clock.now();
    const c = catalog.counter(counter);
    const scope = { number: c.number, services: c.services };
    const rows = (this.s.waiting.all(catalog.siteId) as Row[]).map((r) => ({
      id: Number(r.id),
      label: String(r.label),
      service: String(r.service),
      originalService: String(r.original_service),
      priority: str(r.priority),
      issuedAt: Number(r.issued_at),
      targetCounter: num(r.target_counter),
    }));
    const eligible = eligibleAt(rows, scope);
    const history = tickets.recentCallsAt(catalog.siteId, counter, catalog.site.policy.normalPerPriority + 1);
    const next = pickNext(eligible, scope, catalog.site.policy, normalsSinceLastPriority(history));
    const waiting = eligible.slice(0, WAITING_LIST_LIMIT).map(
      (t): WaitingItem => ({
        id: t.id,
        label: t.label,
        service: t.service,
        serviceName: this.serviceName(t.service),
        priority: t.priority,
        priorityName: this.priorityName(t.priority),
        issuedAt: iso(t.issuedAt),
        waitedMinutes: Math.max(0, Math.floor((now - t.issuedAt) / 60_000)),
        targeted: t.targetCounter === counter,
        transferred: t.targetCounter !== null || t.service !== t.originalService,
      }),
    );
    return {
      counter,
      now: iso(now),
      waiting,
      total: eligible.length,
      nextId: next?.id ?? null,
      noShows: this.noShows(now),
    };
  }

  private noShows(now: number): NoShowItem[] {
    return (this.s.noShows.all(this.d.catalog.siteId, this.today(now)) as Row[]).map((r) => ({
      id: Number(r.id),
      label: String(r.label),
      service: String(r.service),
      serviceName: this.serviceName(String(r.service)),
      priority: str(r.priority),
      counter: num(r.counter),
      issuedAt: iso(Number(r.issued_at)),
      lastCalledAt: r.last_called_at === null ? null : iso(Number(r.last_called_at)),
    }));
  }

  /** The ticket called or being served at counter n, with its wait and the data for a service timer. */
  current(counter: number): CounterCurrent {
    const { catalog, tickets, sessions, clock } = this.d;
    const now = clock.now();
    catalog.counter(counter);
    const holder = sessions.holder(catalog.siteId, counter, now);
    const paused = holder?.pausedReason
      ? { reason: holder.pausedReason, since: iso(holder.pausedAt ?? now) }
      : null;
    const t = tickets.currentAt(catalog.siteId, counter);
    if (!t) return { counter, now: iso(now), ticket: null, paused };
    const waitedMs = (t.firstCalledAt ?? now) - t.issuedAt;
    return {
      counter,
      now: iso(now),
      paused,
      ticket: {
        ...ticketView(t),
        serviceName: this.serviceName(t.service),
        priorityName: this.priorityName(t.priority),
        waitedSeconds: Math.max(0, Math.round(waitedMs / 1000)),
        transfer: this.lastTransfer(t.id),
      },
    };
  }

  private lastTransfer(ticketId: number): TransferNote | null {
    const r = this.s.lastTransfer.get(ticketId) as Row | undefined;
    if (!r) return null;
    const data = JSON.parse(String(r.data_json)) as Record<string, unknown>;
    return {
      fromService: str(data.fromService),
      fromCounter: num(data.fromCounter),
      reason: str(data.reason),
    };
  }

  /** Today's own figures: served, no-shows, average service time, own satisfaction rate (aggregate). */
  myToday(officialId: number): MyToday {
    const now = this.d.clock.now();
    const day = this.today(now);
    const siteId = this.d.catalog.siteId;
    // the day as a time range, so the (site, at) index reads only today's events
    const zone = this.d.tickets.zone;
    const [from, to] = [startOfLocalDay(day, zone), startOfLocalDay(addDays(day, 1), zone)];
    const served = this.s.served.get(siteId, from, to, officialId) as Row;
    const noShows = this.s.noShowCount.get(siteId, from, to, officialId) as Row;
    const avg = num(served.avg_ms);
    const rating = this.ratingToday(officialId, from, to);
    return {
      day,
      now: iso(now),
      served: Number(served.n),
      noShows: Number(noShows.n),
      avgServiceSeconds: avg === null ? null : Math.round(avg / 1000),
      satisfactionRate: rating.rate,
      ratings: rating.valid,
    };
  }

  /**
   * The official's satisfaction rate today, from the `ratings` table (owned by the ratings part of the
   * system). Each rating is judged on the scale it was given on (its `scale_size`): the site's scale
   * when it has that many levels, else the preset of that size. No ratings → null.
   */
  private ratingToday(officialId: number, from: number, to: number): { rate: number | null; valid: number } {
    const rows = this.s.ratings.all(this.d.catalog.siteId, officialId, from, to) as Row[];
    const bySize = new Map<number, Record<number, number>>();
    for (const r of rows) {
      const size = Number(r.scale_size);
      const counts = bySize.get(size) ?? {};
      counts[Number(r.level)] = Number(r.n);
      bySize.set(size, counts);
    }
    let satisfied = 0;
    let valid = 0;
    for (const [size, counts] of bySize) {
      const part = satisfactionRate(counts, this.scaleOf(size));
      satisfied += part.satisfied;
      valid += part.valid;
    }
    return { rate: valid === 0 ? null : satisfied / valid, valid };
  }

  private scaleOf(size: number): RatingScale {
    const site = (this.d.catalog.settings as unknown as Record<string, unknown>).ratingScale as
      | RatingScale
      | undefined;
    if (site?.levels?.length === size) return site;
    return RATING_SCALE_PRESETS[size as 2 | 3 | 4 | 5] ?? DEFAULT_RATING_SCALE;
  }
}
