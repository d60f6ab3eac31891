import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPLAY_SETTINGS,
  type DisplaySettings,
} from '../../../../core/contracts/display-defaults.js';
import { counter, service, snapshot, T0 } from './fixtures.test-helpers.js';
import { EMPTY_MODEL, onSnapshot } from './queue-model.js';
import {
  IDLE,
  onRatingReceived,
  onRatingRequested,
  onRatingTick,
  ratingCounter,
  THANKS_MS,
} from './rating-model.js';
import { boardColumns, counterMode, shortCounterName, visibleServices } from './selectors.js';
import { nextPageIndex, pageDurationMs, tickerPages } from './ticker-model.js';

const L = { announcement: 'Thông báo', hotline: 'Đường dây nóng' };

describe('rating prompt', () => {
  it.each([
    [{ counter: 2 }, 2],
    [{ counter: '3' }, 3],
    [{ counter: 0 }, null],
    [{}, null],
    [null, null],
    ['2', null],
  ])('counter of %j is %s', (payload, expected) => {
    expect(ratingCounter(payload)).toBe(expected);
  });

  it('prompts, thanks, then returns to idle by itself', () => {
    const p = onRatingRequested(1, { counter: 1, label: 'A001' }, T0, 30_000);
    expect(p).toEqual({ kind: 'prompt', until: T0 + 30_000, label: 'A001' });
    expect(onRatingTick(p!, T0 + 29_999)).toBe(p);
    expect(onRatingTick(p!, T0 + 30_000)).toEqual(IDLE);
    const th = onRatingReceived(1, { counter: 1, level: 1 }, T0 + 5_000, 30_000);
    expect(th).toEqual({ kind: 'thanks', until: T0 + 5_000 + THANKS_MS });
  });

  it('follows the server expiry (server clock), within bounds', () => {
    const exp = (ms: number) => ({ counter: 1, expiresAt: new Date(T0 + ms).toISOString() });
    expect(onRatingRequested(1, exp(45_000), T0, 30_000)).toMatchObject({ until: T0 + 45_000 });
    // the TV box runs 1 h late: the server says 45 s from its now
    expect(onRatingRequested(1, exp(3_645_000), T0, 30_000, 3_600_000)).toMatchObject({ until: T0 + 45_000 });
    expect(onRatingRequested(1, exp(-1000), T0, 30_000)).toMatchObject({ until: T0 + 5_000 });
    expect(onRatingRequested(1, exp(86_400_000), T0, 30_000)).toMatchObject({ until: T0 + 120_000 });
  });

  it('ignores other counters', () => {
    expect(onRatingRequested(1, { counter: 2 }, T0, 30_000)).toBeNull();
    expect(onRatingReceived(1, { level: 1 }, T0, 30_000)).toBeNull();
  });
});

describe('ticker', () => {
  it('shows "4 xin, 4 luôn" as two pages of four and the hotline', () => {
    const pages = tickerPages(DEFAULT_DISPLAY_SETTINGS, '0277 3 800 000', '2026-11-23', L);
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 1]);
    expect(pages[0]?.title).toBe('4 xin, 4 luôn');
    expect(pages[1]?.items[3]).toBe('Luôn giúp đỡ');
    expect(pages[2]).toMatchObject({ kind: 'hotline', items: ['0277 3 800 000'] });
  });

  it('shows dated announcements only on their days, long text scrolls, and hides inactive lists', () => {
    const long =
      'Từ ngày 01/12/2026 Trung tâm tiếp nhận hồ sơ vào sáng thứ Bảy, từ 7 giờ 30 đến 11 giờ 30. Xin cảm ơn.';
    const s: DisplaySettings = {
      ...DEFAULT_DISPLAY_SETTINGS,
      sloganLists: [{ title: 'Ẩn', items: ['x'], active: false }],
      announcements: [
        { text: 'Hôm nay', from: '2026-11-23', to: '2026-11-23' },
        { text: 'Tuần sau', from: '2026-11-30', to: null },
        { text: long, from: null, to: null },
      ],
      showHotline: false,
    };
    const pages = tickerPages(s, '1900', '2026-11-23', L);
    expect(pages.map((p) => p.items[0]?.slice(0, 8))).toEqual(['Hôm nay', long.slice(0, 8)]);
    expect(pages[1]?.scroll).toBe(true);
    expect(pageDurationMs(pages[1], 8)).toBeGreaterThan(8000);
    expect(pageDurationMs(pages[0], 8)).toBe(8000);
  });

  it('rotates', () => {
    expect(nextPageIndex(0, 3)).toBe(1);
    expect(nextPageIndex(2, 3)).toBe(0);
    expect(nextPageIndex(5, 0)).toBe(0);
  });
});

describe('selectors', () => {
  it('lists only services served by the shown counters', () => {
    const s = snapshot({ services: [service('HT'), service('CT'), service('DD')] });
    const filter = new Set([3]);
    const { model } = onSnapshot(EMPTY_MODEL, s, T0, { filter, highlightMs: 1 });
    expect(visibleServices(model, filter).map((x) => x.code)).toEqual(['DD']);
    expect(visibleServices(model, null)).toHaveLength(3);
  });
  it.each([
    [counter(1, ['HT'], { official: null }), 'closed'],
    [counter(1, ['HT'], { paused: { reason: 'Họp', since: '' } }), 'paused'],
    [counter(1), 'waiting'],
  ] as const)('counter mode %#', (c, mode) => {
    expect(counterMode(c)).toBe(mode);
  });
  it.each([
    ['Quầy 1 — Hộ tịch, chứng thực', 1, 'Hộ tịch, chứng thực'],
    ['Quầy số 12: Đất đai', 12, 'Đất đai'],
    ['Quầy 1', 1, 'Quầy 1'],
    ['Quầy 10 — Tư pháp', 1, 'Quầy 10 — Tư pháp'],
    ['Một cửa', 3, 'Một cửa'],
  ])('short name of %s', (name, n, expected) => {
    expect(shortCounterName(name, n)).toBe(expected);
  });
  it.each([
    [4, 1],
    [7, 1],
    [8, 2],
    [16, 2],
    [30, 3],
  ])('%i counters → %i columns', (n, cols) => {
    expect(boardColumns(n)).toBe(cols);
  });
});
