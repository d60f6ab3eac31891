import { SerialPortMock } from 'serialport';
import type { Timers } from '../../../drivers/serial/timers.js';

type MockPortBinding = Awaited<ReturnType<typeof SerialPortMock.binding.open>>;

/**
 * A `SerialPortMock.binding` wrapper for one path that can be unplugged, made absent (ENOENT),
 * refused (EACCES), and fed bytes. Pass `mock.binding` to `SerialDevice`.
 */
export class MockSerial {
  readonly binding: typeof SerialPortMock.binding;
  opens = 0;
  private openError: Error | undefined;
  private open: { port: MockPortBinding; unplug: (e: Error) => void } | undefined;

  constructor(readonly path: string) {
    SerialPortMock.binding.createPort(path);
    const base = SerialPortMock.binding;
    this.binding = {
      ...base,
      open: async (options) => {
        this.opens++;
        if (this.openError) throw this.openError;
        return this.wrap(await base.open(options));
      },
    };
  }

  get isOpen(): boolean {
    return this.open?.port.isOpen ?? false;
  }

  emit(data: Buffer | string): void {
    if (!this.open) throw new Error('mock port is not open');
    this.open.port.emitData(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** The device vanishes: the pending read fails (→ `close` with err.disconnected), opens fail with ENOENT. */
  unplug(): void {
    this.absent();
    this.open?.unplug(new Error('Input/output error'));
    this.open = undefined;
  }

  absent(): void {
    this.openError = new Error(`Error: No such file or directory, cannot open ${this.path}`);
  }

  refuse(): void {
    this.openError = new Error(`Error: Permission denied, cannot open ${this.path}`);
  }

  /** Opens succeed again. */
  replug(): void {
    this.openError = undefined;
  }

  private wrap(port: MockPortBinding): MockPortBinding {
    let unplug: (e: Error) => void = () => {};
    const unplugged = new Promise<never>((_, reject) => {
      unplug = reject;
    });
    unplugged.catch(() => {});
    const read = port.read.bind(port);
    port.read = (buffer, offset, length) => Promise.race([read(buffer, offset, length), unplugged]);
    this.open = { port, unplug };
    return port;
  }
}

/** Timers run by hand; `delays` records every scheduled delay in order. */
export class ManualTimers implements Timers {
  readonly delays: number[] = [];
  private pending = new Map<number, () => void>();
  private next = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.delays.push(ms);
    this.pending.set(id, fn);
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Runs every timer pending now. */
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

/** Polls `pred` until true; fails after `timeoutMs` (never hangs). */
export async function waitUntil(pred: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
