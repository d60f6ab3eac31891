/** Dates and times on screens, in the centre's zone (never the TV box's own zone). */
import { localParts } from '../../../../core/domain/local-time.js';

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Thứ Hai, 23/11/2026" (vi) or "Monday, 23/11/2026" (en). */
export function formatLongDate(epochMs: number, timeZone: string, lang: 'vi' | 'en' = 'vi'): string {
  const p = localParts(epochMs, timeZone);
  const [y, m, d] = p.day.split('-');
  const names = lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN;
  return `${names[p.weekday] ?? ''}, ${d}/${m}/${y}`;
}

/** "08:05" (24-hour). */
export function formatClock(epochMs: number, timeZone: string): string {
  const { minutes } = localParts(epochMs, timeZone);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** YYYY-MM-DD in the zone (for "today's calls" and dated announcements). */
export function localDayOf(epochMs: number, timeZone: string): string {
  return localParts(epochMs, timeZone).day;
}

/** Milliseconds until the next whole minute, so a clock ticks exactly on the minute. */
export function msToNextMinute(epochMs: number): number {
  return 60_000 - (((epochMs % 60_000) + 60_000) % 60_000);
}
