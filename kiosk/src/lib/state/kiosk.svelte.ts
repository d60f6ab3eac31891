import type { IssuedTicket, IssueTicketBody } from '../../../../core/contracts/api.js';
import type { TicketPublicStatus } from '../../../../core/contracts/status.js';
import type { ServiceState } from '../../../../core/contracts/queue.js';
import { issueWithRetry, type Refusal, toRefusal } from '../rules/issue-request.js';
import { isPaperless } from '../rules/print-notice.js';
import { availability } from '../rules/services.js';
import { tokenOfStatusUrl } from '../rules/token.js';

export type Phase = 'start' | 'issuing' | 'issued' | 'refused';

export interface KioskDeps {
  issue(body: IssueTicketBody): Promise<IssuedTicket>;
  status(token: string): Promise<TicketPublicStatus>;
  newRequestId(): string;
  onIssued?(ticket: IssuedTicket): void;
  onRefused?(refusal: Refusal): void;
  /** back on the start screen for the next citizen */
  onReset?(): void;
}

/** How long each screen stays before the kiosk returns to the start by itself. */
export const HOLD_MS = { issued: 8000, paperless: 15000, refused: 6000, priority: 30000 } as const;
/** Touches this soon after the confirmation appears are the tail of a double tap: ignored. */
export const DISMISS_GUARD_MS = 1500;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The kiosk's flow: start (optionally with a priority category chosen) → issuing → issued (or
 * refused) → start. One tap makes at most one request, and its retries reuse the same requestId.
 */
export class KioskMachine {
  phase = $state<Phase>('start');
  priority = $state<string | null>(null);
  busyService = $state<string | null>(null);
  ticket = $state<IssuedTicket | null>(null);
  estimate = $state<{ ahead: number; waitMin: number | null } | null>(null);
  refusal = $state<Refusal | null>(null);
  secondsLeft = $state(0);
  private shownAt = 0;
  private backTimer: ReturnType<typeof setTimeout> | undefined;
  private tick: ReturnType<typeof setInterval> | undefined;
  private priorityTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly d: KioskDeps) {}

  togglePriority(code: string): void {
    if (this.phase !== 'start') return;
    this.priority = this.priority === code ? null : code;
    clearTimeout(this.priorityTimer);
    if (this.priority !== null)
      this.priorityTimer = setTimeout(() => (this.priority = null), HOLD_MS.priority);
  }

  /** A tap on a service button. Ignored unless the start screen is showing and the service is open. */
  async choose(service: ServiceState): Promise<void> {
    if (this.phase !== 'start' || availability(service).kind !== 'open') return;
    clearTimeout(this.priorityTimer);
    this.phase = 'issuing';
    this.busyService = service.code;
    const body = {
      service: service.code,
      priority: this.priority,
      requestId: this.d.newRequestId(),
      waitForPrint: true,
    };
    try {
      const ticket = await issueWithRetry((b) => this.d.issue(b), body, sleep);
      this.ticket = ticket;
      this.estimate = { ahead: ticket.ahead, waitMin: null };
      this.show('issued', isPaperless(ticket.print) ? HOLD_MS.paperless : HOLD_MS.issued);
      this.d.onIssued?.(ticket);
      void this.loadEstimate(ticket);
    } catch (e) {
      this.refusal = toRefusal(e, service.code, '');
      this.show('refused', HOLD_MS.refused);
      this.d.onRefused?.(this.refusal);
    } finally {
      this.busyService = null;
    }
  }

  /** A touch on the confirmation or refusal screen: back to the start (not the tail of a double tap). */
  dismiss(now: number = Date.now()): void {
    if (this.phase !== 'issued' && this.phase !== 'refused') return;
    if (now - this.shownAt < DISMISS_GUARD_MS) return;
    this.reset();
  }

  reset(): void {
    clearTimeout(this.backTimer);
    clearInterval(this.tick);
    clearTimeout(this.priorityTimer);
    this.phase = 'start';
    this.ticket = null;
    this.estimate = null;
    this.refusal = null;
    this.priority = null;
    this.secondsLeft = 0;
    this.d.onReset?.();
  }

  private show(phase: 'issued' | 'refused', holdMs: number): void {
    this.phase = phase;
    this.shownAt = Date.now();
    this.secondsLeft = Math.round(holdMs / 1000);
    clearInterval(this.tick);
    this.tick = setInterval(() => (this.secondsLeft = Math.max(0, this.secondsLeft - 1)), 1000);
    this.backTimer = setTimeout(() => this.reset(), holdMs);
  }

  /** People ahead and the estimated wait from the status read model; the number never waits for it. */
  private async loadEstimate(ticket: IssuedTicket): Promise<void> {
    const token = tokenOfStatusUrl(ticket.statusUrl);
    if (!token) return;
    try {
      const s = await this.d.status(token);
      if (this.ticket?.id === ticket.id) this.estimate = { ahead: s.ahead, waitMin: s.estimatedWaitMin };
    } catch {
      // the estimate is a nicety: the number and people ahead are already on screen
    }
  }
}
