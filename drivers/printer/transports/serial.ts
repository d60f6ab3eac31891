import { SerialPort } from 'serialport';
import type { PrinterState } from '../../../core/contracts/devices.js';
import type { Logger } from '../../logger.js';
import { queryPrinterState } from '../status.js';
import { PrinterIoError, type PrinterTransport, toIoError, withTimeout } from '../transport.js';
import { ByteInbox } from './byte-inbox.js';

/**
 * A printer on a serial or USB-CDC port (`/dev/ttyUSB0`, `/dev/ttyACM0`). The port stays open
 * between jobs and is reopened after an error. No tcdrain (it can park a thread on a stalled
 * line): a write counts as sent once the OS took it.
 */
export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | undefined;
  private inbox = new ByteInbox();
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly baudRate: number,
    private readonly logger: Logger,
  ) {}

  get description(): string {
    return `serial:${this.path}?baud=${this.baudRate}`;
  }

  private async ensureOpen(timeoutMs: number): Promise<SerialPort> {
    if (this.closed) throw new PrinterIoError('closed', `${this.description} is closed`);
    if (this.port?.isOpen) return this.port;
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    const inbox = new ByteInbox();
    port.on('data', (chunk: Buffer) => inbox.push(chunk));
    port.on('close', () => inbox.end());
    port.on('error', (err) => this.logger.warn({ err: err.message, path: this.path }, 'printer port error'));
    const opening = new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(toIoError(err, `open ${this.path}`)) : resolve())),
    );
    await withTimeout(opening, timeoutMs, `open ${this.path}`).catch((err: unknown) => {
      throw err instanceof PrinterIoError && err.reason === 'io'
        ? new PrinterIoError('offline', err.message)
        : err;
    });
    this.port = port;
    this.inbox = inbox;
    return port;
  }

  private write(port: SerialPort, bytes: Buffer, timeoutMs: number): Promise<void> {
    const written = new Promise<void>((resolve, reject) =>
      port.write(bytes, (err) => (err ? reject(toIoError(err, `write ${this.path}`)) : resolve())),
    );
    return withTimeout(written, timeoutMs, `write ${this.path}`);
  }

  async send(job: Buffer, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const port = await this.ensureOpen(timeoutMs);
    try {
      await this.write(port, job, Math.max(1, deadline - Date.now()));
    } catch (err) {
      this.drop();
      throw err;
    }
  }

  async status(timeoutMs: number): Promise<PrinterState> {
    const deadline = Date.now() + timeoutMs;
    let port: SerialPort;
    try {
      port = await this.ensureOpen(timeoutMs);
    } catch {
      return 'offline';
    }
    const inbox = this.inbox;
    const channel = {
      write: (bytes: Buffer) => this.write(port, bytes, Math.max(1, deadline - Date.now())),
      readByte: (ms: number) => inbox.read(ms),
      discardInput: () => inbox.discard(),
    };
    try {
      return await queryPrinterState(channel, Math.max(1, deadline - Date.now()));
    } catch {
      this.drop();
      return 'unknown';
    }
  }

  /** Forgets a port after an error; closing happens in the background, never awaited. */
  private drop(): void {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) port.close(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return;
    await withTimeout(new Promise<void>((resolve) => port.close(() => resolve())), 2000, 'close').catch(
      () => {},
    );
  }
}
