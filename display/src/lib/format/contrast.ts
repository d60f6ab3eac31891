/**
 * WCAG 2 contrast for service colours: white text needs 4.5:1 on its background, so a light service
 * colour chosen by an admin is darkened (same hue) until it passes.
 */
export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
/** Used when a colour is missing or malformed. */
export const FALLBACK_SERVICE_COLOUR = '#1f4e8c';

/** The colour itself when white text on it reaches `min`, else the same hue darkened just enough. */
export function readableOnWhiteText(hex: string, min = 4.5): string {
  const rgb = parseHex(hex) ?? parseHex(FALLBACK_SERVICE_COLOUR)!;
  for (let k = 1; k > 0; k -= 0.02) {
    const c: Rgb = [rgb[0] * k, rgb[1] * k, rgb[2] * k];
    const rounded = parseHex(toHex(c))!;
    if (contrastRatio(WHITE, rounded) >= min) return toHex(rounded);
  }
  return '#000000';
}

const cache = new Map<string, string>();

/** Memoised `readableOnWhiteText` (a handful of service colours per site). */
export function serviceBackground(hex: string | undefined): string {
  const key = hex ?? '';
  let v = cache.get(key);
  if (v === undefined) {
    v = readableOnWhiteText(key || FALLBACK_SERVICE_COLOUR);
    if (cache.size > 64) cache.clear();
    cache.set(key, v);
  }
  return v;
}
