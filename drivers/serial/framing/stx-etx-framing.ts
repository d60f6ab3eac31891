import { DEFAULT_INTER_BYTE_TIMEOUT_MS } from '../../../core/contracts/rating.js';
import {
  type FramingAdapter,
  type FramingStats,
  isValidKey,
  type KeyPress,
  SilenceTimer,
} from './framing.js';

export const STX = 0x02;
export const ETX = 0x03;
export const FRAME_LENGTH = 5;

/** XOR of every byte from the address through ETX. */
export function stxEtxChecksum(address: number, key: number): number {
  return (address ^ key ^ ETX) & 0xff;
}

/** Builds one frame: `02 <address> <key> 03 <address^key^03>` (for tests, docs and box firmware). */
export function encodeStxEtx(address: number, key: number): Buffer {
  return Buffer.from([STX, address & 0xff, key & 0xff, ETX, stxEtxChecksum(address, key)]);
}

/**
 * Fixed 5-byte binary frames for several boxes on one RS-485 bus:
 * `STX(0x02) ADDRESS(0x00–0xFF) KEY(0x01–0x10) ETX(0x03) BCC` with BCC = ADDRESS ^ KEY ^ ETX.
 * A candidate that fails (no ETX, bad checksum, key out of range, timed out) is dropped and the
 * search resumes at the next STX inside it, so a real frame right after noise is still found.
 * Unit of `dropped`: one rejected candidate or one run of stray bytes between frames.
 */
export class StxEtxFraming implements FramingAdapter {
  readonly name = 'stx-etx';
  private frame: number[] = [];
  private inStrayRun = false;
  private frames = 0;
  private dropped = 0;
  private readonly silence: SilenceTimer;

  constructor(opts: { interByteTimeoutMs?: number } = {}) {
    this.silence = new SilenceTimer(opts.interByteTimeoutMs ?? DEFAULT_INTER_BYTE_TIMEOUT_MS);
  }

  push(chunk: Buffer, now?: number): KeyPress[] {
    if (this.silence.expired(now)) this.reset();
    const out: KeyPress[] = [];
    for (const b of chunk) this.pushByte(b, out);
    return out;
  }

  stats(): FramingStats {
    return { frames: this.frames, dropped: this.dropped };
  }

  reset(): void {
    if (this.frame.length > 0) this.dropped++;
    this.frame = [];
    this.inStrayRun = false;
  }

  private pushByte(b: number, out: KeyPress[]): void {
    if (this.frame.length === 0 && b !== STX) {
      if (!this.inStrayRun) this.dropped++;
      this.inStrayRun = true;
      return;
    }
    this.inStrayRun = false;
    this.frame.push(b);
    if (this.frame.length < FRAME_LENGTH) return;
    const [, address = 0, key = 0, etx, bcc] = this.frame;
    if (etx === ETX && bcc === stxEtxChecksum(address, key) && isValidKey(key)) {
      this.frames++;
      out.push({ key, address });
      this.frame = [];
      return;
    }
    this.dropped++;
    const next = this.frame.indexOf(STX, 1);
    this.frame = next < 0 ? [] : this.frame.slice(next);
  }
}
