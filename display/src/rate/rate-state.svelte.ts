import type { CurrentDevice } from '../../../core/contracts/pairing.js';
import type { RateResult, RatingSettings } from '../../../core/contracts/rating-api.js';

/** The few Socket.IO client features the page uses (the real socket, or a fake in tests). */
export interface RateSocket {
  on(event: string, listener: (payload: unknown) => void): unknown;
  disconnect(): unknown;
}

export interface RateDeps {
  counter: number;
  /** JSON over fetch; rejects with `{ code, message }` on a refusal (client/api.ts ApiError) */
  api: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  connect: () => RateSocket;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export type Phase = 'loading' | 'unpaired' | 'ready' | 'sending' | 'reason' | 'thanks';

export const THANKS_MS = 5_000;
export const REASON_MS = 20_000;

function errorOf(e: unknown): { code: string; message: string } {
  const x = e as { code?: unknown; message?: unknown };
  return { code: String(x?.code ?? 'OFFLINE'), message: String(x?.message ?? '') };
}

function counterOf(payload: unknown): number | null {
  const n = (payload as { counter?: unknown } | null)?.counter;
  return typeof n === 'number' ? n : null;
}

/**
 * The tablet rating page: pairing, the scale's big buttons, the prompt after a finished ticket,
 * the optional reason for a low rating, and the thanks screen. Always accepting: a press without a
 * prompt follows the same attribution rules on the server as a rating box.
 */
export class RateState {
  phase = $state<Phase>('loading');
  settings = $state<RatingSettings | null>(null);
  prompt = $state<{ label: string } | null>(null);
  online = $state(true);
  pairError = $state<string | null>(null);
  pairedElsewhere = $state(false);
  failed = $state<string | null>(null);
  private ratingId: number | null = null;
  private socket: RateSocket | null = null;
  private promptTimer: unknown = null;
  private phaseTimer: unknown = null;

  constructor(private readonly d: RateDeps) {}

  async start(): Promise<void> {
    try {
      const [me, settings] = await Promise.all([
        this.d.api<CurrentDevice>('GET', '/api/paired-devices/current'),
        this.d.api<RatingSettings>('GET', '/api/ratings/scale'),
      ]);
      this.settings = settings;
      this.applyDevice(me.device);
    } catch (e) {
      this.failed = errorOf(e).message;
      this.phase = 'unpaired';
    }
    this.listen();
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.d.clearTimer(this.promptTimer);
    this.d.clearTimer(this.phaseTimer);
  }

  async pair(code: string, name: string): Promise<void> {
    this.pairError = null;
    try {
      const r = await this.d.api<CurrentDevice>('POST', '/api/pair', { code: code.replace(/\D/g, ''), name });
      this.applyDevice(r.device);
    } catch (e) {
      this.pairError = errorOf(e).message;
    }
  }

  async rate(level: number): Promise<void> {
    if (this.phase !== 'ready') return;
    this.phase = 'sending';
    this.failed = null;
    try {
      const r = await this.d.api<RateResult>('POST', '/api/ratings', { counter: this.d.counter, level });
      this.clearPrompt();
      this.ratingId = r.id;
      if (r.askReason && r.id !== null && (this.settings?.reasons.length ?? 0) > 0)
        this.enter('reason', REASON_MS);
      else this.enter('thanks', THANKS_MS);
    } catch (e) {
      const err = errorOf(e);
      if (err.code === 'DEVICE_NOT_ALLOWED') {
        this.phase = 'unpaired';
        return;
      }
      this.failed = err.message;
      this.phase = 'ready';
    }
  }

  async reason(code: string | null): Promise<void> {
    if (this.phase !== 'reason') return;
    const id = this.ratingId;
    this.enter('thanks', THANKS_MS);
    if (code && id !== null) {
      await this.d.api('POST', `/api/ratings/${id}/reason`, { reason: code }).catch(() => undefined);
    }
  }

  private applyDevice(device: CurrentDevice['device']): void {
    const mine = device?.kind === 'tablet' && device.counter === this.d.counter;
    this.pairedElsewhere = device !== null && !mine;
    this.phase = mine ? 'ready' : 'unpaired';
  }

  /** reason → thanks → ready, each with its own time limit. */
  private enter(phase: 'reason' | 'thanks', ms: number): void {
    this.phase = phase;
    this.d.clearTimer(this.phaseTimer);
    this.phaseTimer = this.d.setTimer(() => {
      if (phase === 'reason') this.enter('thanks', THANKS_MS);
      else this.phase = 'ready';
    }, ms);
  }

  private listen(): void {
    try {
      this.socket = this.d.connect();
    } catch {
      return; // no live prompt; the buttons still work
    }
    this.socket.on('connect', () => (this.online = true));
    this.socket.on('disconnect', () => (this.online = false));
    this.socket.on('rating:requested', (p) => this.onRequested(p));
    this.socket.on('rating:received', (p) => {
      if (counterOf(p) === this.d.counter) this.clearPrompt();
    });
  }

  private onRequested(payload: unknown): void {
    if (counterOf(payload) !== this.d.counter) return;
    const label = (payload as { label?: unknown }).label;
    this.prompt = { label: typeof label === 'string' ? label.slice(0, 12) : '' };
    this.d.clearTimer(this.promptTimer);
    // the local clock may be off: the prompt lasts promptSeconds from now, not until the server's expiresAt
    this.promptTimer = this.d.setTimer(
      () => (this.prompt = null),
      (this.settings?.promptSeconds ?? 30) * 1000,
    );
  }

  private clearPrompt(): void {
    this.prompt = null;
    this.d.clearTimer(this.promptTimer);
  }
}
