import type { PrinterSettings } from '../../core/contracts/printing.js';
import { bytesPerRow, type MonoBitmap } from './mono-bitmap.js';

/**
 * A small, pure ESC/POS encoder: only what a raster ticket needs. Every command is golden-byte
 * tested. Text is never sent as characters (Vietnamese code pages differ between clones): the
 * whole ticket is an image.
 */

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;

/** Cheap printers' input buffers overflow on taller GS v 0 images. */
export const MAX_BAND_ROWS = 255;

const lo = (n: number): number => n & 0xff;
const hi = (n: number): number => (n >> 8) & 0xff;

/** ESC @: reset the printer to its power-on settings. */
export const init = (): Buffer => Buffer.from([ESC, 0x40]);

/** FS .: leave Kanji/Chinese double-byte mode (some clones start in it). */
export const cancelKanji = (): Buffer => Buffer.from([FS, 0x2e]);

/** ESC d n: print and feed n lines. */
export function feedLines(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed lines must be 0–255, got ${n}`);
  return Buffer.from([ESC, 0x64, n]);
}

/** GS V 66 n (feed to the cutter + n, partial cut) or GS V 65 n (feed, full cut). */
export function cut(kind: 'partial' | 'full', feed = 0): Buffer {
  return Buffer.from([GS, 0x56, kind === 'partial' ? 66 : 65, feed & 0xff]);
}

/** ESC a n: 0 left, 1 centre, 2 right. */
export const justify = (n: 0 | 1 | 2): Buffer => Buffer.from([ESC, 0x61, n]);

/** DLE EOT n (n = 1…4): real-time status request; the printer answers one byte. */
export function statusRequest(n: 1 | 2 | 3 | 4): Buffer {
  return Buffer.from([DLE, EOT, n]);
}

/** GS v 0 0 xL xH yL yH + rows, in bands of at most 255 rows. */
export function rasterImage(bm: MonoBitmap, maxBandRows = MAX_BAND_ROWS): Buffer {
  const stride = bytesPerRow(bm);
  const parts: Buffer[] = [];
  for (let top = 0; top < bm.height; top += maxBandRows) {
    const rows = Math.min(maxBandRows, bm.height - top);
    parts.push(Buffer.from([GS, 0x76, 0x30, 0x00, lo(stride), hi(stride), lo(rows), hi(rows)]));
    parts.push(Buffer.from(bm.data.buffer, bm.data.byteOffset + top * stride, rows * stride));
  }
  return Buffer.concat(parts);
}

/** One 24-dot column strip (ESC * 33): 3 bytes per column, top byte first, MSB = top dot. */
function columnStrip(bm: MonoBitmap, top: number): Buffer {
  const stride = bytesPerRow(bm);
  const out = Buffer.alloc(5 + bm.width * 3);
  out.set([ESC, 0x2a, 33, lo(bm.width), hi(bm.width)]);
  for (let x = 0; x < bm.width; x++) {
    const byteIndex = x >> 3;
    const mask = 0x80 >> (x & 7);
    for (let dot = 0; dot < 24; dot++) {
      const y = top + dot;
      if (y < bm.height && (bm.data[y * stride + byteIndex]! & mask) !== 0) {
        out[5 + x * 3 + (dot >> 3)]! |= 0x80 >> (dot & 7);
      }
    }
  }
  return out;
}

/**
 * ESC * 33 24-dot double-density fallback for printers without GS v 0: line spacing 24 dots
 * (ESC 3 24), one strip + LF per 24 rows (the last one padded white), then the default spacing.
 */
export function columnImage(bm: MonoBitmap): Buffer {
  const parts: Buffer[] = [Buffer.from([ESC, 0x33, 24])];
  for (let top = 0; top < bm.height; top += 24) parts.push(columnStrip(bm, top), Buffer.from([LF]));
  parts.push(Buffer.from([ESC, 0x32]));
  return Buffer.concat(parts);
}

const qrFn = (fn: number, ...params: number[]): Buffer =>
  Buffer.from([GS, 0x28, 0x6b, lo(params.length + 2), hi(params.length + 2), 0x31, fn, ...params]);

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/**
 * Native QR with GS ( k: model 2, module size, error correction, store data, print.
 * pL pH = data length + 3 (cn, fn, m).
 */
export function nativeQr(data: string, moduleSize = 6, level: QrErrorLevel = 'M'): Buffer {
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length > 7089) throw new RangeError('QR data too long');
  if (moduleSize < 1 || moduleSize > 16) throw new RangeError('QR module size must be 1–16');
  const store = Buffer.concat([
    Buffer.from([GS, 0x28, 0x6b, lo(bytes.length + 3), hi(bytes.length + 3), 0x31, 0x50, 0x30]),
    bytes,
  ]);
  return Buffer.concat([
    qrFn(0x41, 0x32, 0x00),
    qrFn(0x43, moduleSize),
    qrFn(0x45, 0x30 + 'LMQH'.indexOf(level)),
    store,
    qrFn(0x51, 0x30),
  ]);
}

export interface TicketJobOptions {
  /** With settings.nativeQr: data of the QR printed (centred) after the image. */
  qrData?: string;
}

/** One whole ticket: ESC @, FS ., image (raster or column), [native QR], feed, cut. */
export function encodeTicketJob(
  bm: MonoBitmap,
  settings: PrinterSettings,
  options: TicketJobOptions = {},
): Buffer {
  const parts = [init(), cancelKanji(), settings.mode === 'column' ? columnImage(bm) : rasterImage(bm)];
  if (settings.nativeQr && options.qrData) parts.push(justify(1), nativeQr(options.qrData), justify(0));
  parts.push(feedLines(settings.feedLines));
  if (settings.cut !== 'none') parts.push(cut(settings.cut));
  return Buffer.concat(parts);
}
