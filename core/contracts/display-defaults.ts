/**
 * Default lobby/counter screen settings, kept free of schema code so the display app can import them
 * without bundling TypeBox. The schema lives in `display.ts`.
 */

/** A named list of slogans rotated in the lobby ticker (e.g. "4 xin, 4 luôn"). */
export interface SloganList {
  title: string;
  items: string[];
  active: boolean;
}

/** A notice shown in the ticker, optionally only between two local days (YYYY-MM-DD, inclusive). */
export interface DisplayAnnouncement {
  text: string;
  from: string | null;
  to: string | null;
}

export interface DisplaySettings {
  sloganLists: SloganList[];
  announcements: DisplayAnnouncement[];
  /** How long the newest call stays highlighted. */
  highlightSeconds: number;
  /** Calls listed under "Vừa gọi". */
  recentCount: number;
  /** How long each ticker item stays on screen. */
  tickerSeconds: number;
  /** Counter screens return to idle this long after a rating prompt or thanks. */
  ratingIdleSeconds: number;
  /** Flash the highlighted call (for deaf and hard-of-hearing citizens). */
  flash: boolean;
  /** Add "Đường dây nóng: <hotline>" to the ticker. */
  showHotline: boolean;
}

/** QĐ 1847/QĐ-TTg: the national "4 xin, 4 luôn" code of conduct for officials. */
export const FOUR_XIN_FOUR_LUON: Readonly<SloganList> = Object.freeze({
  title: '4 xin, 4 luôn',
  items: [
    'Xin chào',
    'Xin lỗi',
    'Xin cảm ơn',
    'Xin phép',
    'Luôn mỉm cười',
    'Luôn nhẹ nhàng',
    'Luôn lắng nghe',
    'Luôn giúp đỡ',
  ],
  active: true,
});

export const DEFAULT_DISPLAY_SETTINGS: Readonly<DisplaySettings> = Object.freeze({
  sloganLists: [FOUR_XIN_FOUR_LUON],
  announcements: [],
  highlightSeconds: 20,
  recentCount: 8,
  tickerSeconds: 8,
  ratingIdleSeconds: 30,
  flash: true,
  showHotline: true,
});

/** The `settings` table key (per site) holding a partial DisplaySettings as JSON. */
export const DISPLAY_SETTINGS_KEY = 'display';
