import { addDays, localParts } from '../../../../core/domain/local-time.js';
import type { Strings } from '../../i18n/vi.js';

const two = (n: number) => String(n).padStart(2, '0');

/** "07:30" in the site's zone. */
export function clockText(ms: number, timeZone: string): string {
  const { minutes } = localParts(ms, timeZone);
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/**
 * When something happens, said the way people say it: "lúc 13:30 hôm nay", "lúc 07:30 ngày mai",
 * "lúc 07:30, Thứ Hai 15/09" — always in the site's zone, whatever the kiosk's own clock zone is.
 */
export function whenText(atMs: number, nowMs: number, timeZone: string, w: Strings['when']): string {
  const at = localParts(atMs, timeZone);
  const today = localParts(nowMs, timeZone).day;
  const hm = clockText(atMs, timeZone);
  if (at.day === today) return w.today(hm);
  if (at.day === addDays(today, 1)) return w.tomorrow(hm);
  const [, m, d] = at.day.split('-');
  return w.later(hm, w.weekdays[at.weekday] ?? '', `${d}/${m}`);
}
