import { zoneOffsetMs } from '../../core/domain/local-time.js';

const p2 = (n: number) => String(n).padStart(2, '0');
const TWO = Array.from({ length: 60 }, (_, i) => p2(i));
const DAY_MS = 86_400_000;

/** "15/10/2025 09:30" in the site's zone: when a report was made. */
export function localStamp(at: number, zone: string): string {
  const d = new Date(at + zoneOffsetMs(at, zone));
  return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/**
 * Local times of many instants (a year of visits): zone offsets remembered per day for the whole
 * export (the shared cache of local-time.ts would keep being emptied), digits written from a table.
 */
export class LocalClock {
  private readonly offsets = new Map<number, number>();
  private readonly dayNumbers = new Map<string, number>();
  constructor(private readonly zone: string) {}

  /** The offset at `at`: one answer per UTC day when the offset is the same all day (no transition). */
  private offset(at: number): number {
    const utcDay = Math.floor(at / DAY_MS);
    let off = this.offsets.get(utcDay);
    if (off === undefined) {
      const first = zoneOffsetMs(utcDay * DAY_MS, this.zone);
      const last = zoneOffsetMs(utcDay * DAY_MS + DAY_MS - 1, this.zone);
      if (first !== last) return zoneOffsetMs(at, this.zone);
      this.offsets.set(utcDay, first);
      off = first;
    }
    return off;
  }

  private dayNumber(day: string): number {
    let n = this.dayNumbers.get(day);
    if (n === undefined) {
      n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
      this.dayNumbers.set(day, n);
    }
    return n;
  }

  /** "HH:MM:SS" local, with "dd/mm/yyyy " in front when the instant is not on local day `day`. */
  time(at: number, day: string): string {
    const local = at + this.offset(at);
    const dayNo = Math.floor(local / DAY_MS);
    const s = Math.floor((local - dayNo * DAY_MS) / 1000);
    const hms = `${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}`;
    if (dayNo === this.dayNumber(day)) return hms;
    const iso = new Date(dayNo * DAY_MS).toISOString();
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${hms}`;
  }
}
