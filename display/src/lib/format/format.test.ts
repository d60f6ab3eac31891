import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, readableOnWhiteText, serviceBackground } from './contrast.js';
import { formatClock, formatLongDate, localDayOf, msToNextMinute } from './vn-time.js';

const HCM = 'Asia/Ho_Chi_Minh';

describe('Vietnamese dates in the centre zone', () => {
  it('names the weekday in Vietnamese and pads day and month', () => {
    // 2026-11-23 01:30 UTC = 08:30 Monday in Hồ Chí Minh City
    const t = Date.UTC(2026, 10, 23, 1, 30);
    expect(formatLongDate(t, HCM)).toBe('Thứ Hai, 23/11/2026');
    expect(formatLongDate(t, HCM, 'en')).toBe('Monday, 23/11/2026');
    expect(formatClock(t, HCM)).toBe('08:30');
    expect(localDayOf(t, HCM)).toBe('2026-11-23');
  });
  it('uses the zone, not UTC, across midnight', () => {
    const t = Date.UTC(2026, 10, 22, 17, 5); // 00:05 Monday local
    expect(formatLongDate(t, HCM)).toBe('Thứ Hai, 23/11/2026');
    expect(formatClock(t, HCM)).toBe('00:05');
  });
  it.each([
    [0, 'Chủ Nhật'],
    [6, 'Thứ Bảy'],
  ])('weekday %i is %s', (offsetDays, name) => {
    const sunday = Date.UTC(2026, 10, 22, 3, 0);
    expect(formatLongDate(sunday + offsetDays * 86_400_000, HCM).startsWith(name)).toBe(true);
  });
  it('counts to the next minute', () => {
    expect(msToNextMinute(Date.UTC(2026, 0, 1, 0, 0, 59, 500))).toBe(500);
    expect(msToNextMinute(Date.UTC(2026, 0, 1, 0, 1, 0, 0))).toBe(60_000);
  });
});

describe('service colours under white text', () => {
  const white = parseHex('#ffffff')!;
  it.each(['#1565C0', '#2E7D32', '#E65100', '#6A1B9A', '#FFEB3B', '#00BCD4', '#ffffff', 'nonsense'])(
    '%s reaches 4.5:1',
    (hex) => {
      const bg = readableOnWhiteText(hex);
      expect(contrastRatio(white, parseHex(bg)!)).toBeGreaterThanOrEqual(4.5);
    },
  );
  it('keeps colours that already pass and darkens those that do not', () => {
    expect(readableOnWhiteText('#1565C0')).toBe('#1565c0');
    expect(readableOnWhiteText('#E65100')).not.toBe('#e65100');
  });
  it('memoises', () => {
    expect(serviceBackground('#E65100')).toBe(readableOnWhiteText('#E65100'));
    expect(serviceBackground(undefined)).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('theme colours (theme.css) meet WCAG AA for their text', () => {
  it.each([
    ['gold on red header', '#ffd54a', '#b0121b'],
    ['white on dark red ticker', '#ffffff', '#7e0c12'],
    ['dark red on gold ticker title', '#4a0a0d', '#ffd54a'],
    ['white on navy', '#ffffff', '#0a1d3c'],
    ['muted on panel', '#d3def3', '#143462'],
    ['gold on navy board', '#ffd54a', '#0f2a55'],
    ['dark on amber "Tạm nghỉ"', '#1b1b1b', '#ffb300'],
    ['white on offline badge', '#ffffff', '#c62828'],
    ['white on thanks band', '#ffffff', '#1b5e20'],
    ['dark red on gold rating prompt', '#3a0a0c', '#ffd54a'],
  ])('%s', (_name, fg, bg) => {
    expect(contrastRatio(parseHex(fg)!, parseHex(bg)!)).toBeGreaterThanOrEqual(4.5);
  });
});
