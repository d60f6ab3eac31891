import { ApiError } from '../../../../client/api.js';
import type { TicketPublicStatus } from '../../../../core/contracts/status.js';

export interface StatusDeps {
  fetch(token: string): Promise<TicketPublicStatus>;
  /** the ticket has just been called (or called again): vibrate, change the title */
  onCalled?(s: TicketPublicStatus): void;
}

/** Events arriving together (one commit sends several) cause one fetch after this pause. */
export const COALESCE_MS = 150;
/** Without the socket the page polls; with it, a slow safety refresh. */
export const POLL_MS = { offline: 10_000, live: 60_000 } as const;

/**
 * The status page's model: the ticket's public status, refetched on each relevant socket event,
 * on reconnect, when the phone wakes the page, and by polling when the socket is unavailable.
 */
export class StatusTracker {
  data = $state<TicketPublicStatus | null>(null);
  centreName = $state('');
  unknown = $state(false);
  /** socket connected */
  live = $state(false);
  /** the last fetch reached the server */
  reachable = $state(true);
  private inFlight = false;
  private again = false;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private poller: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly token: string,
    private readonly d: StatusDeps,
  ) {}

  /** Offline = neither the socket nor a fetch reaches the server: the live parts are hidden. */
  get offline(): boolean {
    return !this.live && !this.reachable;
  }

  setLive(live: boolean): void {
    this.live = live;
    if (live) void this.refresh();
    else this.schedulePoll();
  }

  /** A socket event that may concern this ticket: refetch once for the whole burst. */
  onEvent(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), COALESCE_MS);
  }

  async refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      this.accept(await this.d.fetch(this.token));
      this.reachable = true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNKNOWN_TICKET') this.unknown = true;
      else this.reachable = false;
    } finally {
      this.inFlight = false;
      this.schedulePoll();
    }
    if (this.again) {
      this.again = false;
      await this.refresh();
    }
  }

  stop(): void {
    clearTimeout(this.pending);
    clearTimeout(this.poller);
  }

  private accept(next: TicketPublicStatus): void {
    const prev = this.data;
    this.data = next;
    this.unknown = false;
    const newCall =
      next.status === 'called' && (prev?.status !== 'called' || prev.calledAt !== next.calledAt);
    if (newCall) this.d.onCalled?.(next);
  }

  private schedulePoll(): void {
    clearTimeout(this.poller);
    if (this.unknown) return;
    this.poller = setTimeout(() => void this.refresh(), this.live ? POLL_MS.live : POLL_MS.offline);
  }
}
