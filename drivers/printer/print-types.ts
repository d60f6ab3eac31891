import type { PrinterState } from '../../core/contracts/devices.js';
import type { PrintFailReason, PrinterSettings, PrintOutcome } from '../../core/contracts/printing.js';
import type { Clock } from '../../core/domain/clock.js';
import type { Logger } from '../logger.js';
import type { Timers } from './listeners.js';
import type { PrinterTransport } from './transport.js';

/** Options, events and job records of the print queue (print-queue.ts). */
export interface PrinterOptions {
  transport: PrinterTransport;
  settings: PrinterSettings;
  logger: Logger;
  clock?: Clock;
  timers?: Timers;
  /** Bound on one job's delivery. */
  sendTimeoutMs?: number;
  /** Bound on one DLE EOT status query. */
  statusTimeoutMs?: number;
  /** print() resolves by then at the latest (the job stays queued if not done). */
  outcomeTimeoutMs?: number;
  /** Idle status polling; 0 disables it. */
  pollIntervalMs?: number;
  /** Delay before each retry; a job gets 1 + length attempts. */
  retryDelaysMs?: readonly number[];
  /** Never print a ticket issued longer ago than this (the citizen may be gone). */
  maxJobAgeMs?: number;
}

export interface PrinterStatusEvent {
  state: PrinterState;
  previous: PrinterState;
  /** ISO time of this change */
  since: string;
  lastError?: string;
}

export type PrintJobEvent =
  | { jobId: string; status: 'printed'; attempts: number }
  | {
      jobId: string;
      status: 'failed';
      reason: PrintFailReason;
      attempts: number;
      willRetry: boolean;
      error: string;
    }
  | { jobId: string; status: 'abandoned'; reason: PrintFailReason; attempts: number };

export interface Job {
  id: string;
  bytes: Buffer;
  attempts: number;
  createdAt: number;
  notBefore: number;
  waiters: Array<(o: PrintOutcome) => void>;
}

export function failed(reason: PrintFailReason, willRetry: boolean, attempts: number): PrintOutcome {
  return { status: 'failed', reason, willRetry, attempts };
}

/** Answers everyone waiting on the job's first outcome (once). */
export function settle(job: Job, outcome: PrintOutcome): void {
  const waiters = job.waiters;
  job.waiters = [];
  for (const w of waiters) w(outcome);
}
