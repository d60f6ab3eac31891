import type { RatingPress, RatingScale } from '../../core/contracts/rating.js';
import type {
  RatingReceived,
  RatingRequested,
  RatingSettings,
  RatingSettingsPatch,
} from '../../core/contracts/rating-api.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import type { DomainEvent } from '../../core/domain/events.js';
import { localDay } from '../../core/domain/local-time.js';
import { findLevel } from '../../core/domain/rating.js';
import {
  type AttributionDecision,
  attributeRating,
  DEFAULT_ATTRIBUTION_POLICY,
} from '../../core/domain/rating-attribution.js';
import type { Logger } from '../../drivers/logger.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import type { RatedTicket, RatingRepo } from './rating-repo.js';
import { mergeRatingSettings, patchRatingSettings } from './rating-settings.js';
import type { SiteCatalog } from './site-catalog.js';
import { iso } from './views.js';

declare module '../event-bus.js' {
  interface AppEvents {
    /** a ticket finished: its counter's screen/tablet asks for a rating */
    ratingRequested: RatingRequested;
    /** a rating was stored */
    ratingReceived: RatingReceived;
  }
}

export interface RatingDeps {
  catalog: SiteCatalog;
  tickets: TicketRepo;
  repo: RatingRepo;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  log: Logger;
}

export interface RateInput {
  counter: number;
  level: number;
  at: number;
  source: 'box' | 'tablet';
  deviceId: string;
  reason?: string;
}

export interface RateOutcome {
  decision: AttributionDecision;
  id: number | null;
  label: string | null;
}

/**
 * Satisfaction ratings: attribution of each press (box or tablet) to a ticket and its official
 * with the DB's view of the counter, one rating per ticket, storage of the raw level, and the
 * `rating:requested` prompt after each finished ticket.
 */
export class RatingService {
  /** presses handled (stored, bounced or duplicate), for tests and health */
  processed = 0;
  private readonly lastPressAt = new Map<number, number>();

  constructor(private readonly d: RatingDeps) {
    d.bus.on('committed', ({ events }) => this.onCommitted(events));
  }

  settings(): RatingSettings {
    return mergeRatingSettings(this.d.repo.readSettings(this.d.catalog.siteId));
  }

  now(): number {
    return this.d.clock.now();
  }

  /** A stored level outside the satisfied set, when the site has a reason list. */
  asksReason(level: number): boolean {
    const s = this.settings();
    return s.reasons.length > 0 && !s.satisfied.includes(level);
  }

  scale(): RatingScale {
    const { levels, satisfied } = this.settings();
    return { levels, satisfied };
  }

  async updateSettings(patch: RatingSettingsPatch): Promise<RatingSettings> {
    let next: RatingSettings;
    try {
      next = patchRatingSettings(this.settings(), patch);
    } catch (e) {
      throw new DomainError('VALIDATION_FAILED', { detail: (e as Error).message.slice(0, 200) });
    }
    await this.d.writes.run(() => this.d.repo.writeSettings(this.d.catalog.siteId, next));
    return next;
  }

  /** A rating box press (already a level of the scale). Never throws. */
  handleBoxPress(p: RatingPress): void {
    this.rate({ counter: p.counter, level: p.level, at: p.at, source: 'box', deviceId: p.deviceId }).catch(
      (err) => this.d.log.error({ err, device: p.deviceId, counter: p.counter }, 'rating press not stored'),
    );
  }

  /** Attributes and stores one press in a single write, then publishes `ratingReceived`. */
  async rate(input: RateInput): Promise<RateOutcome> {
    const settings = this.settings();
    if (!findLevel(settings, input.level)) {
      throw new DomainError('VALIDATION_FAILED', { detail: `level ${input.level} is not on the scale` });
    }
    if (input.reason && !settings.reasons.some((r) => r.code === input.reason)) {
      throw new DomainError('VALIDATION_FAILED', { detail: `unknown reason ${input.reason}` });
    }
    const out = await this.d.writes.run(() => this.attributeAndStore(input, settings));
    this.processed++;
    if (out.id !== null) {
      const received: RatingReceived = { counter: input.counter, level: input.level, at: iso(input.at) };
      if (out.label) received.label = out.label;
      this.d.bus.emit('ratingReceived', received);
    }
    return out;
  }

  private attributeAndStore(input: RateInput, settings: RatingSettings): RateOutcome {
    const { catalog, tickets, repo } = this.d;
    const siteId = catalog.siteId;
    const windowMs = settings.windowSeconds * 1000;
    const policy = { ...DEFAULT_ATTRIBUTION_POLICY, windowMs };
    const zone = tickets.zone;
    const days = [
      ...new Set([localDay(input.at - windowMs, zone), localDay(input.at + policy.skewMs, zone)]),
    ];
    const recent = repo.recentFinished(siteId, input.counter, days, input.at - windowMs);
    const open = tickets.currentAt(siteId, input.counter);
    const current = open ? repo.ticket(open.id) : null;
    const decision = attributeRating(
      {
        counter: input.counter,
        at: input.at,
        lastPressAt: this.lastPressAt.get(input.counter),
        recent,
        current,
      },
      policy,
    );
    if (decision.kind !== 'bounce') this.lastPressAt.set(input.counter, input.at);
    if (decision.kind !== 'ticket' && decision.kind !== 'general') return { decision, id: null, label: null };
    const rated: RatedTicket | undefined =
      decision.kind === 'ticket'
        ? [...recent, ...(current ? [current] : [])].find((t) => t.id === decision.ticketId)
        : undefined;
    const id = repo.insert({
      siteId,
      at: input.at,
      level: input.level,
      scaleSize: settings.levels.length,
      ticketId: decision.kind === 'ticket' ? decision.ticketId : null,
      counter: input.counter,
      officialId: decision.kind === 'ticket' ? decision.officialId : null,
      service: decision.kind === 'ticket' ? decision.service : null,
      source: input.source,
      deviceId: input.deviceId,
      reason: input.reason ?? null,
    });
    return { decision, id, label: rated?.label ?? null };
  }

  /** A tablet adds the reason for its own low rating, once, within two minutes. */
  async addReason(id: number, deviceId: string, reason: string): Promise<void> {
    if (!this.settings().reasons.some((r) => r.code === reason)) {
      throw new DomainError('VALIDATION_FAILED', { detail: `unknown reason ${reason}` });
    }
    const notBefore = this.d.clock.now() - 120_000;
    const ok = await this.d.writes.run(() => this.d.repo.setReason(id, deviceId, reason, notBefore));
    if (!ok) throw new DomainError('NOT_FOUND');
  }

  private onCommitted(events: readonly DomainEvent[]): void {
    for (const e of events) {
      if (e.type !== 'finished' || e.counter === null || e.ticketId === null) continue;
      const t = this.d.repo.ticket(e.ticketId);
      if (!t || t.alreadyRated) continue;
      const req: RatingRequested = {
        counter: e.counter,
        ticketId: t.id,
        label: t.label,
        expiresAt: iso(this.d.clock.now() + this.settings().promptSeconds * 1000),
      };
      const name = e.officialId === null ? null : this.d.repo.officialName(e.officialId);
      this.d.bus.emit('ratingRequested', name ? { ...req, officialName: name } : req);
    }
  }
}
