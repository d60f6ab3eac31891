import { DEFAULT_INTER_BYTE_TIMEOUT_MS } from '../../../core/contracts/rating.js';
import {
  type FramingAdapter,
  type FramingStats,
  isValidKey,
  type KeyPress,
  SilenceTimer,
} from './framing.js';

const CR = 0x0d;
const LF = 0x0a;
/** Longest line kept; a longer one is discarded up to the next line end. */
export const MAX_LINE_LENGTH = 16;
const LINE = /^K([0-9]{1,2})$/;

/**
 * ASCII lines `K<n>\r\n` (also `\n` or `\r` alone). Empty lines are ignored; any other line is
 * dropped (unit of `dropped`: one line, overlong run or timed-out partial line).
 */
export class LineFraming implements FramingAdapter {
  readonly name = 'line';
  private line: number[] = [];
  private overflow = false;
  private frames = 0;
  private dropped = 0;
  private readonly silence: SilenceTimer;

  constructor(opts: { interByteTimeoutMs?: number } = {}) {
    this.silence = new SilenceTimer(opts.interByteTimeoutMs ?? DEFAULT_INTER_BYTE_TIMEOUT_MS);
  }

  push(chunk: Buffer, now?: number): KeyPress[] {
    if (this.silence.expired(now)) this.reset();
    const out: KeyPress[] = [];
    for (const b of chunk) {
      if (b === CR || b === LF) {
        this.endLine(out);
      } else if (!this.overflow) {
        if (this.line.length < MAX_LINE_LENGTH) {
          this.line.push(b);
        } else {
          this.overflow = true;
          this.line = [];
          this.dropped++;
        }
      }
    }
    return out;
  }

  stats(): FramingStats {
    return { frames: this.frames, dropped: this.dropped };
  }

  reset(): void {
    if (this.line.length > 0) this.dropped++;
    this.line = [];
    this.overflow = false;
  }

  private endLine(out: KeyPress[]): void {
    if (this.overflow) {
      this.overflow = false;
      return;
    }
    if (this.line.length === 0) return;
    const m = LINE.exec(String.fromCharCode(...this.line));
    this.line = [];
    const key = m ? Number(m[1]) : Number.NaN;
    if (isValidKey(key)) {
      this.frames++;
      out.push({ key });
    } else {
      this.dropped++;
    }
  }
}
