/** Named one-shot and repeating timers that are all cleared together when a screen stops. */
export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const browserTimers: TimerApi = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

export class Timers {
  readonly #ids = new Map<string, unknown>();
  #closed = false;

  constructor(private readonly api: TimerApi = browserTimers) {}

  /** (Re)arms the timer `name`: a previous one of that name is cancelled first. */
  once(name: string, ms: number, fn: () => void): void {
    this.cancel(name);
    if (this.#closed) return; // late async work after stop() arms nothing
    const id = this.api.setTimeout(
      () => {
        this.#ids.delete(name);
        fn();
      },
      Math.max(0, Math.min(ms, 2_147_483_000)),
    );
    this.#ids.set(name, id);
  }

  /** Runs `fn` every `ms` until cancelled. */
  every(name: string, ms: number, fn: () => void): void {
    this.once(name, ms, () => {
      this.every(name, ms, fn);
      fn();
    });
  }

  cancel(name: string): void {
    const id = this.#ids.get(name);
    if (id !== undefined) this.api.clearTimeout(id);
    this.#ids.delete(name);
  }

  has(name: string): boolean {
    return this.#ids.has(name);
  }

  get size(): number {
    return this.#ids.size;
  }

  /** Cancels every timer; later `once`/`every` calls do nothing (the screen has stopped). */
  clear(): void {
    this.#closed = true;
    for (const id of this.#ids.values()) this.api.clearTimeout(id);
    this.#ids.clear();
  }
}
