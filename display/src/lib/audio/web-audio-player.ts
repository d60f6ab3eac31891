/**
 * Plays voice segments with the Web Audio API: every segment is fetched and decoded once, then a call is
 * scheduled as buffers back to back on the audio clock, so joins are gapless.
 */
import { DEFAULT_VOICE_BASE, eachLimited, type LoadedManifest, loadManifest } from './manifest.js';
import { AutoplayBlockedError, type SegmentPlayer } from './types.js';

export interface WebAudioPlayerOptions {
  /** Where segments are served; default `/voice/vi/` (an admin override can live at another base). */
  base?: string;
  fetch?: typeof fetch;
  /** Creates the AudioContext lazily; default `new AudioContext()`. */
  createContext?: () => AudioContext;
  /** How long to wait for `resume()` before reporting that autoplay is blocked. Default 800 ms. */
  resumeTimeoutMs?: number;
  /** Parallel downloads while preloading. Default 4. */
  concurrency?: number;
}

/** Lead time before the first buffer, so scheduling never starts in the past. */
const LEAD_SECONDS = 0.05;
/** Extra time after the scheduled end before the watchdog gives up waiting for `ended`. */
const WATCHDOG_SLACK_MS = 1500;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WebAudioPlayer implements SegmentPlayer {
  readonly #buffers = new Map<string, AudioBuffer>();
  #available: ReadonlySet<string> = new Set();
  #phrases: Readonly<Record<string, string>> = {};
  #loading: Promise<void> | undefined;
  #ctx: AudioContext | undefined;
  #sources: AudioBufferSourceNode[] = [];
  /** Segments that failed to download or decode, id → reason (for the device status page). */
  readonly failures = new Map<string, string>();

  constructor(private readonly opts: WebAudioPlayerOptions = {}) {}

  get available(): ReadonlySet<string> {
    return this.#available;
  }
  get phrases(): Readonly<Record<string, string>> {
    return this.#phrases;
  }

  /** Seconds the given segments last when played back to back (0 for segments not loaded). */
  duration(ids: readonly string[]): number {
    return ids.reduce((sum, id) => sum + (this.#buffers.get(id)?.duration ?? 0), 0);
  }

  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    const fetchFn = this.opts.fetch ?? globalThis.fetch.bind(globalThis);
    const manifest = await loadManifest(this.opts.base ?? DEFAULT_VOICE_BASE, fetchFn);
    const ids = Object.keys(manifest.segments);
    await eachLimited(ids, this.opts.concurrency ?? 4, (id) => this.#decode(id, manifest, fetchFn));
    this.#phrases = manifest.phrases;
    this.#available = new Set(this.#buffers.keys());
  }

  async #decode(id: string, manifest: LoadedManifest, fetchFn: typeof fetch): Promise<void> {
    try {
      const res = await fetchFn(manifest.urlOf(id) ?? '');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.#buffers.set(id, await this.#context().decodeAudioData(await res.arrayBuffer()));
    } catch (e) {
      this.failures.set(id, e instanceof Error ? e.message : String(e));
    }
  }

  #context(): AudioContext {
    this.#ctx ??= this.opts.createContext?.() ?? new AudioContext();
    return this.#ctx;
  }

  async canAutoplay(): Promise<boolean> {
    const ctx = this.#context();
    if (ctx.state === 'running') return true;
    // Chrome leaves resume() pending (not rejected) while autoplay is blocked: bound the wait.
    await Promise.race([ctx.resume().catch(() => undefined), wait(this.opts.resumeTimeoutMs ?? 800)]);
    return (ctx.state as AudioContextState) === 'running';
  }

  unlock(): Promise<boolean> {
    return this.canAutoplay();
  }

  async play(ids: readonly string[]): Promise<void> {
    const buffers = ids.map((id) => {
      const b = this.#buffers.get(id);
      if (!b) throw new Error(`voice segment not loaded: ${id}`);
      return b;
    });
    if (buffers.length === 0) return;
    if (!(await this.canAutoplay())) throw new AutoplayBlockedError();
    const ctx = this.#context();
    let at = ctx.currentTime + LEAD_SECONDS;
    this.#sources = buffers.map((buffer) => {
      const src = ctx.createBufferSource();
      src.buffer = buffer;
      src.connect(ctx.destination);
      src.start(at);
      at += buffer.duration;
      return src;
    });
    const last = this.#sources[this.#sources.length - 1];
    const watchdogMs = (at - ctx.currentTime) * 1000 + WATCHDOG_SLACK_MS;
    await new Promise<void>((resolve) => {
      // `ended` never fires if the context is suspended mid-call (output unplugged): the watchdog moves on.
      const timer = setTimeout(resolve, watchdogMs);
      last?.addEventListener('ended', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.#sources = [];
  }

  stop(): void {
    for (const src of this.#sources.splice(0)) {
      try {
        src.stop();
      } catch {
        // already stopped
      }
    }
  }
}
