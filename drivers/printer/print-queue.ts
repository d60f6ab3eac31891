import type { PrinterState } from '../../core/contracts/devices.js';
import type { PrintFailReason, PrintOutcome } from '../../core/contracts/printing.js';
import { type Clock, systemClock } from '../../core/domain/clock.js';
import { encodeTicketJob } from './escpos.js';
import { Listeners, realTimers, type Timers } from './listeners.js';
import type { MonoBitmap } from './mono-bitmap.js';
import {
  failed,
  type Job,
  type PrinterOptions,
  type PrinterStatusEvent,
  type PrintJobEvent,
  settle,
} from './print-types.js';
import { PrinterIoError } from './transport.js';

export type { PrinterOptions, PrinterStatusEvent, PrintJobEvent } from './print-types.js';

const FAULTS: ReadonlySet<PrinterState> = new Set(['paperOut', 'coverOpen', 'offline']);

/**
 * Owns one printer: a FIFO job queue, retries with backoff, and status polling. print() answers
 * within `outcomeTimeoutMs` whatever the printer does; faults become states and job events, never
 * exceptions. Jobs are encoded when queued, with the settings of this Printer (re-create the
 * Printer when settings change).
 */
export class Printer {
  private readonly queue: Job[] = [];
  private readonly statusListeners: Listeners<PrinterStatusEvent>;
  private readonly jobListeners: Listeners<PrintJobEvent>;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private currentState: PrinterState = 'unknown';
  private stateSince: number;
  private lastError: string | undefined;
  private busy = false;
  private closed = false;
  private wakeTimer: unknown;
  private pollTimer: unknown;
  private readonly o: Required<Omit<PrinterOptions, 'clock' | 'timers'>>;

  constructor(options: PrinterOptions) {
    this.o = {
      sendTimeoutMs: 4000,
      statusTimeoutMs: 500,
      outcomeTimeoutMs: 5000,
      pollIntervalMs: 5000,
      retryDelaysMs: [2000, 5000, 15_000, 30_000, 60_000],
      maxJobAgeMs: 10 * 60_000,
      ...options,
    };
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? realTimers;
    this.stateSince = this.clock.now();
    this.statusListeners = new Listeners(options.logger, 'printer status');
    this.jobListeners = new Listeners(options.logger, 'print job');
    if (this.enabled) this.schedulePoll(0);
  }

  get enabled(): boolean {
    return this.o.transport.kind !== 'none';
  }

  get state(): PrinterState {
    return this.currentState;
  }

  /** For health and `device:status`. */
  get snapshot(): { state: PrinterState; since: string; lastError?: string; queued: number; target: string } {
    return {
      state: this.currentState,
      since: new Date(this.stateSince).toISOString(),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      queued: this.queue.length,
      target: this.o.transport.description,
    };
  }

  onStatus(cb: (e: PrinterStatusEvent) => void | Promise<void>): () => void {
    return this.statusListeners.add(cb);
  }

  onJob(cb: (e: PrintJobEvent) => void | Promise<void>): () => void {
    return this.jobListeners.add(cb);
  }

  /** Jobs waiting or retrying. */
  pending(): Array<{ jobId: string; attempts: number; nextAttemptAt: string }> {
    return this.queue.map((j) => ({
      jobId: j.id,
      attempts: j.attempts,
      nextAttemptAt: new Date(j.notBefore).toISOString(),
    }));
  }

  /**
   * Queues a ticket image and resolves with the first attempt's outcome (or a `timeout` failure
   * after outcomeTimeoutMs, the job still queued). The same jobId again (a reprint) replaces the
   * queued job. With settings.nativeQr, pass the QR data: the printer prints it after the image.
   */
  print(jobId: string, bitmap: MonoBitmap, options: { qrData?: string } = {}): Promise<PrintOutcome> {
    if (!this.enabled) return Promise.resolve({ status: 'disabled' });
    if (this.closed) return Promise.resolve(failed('closed', false, 0));
    const bytes = encodeTicketJob(bitmap, this.o.settings, options);
    const now = this.clock.now();
    let job = this.queue.find((j) => j.id === jobId);
    if (job) Object.assign(job, { bytes, attempts: 0, createdAt: now, notBefore: now });
    else {
      job = { id: jobId, bytes, attempts: 0, createdAt: now, notBefore: now, waiters: [] };
      this.queue.push(job);
    }
    const queued = job;
    const outcome = new Promise<PrintOutcome>((resolve) => {
      const timer = this.timers.setTimeout(
        () => resolve(failed('timeout', true, queued.attempts)),
        this.o.outcomeTimeoutMs,
      );
      queued.waiters.push((o) => {
        this.timers.clearTimeout(timer);
        resolve(o);
      });
    });
    this.pump();
    return outcome;
  }

  /** Drops a queued job (e.g. the ticket was cancelled). */
  cancel(jobId: string): boolean {
    const i = this.queue.findIndex((j) => j.id === jobId);
    if (i < 0) return false;
    const [job] = this.queue.splice(i, 1);
    settle(job!, failed('closed', false, job!.attempts));
    return true;
  }

  /** Queries the printer now (between jobs) and returns its state. */
  async refreshStatus(): Promise<PrinterState> {
    if (!this.enabled || this.closed) return this.currentState;
    if (this.busy) return this.currentState;
    this.busy = true;
    try {
      return await this.queryStatus();
    } finally {
      this.busy = false;
      this.pump();
    }
  }

  private async queryStatus(): Promise<PrinterState> {
    const state = await this.o.transport.status(this.o.statusTimeoutMs);
    if (!this.closed) this.setState(state, state === 'ok' ? undefined : this.lastError);
    return state;
  }

  private setState(state: PrinterState, lastError?: string): void {
    this.lastError = state === 'ok' ? undefined : lastError;
    if (state === this.currentState) return;
    const previous = this.currentState;
    this.currentState = state;
    this.stateSince = this.clock.now();
    this.o.logger.info({ printer: this.o.transport.description, state, previous }, 'printer state changed');
    this.statusListeners.emit({
      state,
      previous,
      since: new Date(this.stateSince).toISOString(),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    });
    if (FAULTS.has(previous) && !FAULTS.has(state)) {
      // The fault is fixed: retry waiting jobs now instead of at their backoff time.
      for (const job of this.queue) job.notBefore = Math.min(job.notBefore, this.clock.now());
      this.pump();
    }
  }

  private schedulePoll(ms: number): void {
    if (this.closed || this.o.pollIntervalMs <= 0) return;
    this.timers.clearTimeout(this.pollTimer);
    this.pollTimer = this.timers.setTimeout(() => {
      void this.refreshStatus().finally(() => this.schedulePoll(this.o.pollIntervalMs));
    }, ms);
  }

  /** Runs the next ready job, or sleeps until the earliest retry. One job at a time. */
  private pump(): void {
    if (this.busy || this.closed || this.queue.length === 0) return;
    const now = this.clock.now();
    const job = this.queue.find((j) => j.notBefore <= now);
    if (!job) {
      const next = Math.min(...this.queue.map((j) => j.notBefore));
      this.timers.clearTimeout(this.wakeTimer);
      this.wakeTimer = this.timers.setTimeout(() => this.pump(), Math.max(0, next - now));
      return;
    }
    this.busy = true;
    void this.attempt(job).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  private async attempt(job: Job): Promise<void> {
    job.attempts += 1;
    try {
      if (FAULTS.has(this.currentState)) {
        const before = await this.queryStatus();
        if (FAULTS.has(before)) throw new PrinterIoError(before as PrintFailReason, `printer is ${before}`);
      }
      await this.o.transport.send(job.bytes, this.o.sendTimeoutMs);
      const after = await this.queryStatus();
      if (after === 'paperOut' || after === 'coverOpen') {
        throw new PrinterIoError(after, `printer reported ${after} after the job`);
      }
      this.succeed(job);
    } catch (err) {
      if (!this.closed) await this.fail(job, err);
    }
  }

  private succeed(job: Job): void {
    this.remove(job);
    settle(job, { status: 'printed', attempts: job.attempts });
    this.jobListeners.emit({ jobId: job.id, status: 'printed', attempts: job.attempts });
  }

  private async fail(job: Job, err: unknown): Promise<void> {
    const reason: PrintFailReason = err instanceof PrinterIoError ? err.reason : 'io';
    const message = err instanceof Error ? err.message : String(err);
    this.o.logger.warn({ jobId: job.id, attempt: job.attempts, reason, err: message }, 'ticket print failed');
    this.lastError = message;
    if (reason === 'offline') this.setState('offline', message);
    else if (reason === 'timeout' || reason === 'io') await this.queryStatus();
    const delay = this.o.retryDelaysMs[job.attempts - 1];
    const tooOld = this.clock.now() - job.createdAt > this.o.maxJobAgeMs;
    const willRetry = delay !== undefined && !tooOld && !this.closed;
    settle(job, failed(reason, willRetry, job.attempts));
    if (willRetry) {
      job.notBefore = this.clock.now() + delay;
      this.jobListeners.emit({
        jobId: job.id,
        status: 'failed',
        reason,
        attempts: job.attempts,
        willRetry,
        error: message,
      });
      return;
    }
    this.remove(job);
    this.jobListeners.emit({ jobId: job.id, status: 'abandoned', reason, attempts: job.attempts });
  }

  private remove(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
  }

  /** Stops polling and retries, answers waiting callers, releases the device. Never hangs. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.timers.clearTimeout(this.pollTimer);
    this.timers.clearTimeout(this.wakeTimer);
    for (const job of this.queue) settle(job, failed('closed', false, job.attempts));
    this.statusListeners.clear();
    this.jobListeners.clear();
    await Promise.race([this.o.transport.close(), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
