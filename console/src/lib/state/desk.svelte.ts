import type { TicketView } from '../../../../core/contracts/api.js';
import type {
  CurrentTicketDetail,
  MyToday,
  NoShowItem,
  WaitingItem,
} from '../../../../core/contracts/console.js';
import type { Strings } from '../../i18n/vi.js';
import { ApiError, type ConsoleApi, isSessionLost } from '../api/console-api.js';
import { canDo, type DeskAction, type DeskFacts, phaseOf, primaryAction } from '../rules/actions.js';
import type { ServerClock } from './clock.svelte.js';
import type { NoticeState } from './notices.svelte.js';

export interface DeskDeps {
  api: ConsoleApi;
  notices: NoticeState;
  clock: ServerClock;
  /** the strings of the current language, read when a message is made */
  t: () => Strings;
  /** the server says the session is gone: back to login */
  onSessionLost: (e: ApiError) => void;
  /** debounce of live refreshes, ms */
  refreshDelayMs?: number;
}

export type TransferTarget = { service: string } | { counter: number };

/**
 * One counter at work: its current ticket, waiting list, today's no-shows and the official's own
 * figures, and every counter action. One action at a time: while one is in flight every other is
 * refused here, before any request (a double click never calls two tickets).
 */
export class DeskState {
  current = $state<CurrentTicketDetail | null>(null);
  paused = $state<{ reason: string; since: string } | null>(null);
  waiting = $state<WaitingItem[]>([]);
  total = $state(0);
  nextId = $state<number | null>(null);
  noShows = $state<NoShowItem[]>([]);
  today = $state<MyToday | null>(null);
  loaded = $state(false);
  busy = $state<DeskAction | 'return' | null>(null);
  /** label of the ticket just finished: the console asks the citizen for a rating */
  lastFinished = $state<string | null>(null);
  dossierCode = $state('');
  /** after each action the console focuses the likely next button (Enter, Enter, Enter…) */
  focusRequest = $state<{ action: DeskAction; seq: number } | null>(null);
  private refreshSeq = 0;
  private appliedSeq = 0;
  private disposed = false;
  private focusSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly counter: number,
    private readonly d: DeskDeps,
  ) {}

  get facts(): DeskFacts {
    return {
      current: this.current?.status === 'serving' ? 'serving' : this.current ? 'called' : null,
      paused: this.paused !== null,
      busy: this.busy !== null,
    };
  }
  get phase() {
    return phaseOf(this.facts);
  }
  can(action: DeskAction): boolean {
    return canDo(action, this.facts);
  }
  get ratingPrompt(): string | null {
    return this.current === null && this.paused === null ? this.lastFinished : null;
  }

  /** Reloads current ticket, waiting list and own figures; an older answer never overwrites a newer one. */
  async refresh(): Promise<void> {
    const seq = ++this.refreshSeq;
    const { api, clock } = this.d;
    try {
      const [cur, wait, today] = await Promise.all([
        api.current(this.counter),
        api.waiting(this.counter),
        api.today(),
      ]);
      // Answers apply in the order they were asked; one older than what is shown is dropped.
      if (this.disposed || seq < this.appliedSeq) return;
      this.appliedSeq = seq;
      clock.sync(cur.now);
      this.current = cur.ticket?.status === 'called' || cur.ticket?.status === 'serving' ? cur.ticket : null;
      this.paused = cur.paused;
      this.waiting = wait.waiting;
      this.total = wait.total;
      this.nextId = wait.nextId;
      this.noShows = wait.noShows;
      this.today = today;
      this.loaded = true;
    } catch (e) {
      if (isSessionLost(e)) this.d.onSessionLost(e);
      // offline: keep what is shown; the socket's reconnect triggers a resync
    }
  }

  /** Live events come in bursts: one refresh shortly after the last. */
  scheduleRefresh(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.d.refreshDelayMs ?? 150);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.disposed = true;
  }

  callNext() {
    return this.ticketAction(
      'callNext',
      () => this.d.api.command(this.counter, 'call-next'),
      (t, s) => s.done.called(t.label),
    );
  }
  callTicket(label: string) {
    return this.ticketAction(
      'callSpecific',
      () => this.d.api.command(this.counter, 'call', { ticket: label }),
      (t, s) => s.done.called(t.label),
    );
  }
  recall() {
    return this.ticketAction(
      'recall',
      () => this.d.api.command(this.counter, 'recall'),
      (t, s) => s.done.recalled(t.label),
    );
  }
  start() {
    return this.ticketAction(
      'start',
      () => this.d.api.command(this.counter, 'start'),
      (t, s) => s.done.started(t.label),
    );
  }
  finish() {
    const code = this.dossierCode.trim();
    return this.ticketAction(
      'finish',
      () => this.d.api.command(this.counter, 'finish', code ? { dossierCode: code } : {}),
      (t, s) => s.done.finished(t.label),
    );
  }
  noShow() {
    return this.ticketAction(
      'noShow',
      () => this.d.api.command(this.counter, 'no-show'),
      (t, s) => s.done.noShow(t.label),
    );
  }
  transfer(target: TransferTarget, reason: string, targetName: string) {
    return this.ticketAction(
      'transfer',
      () => this.d.api.command(this.counter, 'transfer', { ...target, reason: reason.trim() }),
      (t, s) => s.done.transferred(t.label, targetName),
    );
  }
  pause(reason: string, shownAs = reason) {
    return this.run(
      'pause',
      () => this.d.api.pause(this.counter, reason),
      (s) => s.done.paused(shownAs),
    );
  }
  resume() {
    return this.run(
      'resume',
      () => this.d.api.resume(this.counter),
      (s) => s.done.resumed,
    );
  }
  /** A no-show back in the queue: allowed whatever the counter is doing, but not during another action. */
  async returnTicket(id: number): Promise<boolean> {
    let label = '';
    return this.run(
      'return',
      async () => {
        label = (await this.d.api.returnTicket(id)).label;
      },
      (s) => s.done.returned(label),
    );
  }

  private ticketAction(
    action: DeskAction,
    fn: () => Promise<TicketView>,
    done: (t: TicketView, s: Strings) => string,
  ) {
    let ticket: TicketView | null = null;
    return this.run(
      action,
      async () => {
        ticket = await fn();
        if (action === 'finish') this.lastFinished = ticket.label;
        if (action === 'finish' || action === 'transfer' || action === 'noShow') this.dossierCode = '';
        if (action === 'callNext' || action === 'callSpecific') this.lastFinished = null;
      },
      (s) => done(ticket!, s),
    );
  }

  private async run(
    action: DeskAction | 'return',
    fn: () => Promise<void>,
    done: (s: Strings) => string,
  ): Promise<boolean> {
    if (this.busy !== null || (action !== 'return' && !this.can(action))) return false;
    this.busy = action;
    let ok = false;
    try {
      await fn();
      ok = true;
    } catch (e) {
      if (isSessionLost(e)) {
        this.busy = null;
        this.d.onSessionLost(e);
        return false;
      }
      const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e));
      this.d.notices.error(err.message, err.code);
    }
    // Still busy while the new state loads, so a second click cannot act on the old state.
    try {
      await this.refresh();
    } finally {
      this.busy = null;
    }
    // "Done" is said only once the desk can act again: a key pressed on reading it is never dropped.
    if (ok) {
      this.d.notices.ok(done(this.d.t()));
      this.focusRequest = { action: primaryAction(this.phase), seq: ++this.focusSeq };
    }
    return ok;
  }
}
