import { zoneOffsetMs } from '../../core/domain/local-time.js';

const p2 = (n: number) => String(n).padStart(2, '0');

/** "15/10/2025 09:30" in the site's zone: when a report was made. */
export function localStamp(at: number, zone: string): string {
  const d = new Date(at + zoneOffsetMs(at, zone));
  return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}
