import type { EscPosCommand } from './escpos-parse.js';
import { createBitmap, type MonoBitmap } from './mono-bitmap.js';

/** One ticket as a printer would have printed it: the image rebuilt from raster bands / strips. */
export interface DecodedJob {
  /** Raster bands and column strips stacked top to bottom (feeds are not part of the image). */
  image: MonoBitmap;
  rasterBands: number[];
  columnStrips: number;
  initSeen: boolean;
  cancelKanjiSeen: boolean;
  lineSpacing: number | null;
  feedLines: number;
  cut: 'partial' | 'full' | null;
  /** Data stored with GS ( k fn 80, and whether fn 81 printed it. */
  qr: { data: string; printed: boolean; moduleSize?: number; errorLevel?: number } | null;
  unknownBytes: number;
}

interface Slice {
  width: number;
  rows: number;
  /** MSB-first rows of `ceil(width/8)` bytes */
  data: Uint8Array;
}

/** ESC * 24-dot strip (3 bytes per column, MSB = top) → 24 raster rows. */
function stripToRows(columns: number, data: Buffer, bytesPerColumn: number): Slice {
  const dots = bytesPerColumn * 8;
  const stride = Math.ceil(columns / 8);
  const rows = new Uint8Array(stride * dots);
  for (let x = 0; x < columns; x++) {
    for (let dot = 0; dot < dots; dot++) {
      const byte = data[x * bytesPerColumn + (dot >> 3)] ?? 0;
      if (byte & (0x80 >> (dot & 7))) rows[dot * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: columns, rows: dots, data: rows };
}

function stack(slices: readonly Slice[]): MonoBitmap {
  const width = Math.max(0, ...slices.map((s) => s.width));
  const height = slices.reduce((h, s) => h + s.rows, 0);
  const bm = createBitmap(width, height);
  const stride = Math.ceil(width / 8);
  let y = 0;
  for (const s of slices) {
    const src = Math.ceil(s.width / 8);
    for (let r = 0; r < s.rows; r++) bm.data.set(s.data.subarray(r * src, r * src + src), (y + r) * stride);
    y += s.rows;
  }
  return bm;
}

/** Collects commands into jobs: a job starts at ESC @ (or the first command) and ends at a cut. */
export class JobAssembler {
  private slices: Slice[] = [];
  private job: Omit<DecodedJob, 'image'> | null = null;
  readonly finished: DecodedJob[] = [];

  private current(): Omit<DecodedJob, 'image'> {
    this.job ??= {
      rasterBands: [],
      columnStrips: 0,
      initSeen: false,
      cancelKanjiSeen: false,
      lineSpacing: null,
      feedLines: 0,
      cut: null,
      qr: null,
      unknownBytes: 0,
    };
    return this.job;
  }

  /** Returns the job this command completed (a cut; or ESC @ after content ends the previous job). */
  add(cmd: EscPosCommand): DecodedJob | null {
    if (cmd.type === 'status') return null;
    const previous = cmd.type === 'init' && this.job && this.hasContent() ? this.flush() : null;
    const job = this.current();
    switch (cmd.type) {
      case 'init':
        job.initSeen = true;
        break;
      case 'cancelKanji':
        job.cancelKanjiSeen = true;
        break;
      case 'raster':
        job.rasterBands.push(cmd.rows);
        this.slices.push({ width: cmd.bytesPerRow * 8, rows: cmd.rows, data: cmd.data });
        break;
      case 'column':
        job.columnStrips++;
        this.slices.push(stripToRows(cmd.columns, cmd.data, cmd.mode >= 32 ? 3 : 1));
        break;
      case 'lineSpacing':
        job.lineSpacing = cmd.dots;
        break;
      case 'feed':
        job.feedLines += cmd.lines;
        break;
      case 'qr':
        this.qr(job, cmd.fn, cmd.params);
        break;
      case 'unknown':
        job.unknownBytes++;
        break;
      case 'cut':
        job.cut = cmd.kind;
        return this.flush();
    }
    return previous;
  }

  private qr(job: Omit<DecodedJob, 'image'>, fn: number, params: Buffer): void {
    job.qr ??= { data: '', printed: false };
    if (fn === 0x50) job.qr.data = params.subarray(1).toString('utf8');
    if (fn === 0x51) job.qr.printed = true;
    if (fn === 0x43) job.qr.moduleSize = params[0];
    if (fn === 0x45) job.qr.errorLevel = params[0];
  }

  private hasContent(): boolean {
    return this.slices.length > 0 || (this.job?.feedLines ?? 0) > 0 || this.job?.qr != null;
  }

  /** Ends the current job (at a cut, or when the connection closes). */
  flush(): DecodedJob | null {
    if (!this.job) return null;
    const done: DecodedJob = { ...this.job, image: stack(this.slices) };
    this.job = null;
    this.slices = [];
    this.finished.push(done);
    return done;
  }
}
