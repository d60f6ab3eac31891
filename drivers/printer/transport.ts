import type { PrinterState } from '../../core/contracts/devices.js';
import type { PrintFailReason } from '../../core/contracts/printing.js';
import type { PrinterTarget } from './printer-uri.js';

/**
 * A way to get bytes to a printer. Every operation is bounded by its timeout and never blocks a
 * libuv thread, so the server can always exit.
 */
export interface PrinterTransport {
  readonly kind: PrinterTarget['kind'];
  /** Human-readable target for logs and health (no secrets in printer URIs). */
  readonly description: string;
  /** Delivers one whole job (one connection/open per job where the link allows). Throws PrinterIoError. */
  send(job: Buffer, timeoutMs: number): Promise<void>;
  /** DLE EOT status. Silence is `unknown`; an absent device is `offline`. Never throws. */
  status(timeoutMs: number): Promise<PrinterState>;
  /** Aborts anything in flight and releases the device. Never hangs. */
  close(): Promise<void>;
}

/** A failed delivery, classified for the print queue and health. */
export class PrinterIoError extends Error {
  override readonly name = 'PrinterIoError';
  constructor(
    readonly reason: PrintFailReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** Errors meaning "the printer is not there right now". */
const OFFLINE_CODES = new Set([
  'ENXIO',
  'ENOENT',
  'ENODEV',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'EIO',
  'ETIMEDOUT',
]);

/** Wraps a low-level error as PrinterIoError (offline for absent devices, io otherwise). */
export function toIoError(err: unknown, what: string): PrinterIoError {
  if (err instanceof PrinterIoError) return err;
  const code = errnoCode(err);
  const reason: PrintFailReason = code && OFFLINE_CODES.has(code) ? 'offline' : 'io';
  const hint = code === 'EACCES' ? ' (is the server user in the lp/dialout group?)' : '';
  return new PrinterIoError(reason, `${what}: ${code ?? String(err)}${hint}`, { cause: err });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` but rejects with PrinterIoError('timeout') after `ms`; `onTimeout` aborts the work. */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new PrinterIoError('timeout', `${what}: no answer within ${ms} ms`));
    }, ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
