import type { IssueTicketBody } from '../../core/contracts/api.js';
import {
  DEFAULT_BUTTON_MAX_PER_MINUTE,
  DEFAULT_BUTTON_MIN_INTERVAL_MS,
  type TicketButtonsSettings,
} from '../../core/contracts/devices-config.js';
import { isDomainError } from '../../core/domain/errors.js';
import type { Logger } from '../../drivers/logger.js';
import type { KeyEvent } from './drivers.js';

/** How a button press becomes a ticket: the same `QueueService.issue` the kiosk uses. */
export type IssueFn = (body: IssueTicketBody) => Promise<{ ticket: { label: string }; created: boolean }>;

export interface ButtonStats {
  issued: number;
  /** dropped by the per-device rate limit (a stuck or hammered key) */
  limited: number;
  /** keys not in the map */
  unmapped: number;
  /** refused by the queue (service closed, daily cap…) or failed */
  refused: number;
}

/**
 * One ticket-button pad: key → service (and priority) → a ticket. A per-device rate limit (a
 * minimum interval and a cap per minute) keeps a stuck key from flooding the queue. The request id
 * is derived from the device and the press time, so a replayed press cannot issue twice.
 */
export class TicketButtonPad {
  private readonly minIntervalMs: number;
  private readonly maxPerMinute: number;
  private lastAt: number | null = null;
  private recent: number[] = [];
  private readonly counts: ButtonStats = { issued: 0, limited: 0, unmapped: 0, refused: 0 };

  constructor(
    readonly deviceId: string,
    private readonly settings: TicketButtonsSettings,
    private readonly issue: IssueFn,
    private readonly log: Logger,
  ) {
    this.minIntervalMs = settings.minIntervalMs ?? DEFAULT_BUTTON_MIN_INTERVAL_MS;
    this.maxPerMinute = settings.maxPerMinute ?? DEFAULT_BUTTON_MAX_PER_MINUTE;
  }

  stats(): ButtonStats {
    return { ...this.counts };
  }

  /** Resolves when the ticket is issued or refused; never rejects. */
  async press(ev: KeyEvent): Promise<void> {
    const target = this.settings.keys[String(ev.key)];
    if (!target) {
      this.counts.unmapped++;
      return;
    }
    if (!this.allow(ev.at)) {
      this.counts.limited++;
      this.log.warn({ device: this.deviceId, key: ev.key }, 'ticket button rate-limited');
      return;
    }
    const body: IssueTicketBody = {
      service: target.service,
      requestId: `btn-${this.deviceId}-${ev.at}-k${ev.key}`,
    };
    if (target.priority) body.priority = target.priority;
    try {
      const { ticket } = await this.issue(body);
      this.counts.issued++;
      this.log.info({ device: this.deviceId, key: ev.key, ticket: ticket.label }, 'ticket issued by button');
    } catch (err) {
      this.counts.refused++;
      const reason = isDomainError(err) ? err.code : err instanceof Error ? err.message : String(err);
      this.log.warn({ device: this.deviceId, key: ev.key, reason }, 'ticket button press refused');
    }
  }

  private allow(at: number): boolean {
    if (this.lastAt !== null && at - this.lastAt < this.minIntervalMs && at >= this.lastAt) return false;
    this.recent = this.recent.filter((t) => at - t < 60_000 && t <= at);
    if (this.recent.length >= this.maxPerMinute) return false;
    this.lastAt = at;
    this.recent.push(at);
    return true;
  }
}
