import type { Framing } from '../../../core/contracts/rating.js';

/** One key decoded from a device. `address` is set by bus framings (stx-etx: one box per address). */
export interface KeyPress {
  key: number;
  address?: number;
}

/** `frames`: valid frames decoded; `dropped`: garbage discarded (see each adapter for its unit). */
export type FramingStats = {
  frames: number;
  dropped: number;
};

/**
 * Turns raw serial chunks into key presses. Garbage, partial frames, bad checksums and noise are
 * dropped and counted, never misread as a key. Adapters are synchronous and never throw on input.
 */
export interface FramingAdapter {
  readonly name: Framing;
  /** `now` (epoch ms) enables the inter-byte timeout: a partial frame older than it is discarded first. */
  push(chunk: Buffer, now?: number): KeyPress[];
  stats(): FramingStats;
  /** Discard a partial frame (e.g. after a reconnect); counted as dropped when not empty. */
  reset(): void;
}

export const MAX_KEY = 16;

export function isValidKey(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_KEY;
}

/** Tracks the inter-byte timeout for adapters that hold partial frames. */
export class SilenceTimer {
  private lastAt: number | undefined;
  constructor(private readonly timeoutMs: number) {}

  /** True when more than `timeoutMs` passed since the previous chunk. */
  expired(now: number | undefined): boolean {
    if (now === undefined) return false;
    const expired = this.lastAt !== undefined && now - this.lastAt > this.timeoutMs;
    this.lastAt = now;
    return expired;
  }
}
