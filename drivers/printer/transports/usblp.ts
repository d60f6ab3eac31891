import { constants } from 'node:fs';
import { type FileHandle, stat } from 'node:fs/promises';
import type { PrinterState } from '../../../core/contracts/devices.js';
import type { Logger } from '../../logger.js';
import { queryPrinterState, type StatusChannel } from '../status.js';
import { errnoCode, PrinterIoError, type PrinterTransport, toIoError } from '../transport.js';
import { closeQuietly, discardPending, openNonBlocking, readByte, writeAll } from './fd-io.js';

/**
 * The kernel's usblp printer device (`/dev/usb/lp0`, group `lp`). One open per job, always
 * O_NONBLOCK: an absent printer fails the open fast (ENODEV/ENOENT; a FIFO without reader gives
 * ENXIO), a printer that stops reading fails at the deadline instead of pinning a thread.
 */
export class UsblpTransport implements PrinterTransport {
  readonly kind = 'usblp' as const;
  private closed = false;
  private readonly open = new Set<FileHandle>();

  constructor(
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  get description(): string {
    return `usblp:${this.path}`;
  }

  private async openTracked(flags: number): Promise<FileHandle> {
    if (this.closed) throw new PrinterIoError('closed', `${this.description} is closed`);
    const fh = await openNonBlocking(this.path, flags);
    this.open.add(fh);
    return fh;
  }

  private async release(fh: FileHandle): Promise<void> {
    this.open.delete(fh);
    await closeQuietly(fh);
  }

  async send(job: Buffer, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const fh = await this.openTracked(constants.O_WRONLY);
    try {
      await writeAll(fh, job, deadline, `write ${this.path}`);
    } finally {
      await this.release(fh);
    }
  }

  async status(timeoutMs: number): Promise<PrinterState> {
    try {
      const info = await stat(this.path);
      // Only a real device can answer; on a FIFO or file we could read our own request back.
      if (!info.isCharacterDevice()) return await this.probeWritable();
      const fh = await this.openTracked(constants.O_RDWR);
      try {
        return await queryPrinterState(this.channel(fh, Date.now() + timeoutMs), timeoutMs);
      } finally {
        await this.release(fh);
      }
    } catch (err) {
      const e = toIoError(err, `status ${this.path}`);
      if (e.reason === 'offline') return 'offline';
      this.logger.warn({ err: e.message, path: this.path }, 'printer status unreadable');
      return 'unknown';
    }
  }

  /** For non-device paths: present and accepting a writer = unknown, otherwise offline. */
  private async probeWritable(): Promise<PrinterState> {
    try {
      await this.release(await this.openTracked(constants.O_WRONLY));
      return 'unknown';
    } catch (err) {
      return errnoCode((err as { cause?: unknown }).cause) === 'EACCES' ? 'unknown' : 'offline';
    }
  }

  private channel(fh: FileHandle, deadline: number): StatusChannel {
    return {
      write: (bytes) => writeAll(fh, bytes, deadline, `status ${this.path}`),
      readByte: (ms) => readByte(fh, ms),
      discardInput: () => discardPending(fh),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const handles = [...this.open];
    this.open.clear();
    await Promise.all(handles.map(closeQuietly));
  }
}
