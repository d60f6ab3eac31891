import type { Framing } from '../../../core/contracts/rating.js';
import { ByteFraming } from './byte-framing.js';
import type { FramingAdapter } from './framing.js';
import { LineFraming } from './line-framing.js';
import { StxEtxFraming } from './stx-etx-framing.js';

export type { FramingAdapter, FramingStats, KeyPress } from './framing.js';

export interface FramingOptions {
  framing?: Framing;
  byteMap?: Readonly<Record<string, number>>;
  interByteTimeoutMs?: number;
}

/** The adapter a device's config asks for (default `line`). Throws on a bad byteMap. */
export function createFraming(opts: FramingOptions = {}): FramingAdapter {
  switch (opts.framing ?? 'line') {
    case 'line':
      return new LineFraming(opts);
    case 'byte':
      return new ByteFraming(opts);
    case 'stx-etx':
      return new StxEtxFraming(opts);
  }
}
