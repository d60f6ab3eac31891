import QRCode from 'qrcode';
import { fillRect, type MonoBitmap } from './mono-bitmap.js';

/** A QR symbol as a square grid of modules (true = dark), without quiet zone. */
export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

/** Quiet zone the standard asks for, in modules on each side. */
export const QR_QUIET_MODULES = 4;

const cache = new Map<string, QrMatrix>();

/** Encodes `text` at error-correction level M (cached: a ticket's URL differs only in its id). */
export function qrMatrix(text: string): QrMatrix {
  let m = cache.get(text);
  if (!m) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    m = { size: modules.size, dark: (r, c) => modules.get(r, c) === 1 };
    if (cache.size > 64) cache.clear();
    cache.set(text, m);
  }
  return m;
}

/** Side in px of the QR including its quiet zone. */
export function qrSide(matrix: QrMatrix, modulePx: number): number {
  return (matrix.size + 2 * QR_QUIET_MODULES) * modulePx;
}

/**
 * Draws the QR as crisp black squares with its top-left quiet-zone corner at (x, y). The quiet
 * zone itself is left white, so the caller must keep that area free.
 */
export function drawQr(bm: MonoBitmap, matrix: QrMatrix, x: number, y: number, modulePx: number): void {
  const ox = x + QR_QUIET_MODULES * modulePx;
  const oy = y + QR_QUIET_MODULES * modulePx;
  for (let r = 0; r < matrix.size; r++) {
    for (let c = 0; c < matrix.size; c++) {
      if (matrix.dark(r, c)) fillRect(bm, ox + c * modulePx, oy + r * modulePx, modulePx, modulePx);
    }
  }
}
