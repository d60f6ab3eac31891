import type { Logger } from '../logger.js';

/**
 * A list of callbacks where one failing consumer cannot stop the others or crash the process:
 * throws and rejected promises are logged, never propagated.
 */
export class Listeners<T> {
  private readonly list = new Set<(value: T) => void | Promise<void>>();

  constructor(
    private readonly logger: Logger,
    private readonly name: string,
  ) {}

  /** Adds a listener; returns its unsubscribe function. */
  add(cb: (value: T) => void | Promise<void>): () => void {
    this.list.add(cb);
    return () => this.list.delete(cb);
  }

  emit(value: T): void {
    for (const cb of [...this.list]) {
      try {
        const result = cb(value);
        if (result instanceof Promise) result.catch((err: unknown) => this.fail(err));
      } catch (err) {
        this.fail(err);
      }
    }
  }

  clear(): void {
    this.list.clear();
  }

  private fail(err: unknown): void {
    this.logger.error(
      { err: err instanceof Error ? err.message : String(err) },
      `${this.name} listener failed`,
    );
  }
}

/** Timer functions, injectable so tests can drive polling and backoff by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real timers, unref'd: background polling and retries never keep the process alive. */
export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
