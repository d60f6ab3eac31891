import type { ReportGroup } from '../../core/contracts/reports.js';
import type { Period } from '../../core/domain/metrics-period.js';

/** Messages between the main thread and the report worker (structured clone, no classes). */

export interface ReportArgs {
  period: Period;
  groupBy: ReportGroup;
  onlyOfficial: number | null;
  now: number;
}

export interface ExportArgs {
  period: Period;
  groupBy: ReportGroup;
  now: number;
}

export type WorkerOp =
  | { op: 'report'; args: ReportArgs }
  | { op: 'xlsx'; args: ExportArgs }
  | { op: 'csv'; args: ExportArgs };

export type WorkerRequest = WorkerOp & { id: number };

export interface WorkerFailure {
  /** a DomainError code when the request itself was wrong; absent for faults */
  code?: string;
  details?: Record<string, string | number>;
  message: string;
}

export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WorkerFailure };

export interface WorkerData {
  dbPath: string;
  zone: string;
}
