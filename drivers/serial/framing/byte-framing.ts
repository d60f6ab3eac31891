import { type FramingAdapter, type FramingStats, isValidKey, type KeyPress } from './framing.js';

const CR = 0x0d;
const LF = 0x0a;

/** Default: ASCII digits '1'..'9' are keys 1..9. */
export const DEFAULT_BYTE_MAP: Readonly<Record<string, number>> = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [String(i + 1), i + 1]),
);

/**
 * Parses a byte map: keys are one character (`'1'`) or a byte value (`'0x31'`); values are key
 * numbers. Throws on a bad entry (a configuration error, found once at startup).
 */
export function parseByteMap(map: Readonly<Record<string, number>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, key] of Object.entries(map)) {
    const byte = /^0x[0-9a-f]{2}$/i.test(k)
      ? Number.parseInt(k.slice(2), 16)
      : k.length === 1
        ? k.charCodeAt(0)
        : -1;
    if (byte < 0 || byte > 0xff) throw new Error(`byteMap: "${k}" is neither one character nor 0xNN`);
    if (!isValidKey(key)) throw new Error(`byteMap: "${k}" → ${key} is not a key number 1..16`);
    out.set(byte, key);
  }
  return out;
}

/**
 * One byte per key. CR/LF are ignored (some pads end each byte with a newline); every other
 * unmapped byte is dropped (unit of `dropped`: one byte).
 */
export class ByteFraming implements FramingAdapter {
  readonly name = 'byte';
  private readonly map: Map<number, number>;
  private frames = 0;
  private dropped = 0;

  constructor(opts: { byteMap?: Readonly<Record<string, number>> } = {}) {
    this.map = parseByteMap(opts.byteMap ?? DEFAULT_BYTE_MAP);
  }

  push(chunk: Buffer): KeyPress[] {
    const out: KeyPress[] = [];
    for (const b of chunk) {
      const key = this.map.get(b);
      if (key !== undefined) {
        this.frames++;
        out.push({ key });
      } else if (b !== CR && b !== LF) {
        this.dropped++;
      }
    }
    return out;
  }

  stats(): FramingStats {
    return { frames: this.frames, dropped: this.dropped };
  }

  reset(): void {}
}
