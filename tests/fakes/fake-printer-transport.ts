import type { PrinterState } from '../../core/contracts/devices.js';
import type { Timers } from '../../drivers/printer/listeners.js';
import type { PrinterTransport } from '../../drivers/printer/transport.js';

/** A transport driven by the test: scripted send results, a settable status, a record of jobs. */
export class ScriptedTransport implements PrinterTransport {
  readonly kind: PrinterTransport['kind'];
  readonly description = 'scripted';
  state: PrinterState = 'ok';
  /** One entry per send, consumed in order: an Error to throw, 'hang' to block until release(), or ok. */
  sendResults: Array<Error | 'hang' | 'ok'> = [];
  readonly sent: Buffer[] = [];
  statusCalls = 0;
  closed = false;
  private hanging: Array<() => void> = [];

  constructor(kind: PrinterTransport['kind'] = 'tcp') {
    this.kind = kind;
  }

  async send(job: Buffer): Promise<void> {
    this.sent.push(job);
    const result = this.sendResults.shift() ?? 'ok';
    if (result === 'hang') await new Promise<void>((resolve) => this.hanging.push(resolve));
    else if (result instanceof Error) throw result;
  }

  async status(): Promise<PrinterState> {
    this.statusCalls += 1;
    return this.state;
  }

  /** Lets hanging sends complete. */
  release(): void {
    for (const resolve of this.hanging.splice(0)) resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.release();
  }
}

/** Timers and a clock moved by hand: `advance(ms)` runs due callbacks in time order. */
export class ManualTimers implements Timers {
  now = 1_800_000_000_000;
  private nextId = 1;
  private readonly tasks = new Map<number, { at: number; fn: () => void }>();
  readonly clock = { now: (): number => this.now };

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.tasks.set(id, { at: this.now + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.tasks.delete(handle as number);
  }

  get pending(): number {
    return this.tasks.size;
  }

  /** Runs every callback due within `ms`, letting promise chains settle between them. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    await settle();
    for (;;) {
      const due = [...this.tasks.entries()]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.tasks.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].fn();
      await settle();
    }
    this.now = target;
  }
}

/** Lets pending promise callbacks and I/O-free async chains run to completion. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
