import type { Db } from './open.js';

type Op<T> = { fn: (db: Db) => T; resolve: (v: T) => void; reject: (e: unknown) => void };

/**
 * Group commit: every write is a function run inside one SQLite transaction per event-loop turn.
 * Each op runs in its own savepoint, so one refused op (a domain error) rolls back alone; the batch
 * commits once with synchronous=FULL and only then are the callers resolved. Nothing is acknowledged
 * before it is durable.
 */
export class WriteQueue {
  private pending: Op<unknown>[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  run<T>(fn: (db: Db) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject } as Op<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          for (const op of batch) {
            try {
              outcomes.push({ ok: true, value: this.db.transaction(op.fn)(this.db) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    batch.forEach((op, i) => {
      const o = outcomes[i]!;
      if (o.ok) op.resolve(o.value);
      else op.reject(o.error);
    });
  }
}
