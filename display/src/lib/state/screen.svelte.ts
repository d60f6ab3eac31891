/**
 * One lobby or counter screen: socket facts → pure reducers → reactive state, plus the voice queue
 * and every timer (highlight, rating, clock, settings refresh, offline watchdog), all cleared by stop().
 */
import {
  DEFAULT_DISPLAY_SETTINGS,
  type DisplaySettings,
} from '../../../../core/contracts/display-defaults.js';
import type { Call, CounterState, QueueSnapshot, WaitingCounts } from '../../../../core/contracts/queue.js';
import type { VoiceSettings } from '../../../../core/domain/announcement-settings.js';
import { msToNextMinute } from '../format/vn-time.js';
import type { AnnouncerEvents, CallAnnouncer } from '../voice/call-announcer.js';
import {
  type CounterFilter,
  EMPTY_MODEL,
  type ModelOptions,
  needsReload,
  onCalled,
  onCounterChanged,
  onHighlight,
  onSnapshot,
  onTick,
  onWaiting,
  type QueueModel,
} from './queue-model.js';
import { IDLE, onRatingReceived, onRatingRequested, onRatingTick, type RatingPhase } from './rating-model.js';
import { EVENTS, type ScreenSocket, SERVER_CLOSED } from './screen-socket.js';
import { type TimerApi, Timers } from './timers.js';

export interface ScreenOptions {
  filter: CounterFilter;
  /** counter screens: the counter whose rating prompt is shown */
  ratingCounter?: number | null;
  connect: () => ScreenSocket;
  fetchSettings: () => Promise<DisplaySettings>;
  /** the centre's voice settings for the announcer (only fetched when the screen speaks) */
  fetchVoice?: () => Promise<VoiceSettings>;
  /** builds the voice queue; it reports whether the browser blocks audio until a tap */
  announcer?: ((events: AnnouncerEvents) => CallAnnouncer) | null;
  /** reloads the page (new app version, or a stuck connection while the server answers) */
  reload?: () => void;
  /** true when the server answers HTTP (used before a watchdog reload) */
  serverAlive?: () => Promise<boolean>;
  now?: () => number;
  timers?: TimerApi;
}

/** Delay before reconnecting after the server closed the socket itself. */
export const RECONNECT_MS = 1_000;
export const SETTINGS_REFRESH_MS = 5 * 60_000;
/** Offline this long while HTTP works → reload (a wedged socket must not keep a screen stale). */
export const WATCHDOG_MS = 3 * 60_000;
/** A version reload waits at most this long for the announcement playing to end. */
export const RELOAD_WAIT_MS = 30_000;

export class ScreenState {
  model = $state.raw<QueueModel>(EMPTY_MODEL);
  settings = $state.raw<DisplaySettings>(DEFAULT_DISPLAY_SETTINGS);
  online = $state(false);
  rating = $state.raw<RatingPhase>(IDLE);
  /** server-corrected time, refreshed every minute (for the clock and date) */
  clock = $state(0);
  /** the browser blocks audio until someone taps the screen ("Bấm để bật âm thanh") */
  soundBlocked = $state(false);

  readonly #o: ScreenOptions;
  readonly #timers: Timers;
  readonly #now: () => number;
  #socket: ScreenSocket | null = null;
  #reloading = false;
  /** the newest call waiting for the voice before it is highlighted */
  #held: Call | null = null;
  readonly #announcer: CallAnnouncer | null;

  constructor(o: ScreenOptions) {
    this.#o = o;
    this.#now = o.now ?? (() => Date.now());
    this.#timers = new Timers(o.timers);
    this.clock = this.#now();
    this.#announcer =
      o.announcer?.({
        onState: ({ blocked, quiet }) => this.#voiceState(blocked, quiet),
        onStart: (call) => this.#highlight(call),
      }) ?? null;
  }

  /** From a click or key press anywhere on the screen. */
  async unlockSound(): Promise<void> {
    await this.#announcer?.unlock().catch(() => undefined);
  }

  get #opts(): ModelOptions {
    return { filter: this.#o.filter, highlightMs: this.settings.highlightSeconds * 1000 };
  }

  start(): void {
    if (this.#socket) return;
    const s = this.#o.connect();
    this.#socket = s;
    s.on('connect', () => this.#setOnline(true));
    s.on('disconnect', (reason) => {
      this.#setOnline(false);
      // A server restart closes sockets on purpose, and Socket.IO then waits for us to reconnect.
      if (reason === SERVER_CLOSED)
        this.#timers.once('reconnect', RECONNECT_MS, () => this.#socket?.connect());
    });
    s.on(EVENTS.snapshot, (p) => this.#snapshot(p as QueueSnapshot));
    s.on(EVENTS.called, (p) => this.#called(p as Call, true));
    s.on(EVENTS.waiting, (p) => this.#set(onWaiting(this.model, p as WaitingCounts)));
    s.on(EVENTS.counterChanged, (p) =>
      this.#set(onCounterChanged(this.model, p as CounterState, this.#opts)),
    );
    const counter = this.#o.ratingCounter;
    if (counter) {
      s.on(EVENTS.ratingRequested, (p) =>
        this.#rate(onRatingRequested(counter, p, this.#now(), this.#idleMs(), this.model.clockOffsetMs)),
      );
      s.on(EVENTS.ratingReceived, (p) =>
        this.#rate(onRatingReceived(counter, p, this.#now(), this.#idleMs())),
      );
    }
    this.#setOnline(s.connected);
    void this.#loadSettings();
    this.#timers.every('settings', SETTINGS_REFRESH_MS, () => void this.#loadSettings());
    this.#tickClock();
    void this.#announcer?.probe().catch(() => undefined);
  }

  stop(): void {
    this.#timers.clear();
    this.#socket?.disconnect();
    this.#socket = null;
    this.#announcer?.dispose();
  }

  /** Timers currently armed (tests check that nothing leaks). */
  get armedTimers(): number {
    return this.#timers.size;
  }

  #idleMs(): number {
    return this.settings.ratingIdleSeconds * 1000;
  }

  #set(m: QueueModel): void {
    if (m === this.model) return;
    this.model = m;
    const h = m.highlight;
    if (h)
      this.#timers.once('highlight', h.until - this.#now(), () => this.#set(onTick(this.model, this.#now())));
    else this.#timers.cancel('highlight');
  }

  /**
   * While the voice speaks an earlier call, a new call is listed at once but highlighted only when its
   * own announcement starts, so what people see matches what they hear.
   */
  #called(call: Call, announce: boolean): void {
    const wait = announce && this.#announcer?.busy === true;
    const next = onCalled(this.model, call, this.#now(), this.#opts, !wait);
    if (next === this.model) return;
    this.#set(next);
    if (wait) this.#held = call;
    if (announce) this.#announcer?.enqueue(call);
  }

  #highlight(call: Call): void {
    if (this.#held?.ticketId === call.ticketId && this.#held.calledAt === call.calledAt) this.#held = null;
    this.#set(onHighlight(this.model, call, this.#now(), this.#opts));
  }

  /** Nothing sounding (finished, dropped, or audio blocked) never holds a highlight back. */
  #voiceState(blocked: boolean, quiet: boolean): void {
    this.soundBlocked = blocked;
    if (quiet && this.#held) this.#highlight(this.#held);
  }

  #snapshot(s: QueueSnapshot): void {
    if (needsReload(this.model.version, s.version)) this.#reloadWhenQuiet();
    const { model, missed } = onSnapshot(this.model, s, this.#now(), this.#opts);
    this.#set(model);
    for (const c of missed) this.#called(c, true);
    this.#tickClock();
    void this.#loadSettings();
  }

  #rate(phase: RatingPhase | null): void {
    if (!phase) return;
    this.rating = phase;
    if (phase.kind === 'idle') return;
    this.#timers.once('rating', phase.until - this.#now(), () => {
      this.rating = onRatingTick(this.rating, this.#now());
    });
  }

  #setOnline(online: boolean): void {
    this.online = online;
    if (online) {
      this.#timers.cancel('watchdog');
      this.#timers.cancel('reconnect');
    }
    if (!online && !this.#timers.has('watchdog'))
      this.#timers.once('watchdog', WATCHDOG_MS, () => void this.#watchdog());
  }

  async #watchdog(): Promise<void> {
    if (this.online) return;
    const alive = await (this.#o.serverAlive?.() ?? Promise.resolve(false)).catch(() => false);
    if (alive && !this.online) this.#reloadWhenQuiet();
    else if (!this.online) this.#timers.once('watchdog', WATCHDOG_MS, () => void this.#watchdog());
  }

  #reloadWhenQuiet(): void {
    if (this.#reloading) return;
    this.#reloading = true;
    let done = false;
    const reload = () => {
      if (done) return;
      done = true;
      this.#timers.cancel('reload');
      this.#o.reload?.();
    };
    this.#timers.once('reload', RELOAD_WAIT_MS, reload);
    void (this.#announcer?.whenIdle() ?? Promise.resolve()).then(reload, reload);
  }

  #tickClock(): void {
    this.clock = this.#now() + this.model.clockOffsetMs;
    this.#timers.once('clock', msToNextMinute(this.clock) + 50, () => this.#tickClock());
  }

  async #loadSettings(): Promise<void> {
    try {
      const next = await this.#o.fetchSettings();
      if (JSON.stringify(next) !== JSON.stringify(this.settings)) this.settings = next;
    } catch {
      // Keep the last settings (defaults at first); the next snapshot or refresh tries again.
    }
    if (!this.#announcer || !this.#o.fetchVoice) return;
    try {
      this.#announcer.setSettings(await this.#o.fetchVoice());
    } catch {
      // The announcer keeps its current (default) voice settings.
    }
  }
}
