import { addDays, localDay, startOfLocalDay } from '../../core/domain/local-time.js';
import type { Logger } from '../../drivers/logger.js';
import type { Db } from '../db/open.js';
import type { AdminChanges } from './admin-changes.js';
import { retentionSettings } from './admin-settings-service.js';

export interface RetentionResult {
  /** visits (tickets, events, sessions) of days before this one were removed */
  visitsBefore: string;
  ratingsBefore: string;
  tickets: number;
  events: number;
  sessions: number;
  ratings: number;
}

const BATCH = 250;

/**
 * Data retention (Nghị định 13/2023/NĐ-CP, docs/data-protection.md). Once a day, raw visits older
 * than `visitsDays` (tickets with their events, login sessions, numbering sequences) and ratings
 * older than `ratingsDays` are deleted, always by WHOLE local days, so any report whose period lies
 * inside the retention window keeps exactly the same figures. A rating outliving its ticket keeps
 * its level, counter, service and time (ticket link cleared). Work runs in small batches through
 * the write queue, so counters never wait behind it. The audit log is kept.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private lastDay = '';
  private running: Promise<RetentionResult> | null = null;

  constructor(
    private readonly c: AdminChanges,
    private readonly zone: string,
    private readonly log: Logger,
  ) {}

  /** Checks every `everyMs` (and once now) and runs at most once per local day. */
  start(everyMs = 3_600_000): void {
    const tick = () => {
      const day = localDay(this.c.now(), this.zone);
      if (day === this.lastDay) return;
      this.lastDay = day;
      this.run().catch((err) => this.log.error({ err }, 'retention job failed'));
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    setImmediate(tick);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  run(): Promise<RetentionResult> {
    this.running ??= this.runOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<RetentionResult> {
    const { visitsDays, ratingsDays } = retentionSettings(this.c.d.catalog);
    const today = localDay(this.c.now(), this.zone);
    const visitsBefore = addDays(today, -visitsDays);
    const ratingsBefore = addDays(today, -ratingsDays);
    const siteId = this.c.d.catalog.siteId;
    const out: RetentionResult = {
      visitsBefore,
      ratingsBefore,
      tickets: 0,
      events: 0,
      sessions: 0,
      ratings: 0,
    };
    const visitsStart = startOfLocalDay(visitsBefore, this.zone);
    const ratingsStart = startOfLocalDay(ratingsBefore, this.zone);
    const batches: Array<
      [keyof Omit<RetentionResult, 'visitsBefore' | 'ratingsBefore'>, (db: Db) => number]
    > = [
      ['tickets', (db) => deleteTickets(db, siteId, visitsBefore, out)],
      [
        'events',
        // by time on the (site_id, at) index: the same whole local days as `day < visitsBefore`
        (db) =>
          del(
            db,
            'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE site_id = ? AND at < ? LIMIT ?)',
            siteId,
            visitsStart,
          ),
      ],
      [
        'sessions',
        (db) =>
          del(
            db,
            'DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE site_id = ? AND created_at < ? AND (ended_at IS NOT NULL OR expires_at < ?) LIMIT ?)',
            siteId,
            visitsStart,
            visitsStart,
          ),
      ],
      [
        'ratings',
        (db) =>
          del(
            db,
            'DELETE FROM ratings WHERE id IN (SELECT id FROM ratings WHERE site_id = ? AND at < ? LIMIT ?)',
            siteId,
            ratingsStart,
          ),
      ],
    ];
    for (const [key, step] of batches) {
      for (;;) {
        const n = await this.c.d.writes.run(step);
        out[key] += n;
        if (n < BATCH) break;
      }
    }
    await this.c.d.writes.run((db) =>
      db.prepare('DELETE FROM day_sequences WHERE site_id = ? AND day < ?').run(siteId, visitsBefore),
    );
    if (out.tickets + out.events + out.sessions + out.ratings > 0) {
      await this.c.commit(
        null,
        () => ({ result: undefined, audit: { action: 'retention.run', target: 'retention', after: out } }),
        false,
      );
      this.log.info({ ...out }, 'retention: old visits and ratings removed');
    }
    return out;
  }
}

function del(db: Db, sql: string, ...args: unknown[]): number {
  return db.prepare(sql).run(...args, BATCH).changes;
}

/** One batch of old tickets: their ratings lose the ticket link, their events go with them. */
function deleteTickets(db: Db, siteId: string, before: string, out: RetentionResult): number {
  const ids = (
    db.prepare('SELECT id FROM tickets WHERE site_id = ? AND day < ? LIMIT ?').all(siteId, before, BATCH) as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  db.prepare('UPDATE ratings SET ticket_id = NULL WHERE ticket_id IN (SELECT value FROM json_each(?))').run(
    list,
  );
  out.events += db
    .prepare('DELETE FROM events WHERE ticket_id IN (SELECT value FROM json_each(?))')
    .run(list).changes;
  db.prepare('DELETE FROM tickets WHERE id IN (SELECT value FROM json_each(?))').run(list);
  return ids.length;
}
