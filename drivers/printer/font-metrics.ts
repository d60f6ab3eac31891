import { readFileSync } from 'node:fs';

/**
 * Horizontal metrics read straight from a TrueType file (cmap + hmtx), so the renderer can measure
 * and wrap text itself (resvg does not wrap). Kerning is ignored: Noto Sans kerning only tightens
 * pairs, so measured widths err on the wide side and wrapped lines always fit.
 */
export interface FontMetrics {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  capHeight: number;
  /** Advance width in font units of a code point (missing glyphs use glyph 0's advance). */
  advance(codePoint: number): number;
  hasGlyph(codePoint: number): boolean;
  /** Width in px of `text` at `fontSize` px. */
  measure(text: string, fontSize: number): number;
}

interface Tables {
  view: DataView;
  offsets: Map<string, number>;
}

function readTables(buf: Buffer): Tables {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const offsets = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = buf.toString('latin1', rec, rec + 4);
    offsets.set(tag, view.getUint32(rec + 8));
  }
  return { view, offsets };
}

function table(t: Tables, tag: string): number {
  const off = t.offsets.get(tag);
  if (off === undefined) throw new Error(`font has no ${tag} table`);
  return off;
}

/** code point → glyph id for the BMP and beyond, from a format 4 or format 12 cmap subtable. */
function readCmap(t: Tables): Map<number, number> {
  const { view } = t;
  const cmap = table(t, 'cmap');
  const count = view.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = sub;
      bestFormat = format;
    }
  }
  if (best < 0) throw new Error('font has no Unicode cmap');
  return bestFormat === 12 ? readFormat12(view, best) : readFormat4(view, best);
}

function readFormat4(view: DataView, sub: number): Map<number, number> {
  const map = new Map<number, number>();
  const segCount = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const ranges = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(ranges + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(ranges + s * 2 + rangeOffset + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readFormat12(view: DataView, sub: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(sub + 12);
  for (let i = 0; i < groups; i++) {
    const g = sub + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    const glyph = view.getUint32(g + 8);
    for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
  }
  return map;
}

export function loadFontMetrics(path: string): FontMetrics {
  const t = readTables(readFileSync(path));
  const { view } = t;
  const unitsPerEm = view.getUint16(table(t, 'head') + 18);
  const hhea = table(t, 'hhea');
  const numHMetrics = view.getUint16(hhea + 34);
  const hmtx = table(t, 'hmtx');
  const os2 = table(t, 'OS/2');
  const capHeight = view.getUint16(os2) >= 2 ? view.getInt16(os2 + 88) : Math.round(unitsPerEm * 0.7);
  const glyphAdvance = (glyph: number): number => view.getUint16(hmtx + Math.min(glyph, numHMetrics - 1) * 4);
  const cmap = readCmap(t);
  const byCodePoint = new Map<number, number>();
  for (const [c, g] of cmap) byCodePoint.set(c, glyphAdvance(g));
  const missing = glyphAdvance(0);
  const advance = (cp: number): number => byCodePoint.get(cp) ?? missing;
  return {
    unitsPerEm,
    ascender: view.getInt16(hhea + 4),
    descender: view.getInt16(hhea + 6),
    capHeight,
    advance,
    hasGlyph: (cp) => byCodePoint.has(cp),
    measure(text, fontSize) {
      let units = 0;
      for (const ch of text) units += advance(ch.codePointAt(0) ?? 0);
      return (units * fontSize) / unitsPerEm;
    },
  };
}
