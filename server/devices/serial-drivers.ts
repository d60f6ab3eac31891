import type { SerialDeviceConfig } from '../../core/contracts/rating.js';
import type { Clock } from '../../core/domain/clock.js';
import type { Logger } from '../../drivers/logger.js';
import { createRatingBox } from '../../drivers/rating/create-rating-box.js';
import type { FramingAdapter } from '../../drivers/serial/framing/index.js';
import { createFraming } from '../../drivers/serial/framing/index.js';
import type { BackoffPolicy } from '../../drivers/serial/reconnect.js';
import { type SerialBinding, SerialDevice, type SerialStatus } from '../../drivers/serial/port-manager.js';
import type { DeviceDriverFactory, KeyEvent, KeypadDriver } from './drivers.js';

export interface SerialDriverDeps {
  clock: Clock;
  logger: Logger;
  /** tests: `SerialPortMock.binding`; absent = the real serial ports (ptys in integration tests) */
  binding?: SerialBinding;
  backoff?: Partial<BackoffPolicy>;
}

/** The real drivers: rating boxes and keypads on serial paths, with reconnect. */
export function serialDrivers(deps: SerialDriverDeps): DeviceDriverFactory {
  const serial = (config: SerialDeviceConfig) =>
    new SerialDevice({
      path: config.path,
      baudRate: config.baudRate,
      binding: deps.binding,
      clock: deps.clock,
      logger: deps.logger,
      backoff: deps.backoff,
    });
  return {
    ratingBox: (config, scale) => createRatingBox(config, { ...deps, scale }),
    keypad: (id, config) =>
      new SerialKeypad(id, serial(config), createFraming(config), deps.clock, deps.logger),
  };
}

/** Bytes → framing → keys, for ticket-button pads (the rating box does the same plus key → level). */
export class SerialKeypad implements KeypadDriver {
  private readonly listeners = new Set<(k: KeyEvent) => void>();
  private keys = 0;

  constructor(
    readonly id: string,
    private readonly source: SerialDevice,
    private readonly framing: FramingAdapter,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    source.onData((chunk) => this.onChunk(chunk));
    source.onStatus((s) => {
      if (s.state !== 'connected') framing.reset();
    });
  }

  start(): void {
    this.source.start();
  }
  close(): Promise<void> {
    this.listeners.clear();
    return this.source.close();
  }
  onKey(listener: (k: KeyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onStatus(listener: (s: SerialStatus) => void): () => void {
    return this.source.onStatus(listener);
  }
  status(): SerialStatus {
    return this.source.status();
  }
  stats(): Record<string, number> {
    return { ...this.framing.stats(), keys: this.keys };
  }

  private onChunk(chunk: Buffer): void {
    const at = this.clock.now();
    for (const kp of this.framing.push(chunk, at)) {
      this.keys++;
      const ev: KeyEvent = { key: kp.key, at };
      if (kp.address !== undefined) ev.address = kp.address;
      for (const l of this.listeners) {
        try {
          l(ev);
        } catch (err) {
          this.log.error(
            { device: this.id, err: err instanceof Error ? err.message : String(err) },
            'key listener failed',
          );
        }
      }
    }
  }
}
