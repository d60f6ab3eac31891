import type { SessionView } from '../../../../core/contracts/api.js';
import type { CounterState } from '../../../../core/contracts/queue.js';
import type { ApiError, ConsoleApi } from '../api/console-api.js';
import type { KeyValueStore } from '../rules/counter-memory.js';
import { ServerClock } from './clock.svelte.js';
import { DeskState } from './desk.svelte.js';
import { LangState } from './lang.svelte.js';
import { type LiveSocket, LiveState } from './live.svelte.js';
import { NoticeState } from './notices.svelte.js';
import { SessionState } from './session.svelte.js';
import { SiteState } from './site.svelte.js';

export interface ConsoleAppOptions {
  api: ConsoleApi;
  openSocket: () => LiveSocket;
  store: KeyValueStore | null;
  retryMs?: number;
  refreshDelayMs?: number;
}

/**
 * The console as a whole: language, status line, server clock, site, session, and — once logged in —
 * the live socket and (with a counter) the desk. Components only read it and call its methods.
 */
export class ConsoleApp {
  readonly lang: LangState;
  readonly notices = new NoticeState();
  readonly clock = new ServerClock();
  readonly site: SiteState;
  readonly session: SessionState;
  readonly live: LiveState;
  desk = $state<DeskState | null>(null);

  constructor(private readonly o: ConsoleAppOptions) {
    this.lang = new LangState(o.store);
    this.site = new SiteState(o.api);
    this.session = new SessionState(
      o.api,
      o.store,
      { onEnter: (v) => this.enter(v), onExit: () => this.exit() },
      o.retryMs,
    );
    this.live = new LiveState(o.openSocket, {
      onResync: (again) => this.resync(again),
      onChange: () => this.desk?.scheduleRefresh(),
      onSnapshot: (s) => this.site.applySnapshot(s),
      onWaiting: (w) => this.site.applyWaiting(w),
      onCounter: (c) => this.counterChanged(c),
      onRefused: () => void this.recheck(),
    });
  }

  async start(): Promise<void> {
    this.clock.start();
    await Promise.all([this.session.restore(), this.site.load()]);
  }

  stop(): void {
    this.session.stop();
    this.live.stop();
    this.desk?.dispose();
    this.clock.stop();
  }

  private enter(view: SessionView): void {
    this.desk?.dispose();
    this.desk =
      view.counter === null
        ? null
        : new DeskState(view.counter, {
            api: this.o.api,
            notices: this.notices,
            clock: this.clock,
            t: () => this.lang.t,
            onSessionLost: (e) => this.sessionLost(e),
            ...(this.o.refreshDelayMs !== undefined ? { refreshDelayMs: this.o.refreshDelayMs } : {}),
          });
    void this.desk?.refresh();
    void this.site.load();
    this.live.start();
  }

  private exit(): void {
    this.live.stop();
    this.desk?.dispose();
    this.desk = null;
    this.notices.clear();
    void this.site.load();
  }

  private sessionLost(e: ApiError): void {
    this.session.expire(e);
  }

  private resync(reconnected: boolean): void {
    void this.desk?.refresh();
    if (reconnected) this.notices.info(this.lang.t.done.reconnected);
  }

  /** Someone else now holds my counter (an admin took it over): is my session still alive? */
  private counterChanged(c: CounterState): void {
    this.site.applyCounter(c);
    const view = this.session.view;
    if (!view || c.number !== view.counter) return;
    if (c.official?.id !== view.official.id) void this.session.check();
    else this.desk?.scheduleRefresh();
  }

  private async recheck(): Promise<void> {
    if (await this.session.check()) this.live.retry();
  }
}
