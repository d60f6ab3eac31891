import type { RatingBoxConfig, RatingPress, RatingScale } from '../../core/contracts/rating.js';
import { type Clock, systemClock } from '../../core/domain/clock.js';
import { DEFAULT_RATING_SCALE, keyToLevel } from '../../core/domain/rating.js';
import { type Logger, silentLogger } from '../logger.js';
import type { FramingAdapter, FramingStats, KeyPress } from '../serial/framing/index.js';
import type { SerialStatus } from '../serial/port-manager.js';

/** What a rating box reads bytes from: a `SerialDevice`, or any fake with the same shape. */
export interface ByteSource {
  start(): void;
  close(): Promise<void>;
  status(): SerialStatus;
  onData(listener: (chunk: Buffer) => void): () => void;
  onStatus(listener: (status: SerialStatus) => void): () => void;
}

/** A plain record of numbers, so it fits `DeviceStatus.counters` as is. */
export type RatingBoxStats = FramingStats & {
  presses: number;
  /** keys with no level on the scale (or not in keyMap) */
  unmappedKeys: number;
  /** bus addresses missing from addressMap */
  unknownAddresses: number;
};

export interface RatingBoxOptions {
  config: RatingBoxConfig;
  source: ByteSource;
  framing: FramingAdapter;
  scale?: RatingScale;
  clock?: Clock;
  logger?: Logger;
}

/**
 * Glue: bytes → framing → key → level → `{ deviceId, counter, key, level, at }`. No attribution,
 * no bounce filtering (that is the domain's `attributeRating`), no storage.
 */
export class RatingBox {
  readonly id: string;
  private readonly config: RatingBoxConfig;
  private readonly source: ByteSource;
  private readonly framing: FramingAdapter;
  private readonly scale: RatingScale;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly listeners = new Set<(press: RatingPress) => void>();
  private presses = 0;
  private unmappedKeys = 0;
  private unknownAddresses = 0;

  constructor(opts: RatingBoxOptions) {
    this.config = opts.config;
    this.id = opts.config.id;
    this.source = opts.source;
    this.framing = opts.framing;
    this.scale = opts.scale ?? DEFAULT_RATING_SCALE;
    this.clock = opts.clock ?? systemClock;
    this.log = opts.logger ?? silentLogger;
    this.source.onData((chunk) => this.onChunk(chunk));
    this.source.onStatus((s) => {
      if (s.state !== 'connected') this.framing.reset();
    });
  }

  start(): void {
    this.source.start();
  }

  close(): Promise<void> {
    this.listeners.clear();
    return this.source.close();
  }

  /** Every decoded press. Returns an unsubscribe function. A throwing listener is logged, not fatal. */
  onPress(listener: (press: RatingPress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: SerialStatus) => void): () => void {
    return this.source.onStatus(listener);
  }

  status(): SerialStatus {
    return this.source.status();
  }

  stats(): RatingBoxStats {
    return {
      ...this.framing.stats(),
      presses: this.presses,
      unmappedKeys: this.unmappedKeys,
      unknownAddresses: this.unknownAddresses,
    };
  }

  private onChunk(chunk: Buffer): void {
    const at = this.clock.now();
    for (const kp of this.framing.push(chunk, at)) {
      const press = this.toPress(kp, at);
      if (press) this.emit(press);
    }
  }

  private toPress(kp: KeyPress, at: number): RatingPress | undefined {
    const counter = this.counterFor(kp.address);
    if (counter === undefined) {
      this.unknownAddresses++;
      this.log.warn({ device: this.id, address: kp.address }, 'rating press from an unknown address');
      return undefined;
    }
    const level = keyToLevel(kp.key, this.scale, this.config.keyMap);
    if (level === undefined) {
      this.unmappedKeys++;
      this.log.debug({ device: this.id, key: kp.key }, 'rating key not on the scale');
      return undefined;
    }
    const press: RatingPress = { deviceId: this.id, counter, key: kp.key, level, at };
    if (kp.address !== undefined) press.address = kp.address;
    return press;
  }

  /** addressMap (when given) decides; else the configured counter; else the bus address itself. */
  private counterFor(address: number | undefined): number | undefined {
    const { addressMap, counter } = this.config;
    if (address !== undefined && addressMap) return addressMap[String(address)];
    return counter ?? address;
  }

  private emit(press: RatingPress): void {
    this.presses++;
    for (const l of this.listeners) {
      try {
        l(press);
      } catch (err) {
        this.log.error(
          { device: this.id, err: err instanceof Error ? err.message : String(err) },
          'press listener failed',
        );
      }
    }
  }
}
