/**
 * Streaming ESC/POS parser for the commands our encoder emits (and a few neighbours). Used by the
 * fake printer in tests and by the `simulated` transport to turn a job back into a picture.
 */
export type EscPosCommand =
  | { type: 'init' }
  | { type: 'cancelKanji' }
  | { type: 'raster'; mode: number; bytesPerRow: number; rows: number; data: Buffer }
  | { type: 'column'; mode: number; columns: number; data: Buffer }
  | { type: 'lineSpacing'; dots: number | null }
  | { type: 'lineFeed' }
  | { type: 'feed'; lines: number }
  | { type: 'justify'; value: number }
  | { type: 'cut'; kind: 'partial' | 'full'; feed: number }
  | { type: 'qr'; fn: number; params: Buffer }
  | { type: 'status'; n: number }
  | { type: 'unknown'; byte: number };

/** Bytes per column for ESC * modes: 0/1 = 8-dot, 32/33 = 24-dot. */
const COLUMN_BYTES: Record<number, number> = { 0: 1, 1: 1, 32: 3, 33: 3 };

type Step = { cmd: EscPosCommand; length: number } | null;

const u16 = (b: Buffer, i: number): number => b[i]! + b[i + 1]! * 256;

function parseEsc(b: Buffer, i: number): Step {
  if (b.length < i + 2) return null;
  const op = b[i + 1]!;
  if (op === 0x40) return { cmd: { type: 'init' }, length: 2 };
  if (op === 0x32) return { cmd: { type: 'lineSpacing', dots: null }, length: 2 };
  if (b.length < i + 3) return null;
  const n = b[i + 2]!;
  if (op === 0x33) return { cmd: { type: 'lineSpacing', dots: n }, length: 3 };
  if (op === 0x64) return { cmd: { type: 'feed', lines: n }, length: 3 };
  if (op === 0x61) return { cmd: { type: 'justify', value: n }, length: 3 };
  if (op === 0x2a) {
    if (b.length < i + 5) return null;
    const columns = u16(b, i + 3);
    const size = columns * (COLUMN_BYTES[n] ?? 3);
    if (b.length < i + 5 + size) return null;
    return {
      cmd: { type: 'column', mode: n, columns, data: b.subarray(i + 5, i + 5 + size) },
      length: 5 + size,
    };
  }
  return { cmd: { type: 'unknown', byte: b[i]! }, length: 1 };
}

function parseGs(b: Buffer, i: number): Step {
  if (b.length < i + 3) return null;
  const op = b[i + 1]!;
  if (op === 0x76 && b[i + 2] === 0x30) {
    if (b.length < i + 8) return null;
    const bytesPerRow = u16(b, i + 4);
    const rows = u16(b, i + 6);
    const size = bytesPerRow * rows;
    if (b.length < i + 8 + size) return null;
    const data = b.subarray(i + 8, i + 8 + size);
    return { cmd: { type: 'raster', mode: b[i + 3]!, bytesPerRow, rows, data }, length: 8 + size };
  }
  if (op === 0x56) {
    const m = b[i + 2]!;
    if (m === 0 || m === 1 || m === 48 || m === 49) {
      return { cmd: { type: 'cut', kind: m % 2 === 0 ? 'full' : 'partial', feed: 0 }, length: 3 };
    }
    if (b.length < i + 4) return null;
    return { cmd: { type: 'cut', kind: m === 65 ? 'full' : 'partial', feed: b[i + 3]! }, length: 4 };
  }
  if (op === 0x28 && b[i + 2] === 0x6b) {
    if (b.length < i + 5) return null;
    const size = u16(b, i + 3);
    if (b.length < i + 5 + size) return null;
    const body = b.subarray(i + 5, i + 5 + size);
    return { cmd: { type: 'qr', fn: body[1] ?? 0, params: body.subarray(2) }, length: 5 + size };
  }
  return { cmd: { type: 'unknown', byte: b[i]! }, length: 1 };
}

function parseOne(b: Buffer, i: number): Step {
  const byte = b[i]!;
  if (byte === 0x1b) return parseEsc(b, i);
  if (byte === 0x1d) return parseGs(b, i);
  if (byte === 0x1c) {
    if (b.length < i + 2) return null;
    if (b[i + 1] === 0x2e) return { cmd: { type: 'cancelKanji' }, length: 2 };
    return { cmd: { type: 'unknown', byte }, length: 1 };
  }
  if (byte === 0x10) {
    if (b.length < i + 3) return null;
    if (b[i + 1] === 0x04) return { cmd: { type: 'status', n: b[i + 2]! }, length: 3 };
    return { cmd: { type: 'unknown', byte }, length: 1 };
  }
  if (byte === 0x0a) return { cmd: { type: 'lineFeed' }, length: 1 };
  return { cmd: { type: 'unknown', byte }, length: 1 };
}

/** Feed it chunks as they arrive; it returns every complete command and keeps the rest. */
export class EscPosParser {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): EscPosCommand[] {
    return this.pushDetailed(chunk).map((s) => s.cmd);
  }

  /** Like push, with each command's length in bytes (to slice the raw stream per job). */
  pushDetailed(chunk: Buffer): Array<{ cmd: EscPosCommand; length: number }> {
    const b = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Array<{ cmd: EscPosCommand; length: number }> = [];
    let i = 0;
    while (i < b.length) {
      const step = parseOne(b, i);
      if (!step) break;
      out.push(step);
      i += step.length;
    }
    // Copy: command payloads above are views of `b`; the remainder must not pin a large chunk.
    this.pending = Buffer.from(b.subarray(i));
    return out;
  }

  /** Bytes of an incomplete command still waiting for more input. */
  get buffered(): number {
    return this.pending.length;
  }
}

/** Parses a whole buffer (e.g. a file written by the `file:` transport). */
export function parseEscPos(bytes: Buffer): { commands: EscPosCommand[]; leftover: number } {
  const parser = new EscPosParser();
  const commands = parser.push(bytes);
  return { commands, leftover: parser.buffered };
}
