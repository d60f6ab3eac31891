import { existsSync } from 'node:fs';
import { SerialPort, type SerialPortMock } from 'serialport';
import type { SerialState } from '../../core/contracts/devices.js';
import { DEFAULT_BAUD_RATE } from '../../core/contracts/rating.js';
import { type Clock, systemClock } from '../../core/domain/clock.js';
import { type Logger, silentLogger } from '../logger.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, isMissing, nextDelay, serialErrorCode } from './reconnect.js';
import { realTimers, type Timers } from './timers.js';

/** The real auto-detected binding, or `SerialPortMock.binding` (or a wrapper of it) in unit tests. */
export type SerialBinding = typeof SerialPort.binding | typeof SerialPortMock.binding;

export interface SerialStatus {
  state: SerialState;
  /** message of the error that caused the state, e.g. "Error: No such file or directory, cannot open …" */
  lastError?: string;
  /** ENOENT, EACCES, EBUSY, EIO, DISCONNECTED, … when known */
  errorCode?: string;
  /** epoch ms of the last state change */
  since: number;
}

export interface SerialDeviceOptions {
  path: string;
  baudRate?: number;
  binding?: SerialBinding;
  timers?: Timers;
  clock?: Clock;
  logger?: Logger;
  backoff?: Partial<BackoffPolicy>;
  /** bound on close(); the port is abandoned after it */
  closeTimeoutMs?: number;
  /**
   * While connected, how often to check that the device path still exists (0: never). Default 1000 ms
   * on real ports, off with an injected binding. An unplugged USB adapter or a killed pty is not always
   * reported by the port itself: a hung-up tty reads as end-of-file, which serialport retries forever.
   */
  presenceCheckMs?: number;
  /** how presence is checked; default `fs.existsSync` (follows the udev symlink) */
  exists?: (path: string) => boolean;
}

type Listener<T> = (value: T) => void;

/**
 * One configured serial path, kept open: reconnects with backoff after an unplug or while the
 * device is absent, reports `connected | disconnected | error`, never throws or rejects into the
 * process, and never calls `SerialPort.list()`. Call `start()` once, `close()` on shutdown.
 */
export class SerialDevice {
  readonly path: string;
  private readonly baudRate: number;
  private readonly timers: Timers;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly backoff: BackoffPolicy;
  private readonly closeTimeoutMs: number;
  private readonly binding: SerialBinding | undefined;
  private current: SerialStatus;
  private port: SerialPort | undefined;
  private timer: unknown;
  private presenceTimer: unknown;
  private readonly presenceCheckMs: number;
  private readonly exists: (path: string) => boolean;
  private attempt = 0;
  private started = false;
  private stopped = false;
  private readonly dataListeners = new Set<Listener<Buffer>>();
  private readonly statusListeners = new Set<Listener<SerialStatus>>();

  constructor(opts: SerialDeviceOptions) {
    this.path = opts.path;
    this.baudRate = opts.baudRate ?? DEFAULT_BAUD_RATE;
    this.binding = opts.binding;
    this.timers = opts.timers ?? realTimers;
    this.clock = opts.clock ?? systemClock;
    this.log = opts.logger ?? silentLogger;
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    this.closeTimeoutMs = opts.closeTimeoutMs ?? 1000;
    this.presenceCheckMs = opts.presenceCheckMs ?? (opts.binding ? 0 : 1000);
    this.exists = opts.exists ?? existsSync;
    this.current = { state: 'disconnected', since: this.clock.now() };
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.connect();
  }

  status(): SerialStatus {
    return { ...this.current };
  }

  /** Raw chunks as they arrive. Returns an unsubscribe function. */
  onData(listener: Listener<Buffer>): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** Every change of state or lastError. Returns an unsubscribe function. */
  onStatus(listener: Listener<SerialStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Writes when connected (counter displays, polling masters); false when not connected. */
  write(data: Buffer): boolean {
    const port = this.port;
    if (!port?.isOpen) return false;
    port.write(data, (err) => {
      if (err) this.log.warn({ path: this.path, err: err.message }, 'serial write failed');
    });
    return true;
  }

  /** Stops reconnecting and closes the port; resolves within `closeTimeoutMs`. */
  async close(): Promise<void> {
    this.stopped = true;
    this.dataListeners.clear();
    this.statusListeners.clear();
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.stopPresenceCheck();
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await this.closePort(port);
  }

  private connect(): void {
    this.timer = undefined;
    if (this.stopped) return;
    let port: SerialPort;
    try {
      port = this.createPort();
    } catch (err) {
      this.failed(err, 'error');
      return;
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => this.emitData(port, chunk));
    port.on('error', (err: Error) =>
      this.log.warn({ path: this.path, err: err.message }, 'serial port error'),
    );
    port.on('close', (err: Error | null) => this.onClosed(port, err));
    port.open((err) => {
      if (err) {
        if (port === this.port) this.port = undefined;
        if (!this.stopped) this.failed(err);
      } else if (this.stopped || port !== this.port) {
        void this.closePort(port);
      } else {
        this.attempt = 0;
        this.setStatus({ state: 'connected' });
        this.log.info({ path: this.path }, 'serial device connected');
        this.schedulePresenceCheck(port);
      }
    });
  }

  private createPort(): SerialPort {
    const options = { path: this.path, baudRate: this.baudRate, autoOpen: false };
    // SerialPort spreads its options over its default binding, so an injected binding wins.
    return new SerialPort(
      (this.binding ? { ...options, binding: this.binding } : options) as ConstructorParameters<
        typeof SerialPort
      >[0],
    );
  }

  private onClosed(port: SerialPort, err: Error | null): void {
    if (port !== this.port || this.stopped) return;
    this.port = undefined;
    this.stopPresenceCheck();
    this.log.warn({ path: this.path, err: err?.message }, 'serial device disconnected');
    this.failed(err ?? new Error('port closed'), 'disconnected');
  }

  private schedulePresenceCheck(port: SerialPort): void {
    if (this.presenceCheckMs <= 0) return;
    this.presenceTimer = this.timers.setTimeout(() => {
      this.presenceTimer = undefined;
      if (port !== this.port || this.stopped) return;
      if (this.exists(this.path)) return this.schedulePresenceCheck(port);
      // Gone from /dev: close our end (which also stops serialport's end-of-file retries).
      this.port = undefined;
      void this.closePort(port);
      this.log.warn({ path: this.path }, 'serial device disconnected (path vanished)');
      this.failed(
        Object.assign(new Error(`${this.path} no longer exists`), { code: 'ENOENT' }),
        'disconnected',
      );
    }, this.presenceCheckMs);
    (this.presenceTimer as { unref?: () => void } | undefined)?.unref?.();
  }

  private stopPresenceCheck(): void {
    if (this.presenceTimer !== undefined) this.timers.clearTimeout(this.presenceTimer);
    this.presenceTimer = undefined;
  }

  /** Records the failure and schedules the next attempt. */
  private failed(err: unknown, forced?: SerialState): void {
    const code = serialErrorCode(err);
    const state = forced ?? (isMissing(code) ? 'disconnected' : 'error');
    const message = err instanceof Error ? err.message : String(err);
    this.setStatus({ state, lastError: message, errorCode: code });
    const delay = nextDelay(this.backoff, this.attempt++, code);
    this.log.debug({ path: this.path, code, delay }, 'serial reconnect scheduled');
    this.timer = this.timers.setTimeout(() => this.connect(), delay);
  }

  private setStatus(next: Omit<SerialStatus, 'since'>): void {
    const prev = this.current;
    if (prev.state === next.state && prev.lastError === next.lastError) return;
    const since = prev.state === next.state ? prev.since : this.clock.now();
    this.current = { ...next, since };
    if (prev.state !== next.state && next.state !== 'connected') {
      this.log.warn({ path: this.path, state: next.state, err: next.lastError }, 'serial device state');
    }
    for (const l of this.statusListeners) this.safely(() => l(this.status()));
  }

  private emitData(port: SerialPort, chunk: Buffer): void {
    if (port !== this.port || this.stopped) return;
    for (const l of this.dataListeners) this.safely(() => l(chunk));
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log.error(
        { path: this.path, err: err instanceof Error ? err.message : String(err) },
        'listener failed',
      );
    }
  }

  private closePort(port: SerialPort): Promise<void> {
    return new Promise((resolve) => {
      const t = this.timers.setTimeout(resolve, this.closeTimeoutMs);
      (t as { unref?: () => void } | undefined)?.unref?.();
      try {
        port.close(() => {
          this.timers.clearTimeout(t);
          resolve();
        });
      } catch {
        resolve();
      }
    });
  }
}
