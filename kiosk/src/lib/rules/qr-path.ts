/** The part of a QR symbol this app needs: its size and one byte per module (1 = dark). */
export interface QrModules {
  size: number;
  data: ArrayLike<number | boolean>;
}

/**
 * An SVG path drawing the dark modules, one horizontal run at a time, offset by a quiet zone of
 * `margin` modules: `viewBox="0 0 {size + 2·margin} {size + 2·margin}"`.
 */
export function qrPath(m: QrModules, margin = 2): string {
  const parts: string[] = [];
  for (let y = 0; y < m.size; y++) {
    let x = 0;
    while (x < m.size) {
      if (!m.data[y * m.size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < m.size && m.data[y * m.size + x]) x++;
      parts.push(`M${start + margin} ${y + margin}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
