/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const v = Number.parseInt(hex.slice(1, 7), 16);
  const ch = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * The service colour, darkened just enough that white text on it reads at ≥ 4.5:1 (WCAG AA), so a
 * light colour chosen in the console never gives a kiosk button that elderly eyes cannot read.
 */
export function readableBackground(hex: string, minRatio = 4.5): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return '#1f2937';
  const v = Number.parseInt(hex.slice(1), 16);
  let rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  let out = hex.toLowerCase();
  for (let i = 0; i < 40 && contrastWithWhite(out) < minRatio; i++) {
    rgb = rgb.map((c) => Math.floor(c * 0.93));
    out = `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
  return out;
}
