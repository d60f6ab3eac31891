import type { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../core/domain/errors.js';
import { spawnWorker } from '../workers/spawn-worker.js';
import type { WorkerData, WorkerOp, WorkerReply } from './worker-protocol.js';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ReportWorkerOptions extends WorkerData {
  /** a request not answered by then fails and the worker is restarted (default 120 s) */
  timeoutMs?: number;
  log?: { error: (obj: unknown, msg: string) => void };
}

function spawn(data: WorkerData): Worker {
  return spawnWorker(import.meta.url, 'report-worker', data);
}

/**
 * The main thread's handle on the report worker: created on first use, reused for every request,
 * restarted after a crash or a timeout, terminated by `close()` (the app's onClose hook).
 */
export class ReportWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** how many workers were started (tests check reuse) */
  starts = 0;

  constructor(private readonly opts: ReportWorkerOptions) {}

  get running(): boolean {
    return this.worker !== null;
  }

  run<T>(op: WorkerOp): Promise<T> {
    const w = this.ensure();
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error(`report worker did not answer ${op.op} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ ...op, id });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.rejectAll(new Error('report worker closed'));
    if (w) await w.terminate();
  }

  private get timeoutMs(): number {
    return this.opts.timeoutMs ?? 120_000;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = spawn({ dbPath: this.opts.dbPath, zone: this.opts.zone });
    this.starts++;
    w.unref();
    w.on('message', (m: WorkerReply) => this.answer(m));
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (this.worker === w) this.fail(new Error(`report worker exited with code ${code}`));
    });
    this.worker = w;
    return w;
  }

  private answer(m: WorkerReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.ok) p.resolve(m.result);
    else if (m.error.code) p.reject(new DomainError(m.error.code as ErrorCode, m.error.details ?? {}));
    else p.reject(new Error(m.error.message));
  }

  /** A crash or a hung request: every waiting request fails, the next one starts a fresh worker. */
  private fail(e: Error): void {
    this.opts.log?.error({ err: e }, 'report worker failed');
    const w = this.worker;
    this.worker = null;
    this.rejectAll(e);
    if (w) void w.terminate();
  }

  private rejectAll(e: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }
}
