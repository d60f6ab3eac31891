import { PNG } from 'pngjs';

/** A 1-bit image as thermal printers take it: rows MSB-first, 1 = black, bytesPerRow = width / 8. */
export interface MonoBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export function bytesPerRow(bm: { width: number }): number {
  return Math.ceil(bm.width / 8);
}

export function createBitmap(width: number, height: number): MonoBitmap {
  return { width, height, data: new Uint8Array(Math.ceil(width / 8) * height) };
}

export function getPixel(bm: MonoBitmap, x: number, y: number): boolean {
  return ((bm.data[y * bytesPerRow(bm) + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}

/** Sets a rectangle black (clipped to the bitmap). */
export function fillRect(bm: MonoBitmap, x: number, y: number, w: number, h: number): void {
  const stride = bytesPerRow(bm);
  const x0 = Math.max(0, x);
  const x1 = Math.min(bm.width, x + w);
  const y1 = Math.min(bm.height, y + h);
  for (let yy = Math.max(0, y); yy < y1; yy++) {
    const row = yy * stride;
    for (let xx = x0; xx < x1; xx++) bm.data[row + (xx >> 3)]! |= 0x80 >> (xx & 7);
  }
}

/** RGBA pixels → 1 bit by threshold: luminance < 128 is black (no dithering: text and QR only). */
export function thresholdRgba(rgba: Uint8Array, width: number, height: number): MonoBitmap {
  const bm = createBitmap(width, height);
  const stride = bytesPerRow(bm);
  const out = bm.data;
  for (let y = 0; y < height; y++) {
    let src = y * width * 4;
    const row = y * stride;
    for (let bx = 0; bx < stride; bx++) {
      let byte = 0;
      const n = Math.min(8, width - bx * 8);
      for (let b = 0; b < n; b++) {
        // ITU-R BT.601 luma in integers; alpha is always 255 (opaque white background).
        const luma = rgba[src]! * 299 + rgba[src + 1]! * 587 + rgba[src + 2]! * 114;
        if (luma < 128_000) byte |= 0x80 >> b;
        src += 4;
      }
      out[row + bx] = byte;
    }
  }
  return bm;
}

/** Encodes a bitmap as a grey PNG (black on white), for the ticket preview and the simulated printer. */
export function bitmapToPng(bm: MonoBitmap): Buffer {
  const png = new PNG({ width: bm.width, height: Math.max(1, bm.height), colorType: 0, inputColorType: 0 });
  const grey = Buffer.alloc(bm.width * Math.max(1, bm.height), 255);
  for (let y = 0; y < bm.height; y++) {
    for (let x = 0; x < bm.width; x++) if (getPixel(bm, x, y)) grey[y * bm.width + x] = 0;
  }
  return PNG.sync.write(Object.assign(png, { data: grey }), { colorType: 0, inputColorType: 0, bitDepth: 8 });
}

/** Decodes a PNG back to 1 bit (luminance < 128 is black). */
export function pngToBitmap(png: Buffer): MonoBitmap {
  const img = PNG.sync.read(png);
  return thresholdRgba(img.data, img.width, img.height);
}

/** Number of pixels that differ; bitmaps of different sizes compare over their union (missing = white). */
export function countDifferentPixels(a: MonoBitmap, b: MonoBitmap): number {
  const w = Math.max(a.width, b.width);
  const h = Math.max(a.height, b.height);
  let diff = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const pa = x < a.width && y < a.height && getPixel(a, x, y);
      const pb = x < b.width && y < b.height && getPixel(b, x, y);
      if (pa !== pb) diff++;
    }
  }
  return diff;
}
