/**
 * The announcement queue of a lobby or counter screen. Calls never cut each other off: each one plays
 * to the end and the next waits. A recall is queued again. Segments play when all are recorded; else the
 * call is spoken by the browser (vi-VN); else at least the chime sounds. Plain TypeScript, no Svelte.
 */
import { DEFAULT_VOICE_SETTINGS, type VoiceSettings } from '../../../../core/domain/announcement-settings.js';
import {
  type AnnouncementPlan,
  CHIME,
  DEFAULT_PHRASES,
  describeAnnouncement,
  missingSegments,
  type PhraseIndex,
  phraseIndex,
} from '../../../../core/domain/announcement.js';
import { AutoplayBlockedError, type SegmentPlayer, type Speaker } from './types.js';

export interface CallToAnnounce {
  label: string;
  counter: string | number;
}

/** The call as given (e.g. a `Call` from `ticket:called`, with its ticketId) plus its place in line. */
export type QueuedAnnouncement<C extends CallToAnnounce = CallToAnnounce> = C & {
  /** Increasing number, unique per announcer. */
  seq: number;
};

/** `needs-gesture`: the browser blocks audio; show "Bấm để bật âm thanh" and call `unlock()` on a click. */
export type AnnouncerState = 'idle' | 'playing' | 'needs-gesture';

/** `played`: recorded segments; `spoken`: speech synthesis; `chime`: only the chime could sound. */
export type AnnouncementOutcome = 'played' | 'spoken' | 'chime' | 'silent' | 'disabled';

export interface AnnouncerOptions<C extends CallToAnnounce = CallToAnnounce> {
  player: SegmentPlayer;
  speaker?: Speaker;
  settings?: VoiceSettings;
  /** Waiting calls kept (the playing one is not counted). Default 10. */
  maxQueue?: number;
  onState?: (state: AnnouncerState) => void;
  /** A call starts sounding: highlight it, show `plan.caption`. */
  onStart?: (call: QueuedAnnouncement<C>, plan: AnnouncementPlan) => void;
  onEnd?: (call: QueuedAnnouncement<C>, outcome: AnnouncementOutcome) => void;
  /** A waiting call was dropped because the queue was full. */
  onDrop?: (call: QueuedAnnouncement<C>) => void;
}

async function attempt(run: () => Promise<void>): Promise<'ok' | 'blocked' | 'failed'> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    return e instanceof AutoplayBlockedError ? 'blocked' : 'failed';
  }
}

const sameLabel = (a: CallToAnnounce, b: CallToAnnounce) =>
  a.label.trim().toUpperCase() === b.label.trim().toUpperCase();

export class Announcer<C extends CallToAnnounce = CallToAnnounce> {
  #waiting: QueuedAnnouncement<C>[] = [];
  #current: QueuedAnnouncement<C> | undefined;
  #state: AnnouncerState = 'idle';
  #settings: VoiceSettings;
  #seq = 0;
  #pumping = false;
  #disposed = false;
  #idleWaiters: (() => void)[] = [];
  #phrases: { source: object; index: PhraseIndex } | undefined;

  constructor(private readonly opts: AnnouncerOptions<C>) {
    this.#settings = opts.settings ?? DEFAULT_VOICE_SETTINGS;
  }

  get state(): AnnouncerState {
    return this.#state;
  }
  get current(): QueuedAnnouncement<C> | undefined {
    return this.#current;
  }
  get waiting(): readonly QueuedAnnouncement<C>[] {
    return [...this.#waiting];
  }

  setSettings(settings: VoiceSettings): void {
    this.#settings = settings;
  }

  /** Queues a call (a recall of the same number is queued again). */
  announce(call: C): QueuedAnnouncement<C> {
    const queued: QueuedAnnouncement<C> = { ...call, seq: ++this.#seq };
    this.#waiting.push(queued);
    this.#trim();
    void this.#pump();
    return queued;
  }

  /** Call from a user gesture (click, key) when the state is `needs-gesture`. */
  async unlock(): Promise<boolean> {
    const ok = await this.opts.player.unlock();
    if (ok && this.#state === 'needs-gesture') {
      this.#setState('idle');
      void this.#pump();
    }
    return ok;
  }

  /** Checks at start-up whether audio may play; if not, the state becomes `needs-gesture` at once. */
  async probe(): Promise<AnnouncerState> {
    if (!(await this.opts.player.canAutoplay()) && this.#state === 'idle') this.#setState('needs-gesture');
    return this.#state;
  }

  /** Resolves once nothing plays and nothing waits (or audio is blocked). */
  whenIdle(): Promise<void> {
    if (!this.#pumping) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  dispose(): void {
    this.#disposed = true;
    this.#waiting = [];
    this.opts.player.stop();
    this.opts.speaker?.stop();
  }

  /** Over the limit: drop the oldest waiting call that is queued again later, else the oldest one. */
  #trim(): void {
    const max = Math.max(1, this.opts.maxQueue ?? 10);
    while (this.#waiting.length > max) {
      const dup = this.#waiting.findIndex((a, i) => this.#waiting.slice(i + 1).some((b) => sameLabel(a, b)));
      const [dropped] = this.#waiting.splice(Math.max(0, dup), 1);
      if (dropped) this.opts.onDrop?.(dropped);
    }
  }

  #setState(state: AnnouncerState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.opts.onState?.(state);
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#disposed && this.#state !== 'needs-gesture') {
        const call = this.#waiting.shift();
        if (!call) break;
        this.#current = call;
        this.#setState('playing');
        const outcome = await this.#playOne(call);
        this.#current = undefined;
        if (outcome === 'blocked') {
          this.#waiting.unshift(call);
          this.#setState('needs-gesture');
        } else {
          this.#safely(() => this.opts.onEnd?.(call, outcome));
        }
      }
    } finally {
      this.#pumping = false;
      if (this.#state === 'playing') this.#setState('idle');
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }

  #phraseIndex(): PhraseIndex {
    const source = this.opts.player.phrases;
    if (Object.keys(source).length === 0) return DEFAULT_PHRASES;
    if (this.#phrases?.source !== source) this.#phrases = { source, index: phraseIndex(source) };
    return this.#phrases.index;
  }

  async #playOne(call: QueuedAnnouncement<C>): Promise<AnnouncementOutcome | 'blocked'> {
    const settings = this.#settings;
    if (!settings.enabled) return 'disabled';
    await this.opts.player.load().catch(() => undefined);
    const { label, counter } = call;
    const plan = describeAnnouncement({ ...settings, label, counter, phrases: this.#phraseIndex() });
    this.#safely(() => this.opts.onStart?.(call, plan));
    const { player, speaker } = this.opts;
    if (missingSegments(plan.segments, player.available).length === 0) {
      const r = await attempt(() => player.play(plan.segments));
      if (r !== 'failed') return r === 'ok' ? 'played' : r;
    }
    let chimed = false;
    if (settings.chime && player.available.has(CHIME)) {
      const r = await attempt(() => player.play([CHIME]));
      if (r === 'blocked') return r;
      chimed = r === 'ok';
    }
    if (speaker?.supported) {
      const r = await attempt(() => speaker.speak(plan.speech));
      if (r !== 'failed') return r === 'ok' ? 'spoken' : r;
    }
    return chimed ? 'chime' : 'silent';
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch {
      // A failing listener (UI) must not stop the queue.
    }
  }
}
