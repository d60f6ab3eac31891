import { constants } from 'node:fs';
import type { PrinterState } from '../../../core/contracts/devices.js';
import type { PrinterTransport } from '../transport.js';
import { closeQuietly, openNonBlocking, writeAll } from './fd-io.js';

/** Appends each job's exact bytes to a file (captures for support, or a printer spool path). */
export class FileTransport implements PrinterTransport {
  readonly kind = 'file' as const;

  constructor(private readonly path: string) {}

  get description(): string {
    return `file:${this.path}`;
  }

  async send(job: Buffer, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const fh = await openNonBlocking(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
    try {
      await writeAll(fh, job, deadline, `write ${this.path}`);
    } finally {
      await closeQuietly(fh);
    }
  }

  async status(): Promise<PrinterState> {
    return 'ok';
  }

  async close(): Promise<void> {}
}
