import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import { event } from '../../core/domain/events.js';
import type { SessionRepo } from '../db/session-repo.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import type { Actor, QueueService } from './queue-service.js';
import type { SiteCatalog } from './site-catalog.js';

/** Pause (tạm nghỉ) with a reason and resume: recorded as events for pause/idle time reports. */
export class CounterService {
  constructor(
    private readonly d: {
      catalog: SiteCatalog;
      sessions: SessionRepo;
      tickets: TicketRepo;
      writes: WriteQueue;
      bus: EventBus;
      clock: Clock;
      queue: QueueService;
    },
  ) {}

  async pause(counter: number, actor: Actor, reason: string): Promise<void> {
    await this.d.writes.run(() => {
      const { holder } = this.d.queue.requireHolder(counter, actor);
      const current = this.d.tickets.currentAt(this.d.catalog.siteId, counter);
      if (current) throw new DomainError('TICKET_IN_PROGRESS', { ticket: current.label });
      if (holder.pausedReason !== null) return;
      const now = this.d.clock.now();
      this.d.sessions.setPause(this.d.catalog.siteId, counter, reason, now);
      this.d.tickets.recordEvents(this.d.catalog.siteId, [
        event('paused', now, { counter, officialId: actor.officialId, data: { reason } }),
      ]);
    });
    this.d.bus.emit('counterChanged', { counter });
  }

  async resume(counter: number, actor: Actor): Promise<void> {
    await this.d.writes.run(() => {
      const { holder } = this.d.queue.requireHolder(counter, actor);
      if (holder.pausedReason === null) return;
      const now = this.d.clock.now();
      this.d.sessions.setPause(this.d.catalog.siteId, counter, null, null);
      this.d.tickets.recordEvents(this.d.catalog.siteId, [
        event('resumed', now, {
          counter,
          officialId: actor.officialId,
          data: { pausedMs: now - (holder.pausedAt ?? now) },
        }),
      ]);
    });
    this.d.bus.emit('counterChanged', { counter });
  }
}
