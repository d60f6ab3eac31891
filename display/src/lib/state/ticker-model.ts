/**
 * The lobby ticker: slogan lists (e.g. "4 xin, 4 luôn") shown a few items at a time, announcements,
 * and the hotline, rotated one page at a time. Pure: the store only advances an index on a timer.
 */
import type { DisplaySettings } from '../../../../core/contracts/display-defaults.js';

export interface TickerPage {
  kind: 'slogan' | 'announcement' | 'hotline';
  /** short heading in the gold box ("4 xin, 4 luôn", "Thông báo") */
  title: string;
  /** slogan items shown side by side */
  items: string[];
  /** long text scrolls instead of wrapping */
  scroll: boolean;
}

export interface TickerLabels {
  announcement: string;
  hotline: string;
}

/** Items per slogan page, and the most characters a page may hold before it splits. */
const PAGE_ITEMS = 4;
const PAGE_CHARS = 72;
/** Text longer than this scrolls. */
export const SCROLL_CHARS = 80;
const MAX_PAGES = 60;

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function chunk(items: string[]): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let chars = 0;
  for (const item of items) {
    if (page.length && (page.length >= PAGE_ITEMS || chars + item.length > PAGE_CHARS)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(item);
    chars += item.length;
  }
  if (page.length) pages.push(page);
  return pages;
}

function activeOn(day: string, a: { from: string | null; to: string | null }): boolean {
  return (a.from === null || a.from <= day) && (a.to === null || day <= a.to);
}

/** Pages for today (`day` = YYYY-MM-DD in the centre's zone). */
export function tickerPages(s: DisplaySettings, hotline: string, day: string, l: TickerLabels): TickerPage[] {
  const pages: TickerPage[] = [];
  for (const list of s.sloganLists) {
    if (!list.active) continue;
    const items = list.items.map(clean).filter(Boolean);
    for (const group of chunk(items)) {
      const scroll = group.length === 1 && (group[0]?.length ?? 0) > SCROLL_CHARS;
      pages.push({ kind: 'slogan', title: clean(list.title), items: group, scroll });
    }
  }
  for (const a of s.announcements) {
    const text = clean(a.text);
    if (text && activeOn(day, a)) {
      pages.push({
        kind: 'announcement',
        title: l.announcement,
        items: [text],
        scroll: text.length > SCROLL_CHARS,
      });
    }
  }
  const phone = clean(hotline);
  if (s.showHotline && phone)
    pages.push({ kind: 'hotline', title: l.hotline, items: [phone], scroll: false });
  return pages.slice(0, MAX_PAGES);
}

/** How long a page stays: the setting, or longer for scrolling text (about 12 characters a second). */
export function pageDurationMs(page: TickerPage | undefined, tickerSeconds: number): number {
  const base = tickerSeconds * 1000;
  if (!page?.scroll) return base;
  const chars = page.items.join(' ').length;
  return Math.max(base, Math.round((chars / 12) * 1000) + 2000);
}

export function nextPageIndex(index: number, count: number): number {
  return count <= 0 ? 0 : (index + 1) % count;
}
