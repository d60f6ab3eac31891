/**
 * Fallback player for browsers without Web Audio: one preloaded <audio> element per segment, played one
 * after another (small gaps between segments are possible).
 */
import { DEFAULT_VOICE_BASE, loadManifest } from './manifest.js';
import { AutoplayBlockedError, type SegmentPlayer } from './types.js';

export interface HtmlAudioPlayerOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Default `new Audio(url)`. */
  createAudio?: (url: string) => HTMLAudioElement;
}

const SLACK_MS = 2000;

export class HtmlAudioPlayer implements SegmentPlayer {
  readonly #elements = new Map<string, { el: HTMLAudioElement; durationMs: number }>();
  #available: ReadonlySet<string> = new Set();
  #phrases: Readonly<Record<string, string>> = {};
  #loading: Promise<void> | undefined;
  #playing: HTMLAudioElement | undefined;
  #unlocked = false;

  constructor(private readonly opts: HtmlAudioPlayerOptions = {}) {}

  get available(): ReadonlySet<string> {
    return this.#available;
  }
  get phrases(): Readonly<Record<string, string>> {
    return this.#phrases;
  }

  load(): Promise<void> {
    this.#loading ??= (async () => {
      const fetchFn = this.opts.fetch ?? globalThis.fetch.bind(globalThis);
      const manifest = await loadManifest(this.opts.base ?? DEFAULT_VOICE_BASE, fetchFn);
      const create = this.opts.createAudio ?? ((url: string) => new Audio(url));
      for (const [id, seg] of Object.entries(manifest.segments)) {
        const url = manifest.urlOf(id);
        if (!url) continue;
        const el = create(url);
        el.preload = 'auto';
        this.#elements.set(id, { el, durationMs: seg.durationMs });
      }
      this.#phrases = manifest.phrases;
      this.#available = new Set(this.#elements.keys());
    })();
    return this.#loading;
  }

  /** Plays the shortest segment (a silent pause) unmuted: allowed only when audio may autoplay. */
  async canAutoplay(): Promise<boolean> {
    if (this.#unlocked) return true;
    const first = [...this.#elements.values()].sort((a, b) => a.durationMs - b.durationMs)[0];
    if (!first) return false;
    try {
      await first.el.play();
      first.el.pause();
      this.#unlocked = true;
    } catch {
      // NotAllowedError: a gesture is needed
    }
    return this.#unlocked;
  }

  /** Called inside a click or key handler, where play() is allowed. */
  unlock(): Promise<boolean> {
    return this.canAutoplay();
  }

  async play(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const entry = this.#elements.get(id);
      if (!entry) throw new Error(`voice segment not loaded: ${id}`);
      await this.#playOne(entry.el, entry.durationMs);
    }
  }

  async #playOne(el: HTMLAudioElement, durationMs: number): Promise<void> {
    el.currentTime = 0;
    this.#playing = el;
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(done, durationMs + SLACK_MS);
      function done() {
        clearTimeout(timer);
        el.removeEventListener('ended', done);
        el.removeEventListener('error', done);
        resolve();
      }
      el.addEventListener('ended', done);
      el.addEventListener('error', done);
    });
    try {
      await el.play();
    } catch (e) {
      if ((e as { name?: unknown } | null)?.name === 'NotAllowedError') throw new AutoplayBlockedError();
      throw e;
    }
    this.#unlocked = true;
    await ended;
    this.#playing = undefined;
  }

  stop(): void {
    this.#playing?.pause();
    this.#playing = undefined;
  }
}
