import { describe, expect, it } from 'vitest';
import {
  addRating,
  durationStats,
  idleMs,
  type MinuteHistogram,
  minuteOf,
  percentileMinutes,
  type RatingCounts,
  satisfaction,
  serviceLevel,
} from '../../core/domain/metrics.js';
import {
  counterActivity,
  DEFAULT_WAIT_TARGET_MINUTES,
  deviceAlerts,
  waitAlerts,
  waitTarget,
} from '../../core/domain/metrics-live.js';
import { DEFAULT_RATING_SCALE, RATING_SCALE_PRESETS } from '../../core/domain/rating.js';

const hist = (minutes: number[]): MinuteHistogram => {
  const h: MinuteHistogram = new Map();
  for (const m of minutes) h.set(m, (h.get(m) ?? 0) + 1);
  return h;
};

describe('percentiles over whole minutes (nearest rank)', () => {
  it.each([
    [[5, 8, 10], 0.5, 8],
    [[5, 8, 10], 0.9, 10],
    [[13, 40], 0.5, 13],
    [[13, 40], 0.9, 40],
    [[5, 8, 10, 13, 15, 40], 0.5, 10],
    [[5, 8, 10, 13, 15, 40], 0.9, 40],
    [[7], 0.5, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
  ])('%j p%s → %s', (values, p, want) => {
    expect(percentileMinutes(hist(values), p)).toBe(want);
  });

  it('is null with no data; durations are floored to the minute and capped at a day', () => {
    expect(percentileMinutes(new Map(), 0.5)).toBeNull();
    expect([minuteOf(59_999), minuteOf(60_000), minuteOf(-5), minuteOf(3 * 86_400_000)]).toEqual([
      0, 1, 0, 1440,
    ]);
  });

  it('gives averages and maxima to the second and percentiles in whole minutes', () => {
    const stats = durationStats({ count: 3, sumMs: 1_380_000, maxMs: 600_000 }, hist([5, 8, 10]));
    expect(stats).toEqual({ count: 3, avgS: 460, medianS: 480, p90S: 600, maxS: 600 });
    expect(durationStats({ count: 0, sumMs: 0, maxMs: null }, new Map())).toEqual({
      count: 0,
      avgS: null,
      medianS: null,
      p90S: null,
      maxS: null,
    });
  });
});

describe('service level', () => {
  it('counts first calls made before the target (strictly under it)', () => {
    expect(serviceLevel(hist([5, 8, 10, 13, 15, 40]), 30)).toEqual({
      within: 5,
      total: 6,
      rate: 5 / 6,
      targetMinutes: 30,
    });
    expect(serviceLevel(hist([29, 30]), 30)).toMatchObject({ within: 1, total: 2 });
    expect(serviceLevel(new Map(), 30).rate).toBeNull();
  });
});

describe('satisfaction rate', () => {
  it('uses the site scale and its satisfied levels', () => {
    const c: RatingCounts = new Map();
    for (const [lv, n] of [
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ])
      addRating(c, 4, lv as number, n as number);
    expect(satisfaction(c, DEFAULT_RATING_SCALE)).toEqual({
      counts: { 1: 1, 2: 1, 3: 1, 4: 1 },
      valid: 4,
      satisfied: 2,
      rate: 0.5,
    });
  });

  it('judges ratings given on an older scale by that scale, listing only the current levels', () => {
    const c: RatingCounts = new Map();
    addRating(c, 4, 1, 3);
    addRating(c, 2, 1, 1); // "Hài lòng" on the two-button scale
    addRating(c, 2, 2, 1); // "Không hài lòng"
    const r = satisfaction(c, RATING_SCALE_PRESETS[4]);
    expect(r).toEqual({ counts: { 1: 3, 2: 0, 3: 0, 4: 0 }, valid: 5, satisfied: 4, rate: 0.8 });
  });

  it('is null without ratings', () => {
    expect(satisfaction(new Map(), DEFAULT_RATING_SCALE).rate).toBeNull();
  });
});

describe('idle time', () => {
  it.each([
    [13_800, 1_620, 0, 12_180],
    [12_600, 1_860, 600, 10_140],
    [100, 80, 40, 0],
  ])('logged %s − serving %s − paused %s = %s', (l, s, p, want) => {
    expect(idleMs(l, s, p)).toBe(want);
  });
});

describe('live dashboard rules', () => {
  it.each([
    [{ official: null, paused: null, current: null }, 'closed'],
    [{ official: {}, paused: null, current: {} }, 'serving'],
    [{ official: {}, paused: {}, current: null }, 'paused'],
    [{ official: {}, paused: null, current: null }, 'idle'],
  ] as const)('%j is %s', (c, want) => {
    expect(counterActivity(c)).toBe(want);
  });

  it('alerts on services whose oldest ticket waited the target or longer, longest first', () => {
    const now = 10 * 3_600_000;
    const alerts = waitAlerts(
      [
        { service: 'HT', waiting: 2, oldestIssuedAt: now - 31 * 60_000 },
        { service: 'CT', waiting: 1, oldestIssuedAt: now - 29 * 60_000 },
        { service: 'DD', waiting: 3, oldestIssuedAt: now - 50 * 60_000 },
        { service: 'XH', waiting: 0, oldestIssuedAt: null },
      ],
      now,
      30,
    );
    expect(alerts.map((a) => (a.kind === 'longWait' ? [a.service, a.waitedMinutes] : null))).toEqual([
      ['DD', 50],
      ['HT', 31],
    ]);
  });

  it('alerts on devices that are not working, as /api/health judges them', () => {
    const devices = [
      'ok',
      'connected',
      'disabled',
      'unknown',
      'paperOut',
      'offline',
      'disconnected',
      'paperNearEnd',
    ].map((state) => ({ id: state, name: state, state }));
    expect(deviceAlerts(devices).map((a) => (a.kind === 'deviceDown' ? a.state : ''))).toEqual([
      'paperOut',
      'offline',
      'disconnected',
      'paperNearEnd',
    ]);
  });

  it('reads the wait target from settings, whole minutes 1..600, else 30', () => {
    expect([waitTarget(45), waitTarget(0), waitTarget('x'), waitTarget(null), waitTarget(12.5)]).toEqual([
      45,
      DEFAULT_WAIT_TARGET_MINUTES,
      30,
      30,
      30,
    ]);
  });
});
