import { connect, type Socket } from 'node:net';
import type { PrinterState } from '../../../core/contracts/devices.js';
import type { Logger } from '../../logger.js';
import { statusRequest } from '../escpos.js';
import { queryPrinterState } from '../status.js';
import { PrinterIoError, type PrinterTransport, toIoError } from '../transport.js';
import { ByteInbox } from './byte-inbox.js';

export interface TcpOptions {
  connectTimeoutMs?: number;
}

/**
 * A LAN printer on raw port 9100. One connection per job: the job bytes, then DLE EOT 1 on the
 * same socket; the reply (or the printer closing after our end) confirms the printer took every
 * byte. A printer that accepts but never reads fails at the deadline.
 */
export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp' as const;
  private closed = false;
  private readonly sockets = new Set<Socket>();
  private readonly connectTimeoutMs: number;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly logger: Logger,
    options: TcpOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  }

  get description(): string {
    return `tcp://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  private open(timeoutMs: number): Promise<Socket> {
    if (this.closed) return Promise.reject(new PrinterIoError('closed', `${this.description} is closed`));
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new PrinterIoError('offline', `connect ${this.description}: no answer within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(toIoError(err, `connect ${this.description}`));
      });
    });
  }

  async send(job: Buffer, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const socket = await this.open(Math.min(this.connectTimeoutMs, timeoutMs));
    try {
      await this.deliver(socket, job, deadline);
    } finally {
      socket.destroy();
    }
  }

  private deliver(socket: Socket, job: Buffer, deadline: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let flushed = false;
      let peerEnded = false;
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(
        () => {
          const what = flushed ? 'did not confirm the job' : 'stopped reading';
          finish(new PrinterIoError('timeout', `${this.description}: printer ${what}`));
        },
        Math.max(1, deadline - Date.now()),
      );
      socket.on('data', () => finish());
      socket.on('end', () => {
        peerEnded = true;
        if (flushed) finish();
      });
      socket.on('error', (err) => finish(toIoError(err, `write ${this.description}`)));
      socket.on('close', () => {
        if (!flushed) finish(new PrinterIoError('offline', `${this.description}: closed during the job`));
      });
      socket.write(job);
      socket.end(statusRequest(1), () => {
        flushed = true;
        if (peerEnded) finish();
      });
    });
  }

  async status(timeoutMs: number): Promise<PrinterState> {
    const deadline = Date.now() + timeoutMs;
    let socket: Socket;
    try {
      socket = await this.open(Math.min(this.connectTimeoutMs, timeoutMs));
    } catch {
      return 'offline';
    }
    const inbox = new ByteInbox();
    socket.on('data', (chunk: Buffer) => inbox.push(chunk));
    socket.on('end', () => inbox.end());
    socket.on('error', () => inbox.end());
    socket.on('close', () => inbox.end());
    try {
      const channel = {
        write: (bytes: Buffer) => new Promise<void>((resolve) => socket.write(bytes, () => resolve())),
        readByte: (ms: number) => inbox.read(ms),
        discardInput: () => inbox.discard(),
      };
      const state = await queryPrinterState(channel, Math.max(1, deadline - Date.now()));
      // Accepting and hanging up at once is a printer that is not ready, not a silent one.
      return state === 'unknown' && inbox.ended && inbox.received === 0 ? 'offline' : state;
    } catch (err) {
      this.logger.debug({ err: String(err) }, 'printer status query failed');
      return 'unknown';
    } finally {
      socket.destroy();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
