import type { LoginBody, SessionView } from '../../../../core/contracts/api.js';
import { ApiError, type ConsoleApi, isSessionLost } from '../api/console-api.js';
import { type KeyValueStore, rememberCounter, rememberedCounter } from '../rules/counter-memory.js';

export type SessionPhase = 'loading' | 'loggedOut' | 'loggedIn';

/** Why the login screen is shown: a refusal of the last login, or how the last session ended. */
export interface SessionProblem {
  code: string;
  message: string;
}

export interface SessionHooks {
  onEnter(view: SessionView): void;
  onExit(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Login with username + PIN + counter, logout, and the session found again after a reload or restart. */
export class SessionState {
  phase = $state<SessionPhase>('loading');
  view = $state<SessionView | null>(null);
  pending = $state(false);
  loginError = $state<SessionProblem | null>(null);
  exitReason = $state<SessionProblem | null>(null);
  remembered = $state<number | null>(null);
  private stopped = false;

  constructor(
    private readonly api: ConsoleApi,
    private readonly store: KeyValueStore | null,
    private readonly hooks: SessionHooks,
    private readonly retryMs = 2000,
  ) {
    this.remembered = rememberedCounter(store);
  }

  /** GET /api/sessions/current until the server answers: a live session goes straight back to work. */
  async restore(): Promise<void> {
    this.phase = 'loading';
    while (!this.stopped) {
      try {
        this.enter(await this.api.currentSession());
        return;
      } catch (e) {
        if (e instanceof ApiError && (e.code === 'OFFLINE' || e.status >= 500)) {
          await sleep(this.retryMs);
          continue;
        }
        if (e instanceof ApiError && e.code === 'SESSION_EXPIRED')
          this.exitReason = { code: e.code, message: e.message };
        this.phase = 'loggedOut';
        return;
      }
    }
  }

  async login(username: string, pin: string, counter: number | null, takeover = false): Promise<boolean> {
    if (this.pending) return false;
    if (!username.trim() || !pin) {
      this.loginError = { code: 'MISSING_FIELDS', message: '' };
      return false;
    }
    const body: LoginBody = { username: username.trim(), pin };
    if (counter !== null) body.counter = counter;
    if (takeover) body.takeover = true;
    this.pending = true;
    this.loginError = null;
    try {
      const view = await this.api.login(body);
      if (counter !== null) {
        rememberCounter(this.store, counter);
        this.remembered = counter;
      }
      this.enter(view);
      return true;
    } catch (e) {
      this.loginError = problemOf(e);
      return false;
    } finally {
      this.pending = false;
    }
  }

  async logout(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // the session ends on the server anyway when it expires; the device forgets it now
    }
    this.exit({ code: 'LOGGED_OUT', message: '' });
  }

  /** The session is gone (expired, taken over, logged out elsewhere): back to the login screen. */
  expire(e: unknown): void {
    if (this.phase !== 'loggedIn') return;
    this.exit(problemOf(e));
  }

  /** Asks the server whether this session is still alive (after a takeover or a socket refusal). */
  async check(): Promise<boolean> {
    try {
      this.view = await this.api.currentSession();
      return true;
    } catch (e) {
      if (isSessionLost(e)) this.expire(e);
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private enter(view: SessionView): void {
    this.view = view;
    this.loginError = null;
    this.exitReason = null;
    this.phase = 'loggedIn';
    this.hooks.onEnter(view);
  }

  private exit(reason: SessionProblem): void {
    this.view = null;
    this.phase = 'loggedOut';
    this.exitReason = reason;
    this.hooks.onExit();
  }
}

function problemOf(e: unknown): SessionProblem {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
