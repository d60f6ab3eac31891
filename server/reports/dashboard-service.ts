import { OPEN_TICKETS } from '../db/migrations.js';
import type { Dashboard } from '../../core/contracts/reports.js';
import type { Clock } from '../../core/domain/clock.js';
import { localDay } from '../../core/domain/local-time.js';
import { addRating, type RatingCounts, satisfaction } from '../../core/domain/metrics.js';
import {
  counterActivity,
  deviceAlerts,
  WAIT_TARGET_SETTING,
  waitAlerts,
  waitTarget,
} from '../../core/domain/metrics-live.js';
import type { Db } from '../db/open.js';
import type { HealthService } from '../services/health-service.js';
import { mergeRatingSettings } from '../services/rating-settings.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import type { SnapshotService } from '../services/snapshot-service.js';

type Row = Record<string, unknown>;

export interface DashboardDeps {
  db: Db;
  catalog: SiteCatalog;
  snapshot: SnapshotService;
  health: HealthService;
  clock: Clock;
  zone: string;
}

/** The leader's live view: a handful of short indexed reads on the main thread (no history scans). */
export class DashboardService {
  private readonly s;

  constructor(private readonly d: DashboardDeps) {
    this.s = {
      waiting: d.db.prepare(`SELECT service, COUNT(*) AS n, MIN(issued_at) AS oldest FROM tickets
        WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting' GROUP BY service`),
      oldest:
        d.db.prepare(`SELECT label, service, issued_at FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting'
        ORDER BY issued_at, id LIMIT 1`),
      today: d.db.prepare(
        "SELECT issued, served FROM report_daily WHERE site_id = ? AND dim = 'd' AND day = ? AND key = ''",
      ),
      ratings: d.db.prepare(`SELECT scale_size, level, n FROM report_ratings
        WHERE site_id = ? AND dim = 'd' AND day = ? AND key = ''`),
    };
  }

  private setting(key: string): unknown {
    return (this.d.catalog.settings as unknown as Record<string, unknown>)[key];
  }

  read(): Dashboard {
    const { catalog, clock, zone } = this.d;
    const now = clock.now();
    const day = localDay(now, zone);
    const site = catalog.siteId;
    const target = waitTarget(this.setting(WAIT_TARGET_SETTING));
    const waiting = new Map(
      (this.s.waiting.all(site) as Row[]).map((r) => [
        String(r.service),
        { n: Number(r.n), oldest: Number(r.oldest) },
      ]),
    );
    const services = catalog.site.services
      .filter((s) => s.active || waiting.has(s.code))
      .map((s) => {
        const w = waiting.get(s.code);
        return {
          code: s.code,
          name: s.name,
          color: s.color,
          waiting: w?.n ?? 0,
          longestWaitS: w ? Math.max(0, Math.floor((now - w.oldest) / 1000)) : null,
        };
      });
    const oldest = this.s.oldest.get(site) as Row | undefined;
    const today = (this.s.today.get(site, day) as Row | undefined) ?? { issued: 0, served: 0 };
    const rating = mergeRatingSettings(this.setting('rating'));
    const counts: RatingCounts = new Map();
    for (const r of this.s.ratings.all(site, day) as Row[])
      addRating(counts, Number(r.scale_size), Number(r.level), Number(r.n));
    const sat = satisfaction(counts, { levels: rating.levels, satisfied: rating.satisfied });
    const waitingList = [...waiting].map(([service, w]) => ({
      service,
      waiting: w.n,
      oldestIssuedAt: w.oldest,
    }));
    return {
      at: new Date(now).toISOString(),
      day,
      timeZone: zone,
      targetWaitMinutes: target,
      services,
      longestWait: oldest
        ? {
            service: String(oldest.service),
            label: String(oldest.label),
            seconds: Math.max(0, Math.floor((now - Number(oldest.issued_at)) / 1000)),
          }
        : null,
      counters: this.counters(),
      today: {
        issued: Number(today.issued),
        served: Number(today.served),
        waiting: services.reduce((n, s) => n + s.waiting, 0),
        satisfaction: { rate: sat.rate, valid: sat.valid },
      },
      alerts: [...waitAlerts(waitingList, now, target), ...deviceAlerts(this.d.health.report().devices)],
    };
  }

  private counters(): Dashboard['counters'] {
    const { catalog, snapshot } = this.d;
    return catalog.site.counters
      .filter((c) => c.active !== false)
      .map((c) => {
        const st = snapshot.counter(c.number);
        const activity = counterActivity(st);
        return {
          number: c.number,
          name: c.name,
          activity,
          official: st.official,
          ticket: st.current?.label ?? null,
          pausedReason: st.paused?.reason ?? null,
          since:
            activity === 'serving'
              ? (st.current?.calledAt ?? null)
              : activity === 'paused'
                ? (st.paused?.since ?? null)
                : null,
        };
      });
  }
}
