import { describe, expect, it } from 'vitest';
import { call, counter, iso, snapshot, T0 } from './fixtures.test-helpers.js';
import {
  addRecent,
  EMPTY_MODEL,
  MAX_RECENT,
  type ModelOptions,
  needsReload,
  onCalled,
  onCounterChanged,
  onHighlight,
  onSnapshot,
  onTick,
  onWaiting,
} from './queue-model.js';

const ALL: ModelOptions = { filter: null, highlightMs: 20_000 };
const first = (extra = {}) => onSnapshot(EMPTY_MODEL, snapshot(extra), T0, ALL);

describe('snapshot', () => {
  it('takes everything from the first snapshot, stays quiet, and keeps the loaded version', () => {
    const calls = [call('A002', 1, T0 - 5_000), call('A001', 2, T0 - 60_000)];
    const { model, missed } = first({ recentCalls: calls });
    expect(model.version).toBe('0.1.0+abc');
    expect(model.recent.map((c) => c.label)).toEqual(['A002', 'A001']);
    expect(model.centre?.name).toBe('Trung tâm Z');
    expect(missed).toEqual([]);
    expect(model.highlight).toBeNull();
  });

  it('keeps only today’s calls (centre zone)', () => {
    const yesterday = call('A099', 1, T0 - 86_400_000);
    expect(first({ recentCalls: [yesterday] }).model.recent).toEqual([]);
  });

  it('reports calls made while offline that are still fresh, oldest first', () => {
    const seen = call('A001', 1, T0 - 60_000);
    const m = first({ recentCalls: [seen] }).model;
    const stale = call('A002', 2, T0 - 50_000);
    const fresh1 = call('A003', 1, T0 - 8_000);
    const fresh2 = call('A004', 2, T0 - 2_000);
    const { missed } = onSnapshot(m, snapshot({ recentCalls: [fresh2, fresh1, stale, seen] }), T0, ALL);
    expect(missed.map((c) => c.label)).toEqual(['A003', 'A004']);
  });

  it('measures the server clock offset (a TV box with a wrong clock)', () => {
    const { model } = onSnapshot(EMPTY_MODEL, snapshot(), T0 - 3_600_000, ALL);
    expect(model.clockOffsetMs).toBe(3_600_000);
  });

  it('shows only the chosen counters', () => {
    const filter = new Set([2]);
    const calls = [call('A001', 1, T0 - 1000), call('A002', 2, T0 - 2000)];
    const { model } = onSnapshot(EMPTY_MODEL, snapshot({ recentCalls: calls }), T0, { ...ALL, filter });
    expect(model.counters.map((c) => c.number)).toEqual([2]);
    expect(model.recent.map((c) => c.label)).toEqual(['A002']);
  });

  it('drops a highlight whose call the server no longer lists', () => {
    const m = onCalled(first().model, call('A001', 1, T0), T0, ALL);
    expect(m.highlight).not.toBeNull();
    expect(onSnapshot(m, snapshot(), T0, ALL).model.highlight).toBeNull();
  });
});

describe('calls', () => {
  it('highlights, lists and shows the number at its counter at once', () => {
    const c = call('A007', 2, T0);
    const m = onCalled(first().model, c, T0, ALL);
    expect(m.highlight).toMatchObject({ call: c, until: T0 + 20_000, seq: 1 });
    expect(m.recent[0]).toEqual(c);
    expect(m.counters.find((x) => x.number === 2)?.current?.label).toBe('A007');
  });

  it('a recall highlights again (new seq) and moves the ticket to the top once', () => {
    const a = call('A001', 1, T0, false, 501);
    const b = call('B001', 2, T0 + 1000, false, 502);
    let m = onCalled(onCalled(first().model, a, T0, ALL), b, T0 + 1000, ALL);
    m = onCalled(m, { ...a, calledAt: iso(T0 + 5000), recall: true }, T0 + 5000, ALL);
    expect(m.highlight?.seq).toBe(3);
    expect(m.highlight?.call.label).toBe('A001');
    expect(m.recent.map((c) => c.label)).toEqual(['A001', 'B001']);
  });

  it('can list a call without highlighting it, and highlight it later with a new flash', () => {
    const a = call('A001', 1, T0);
    const b = call('B001', 2, T0 + 1000);
    let m = onCalled(first().model, a, T0, ALL);
    m = onCalled(m, b, T0 + 1000, ALL, false);
    expect(m.highlight?.call.label).toBe('A001');
    expect(m.recent[0]?.label).toBe('B001');
    m = onHighlight(m, b, T0 + 5000, ALL);
    expect(m.highlight).toMatchObject({ call: b, until: T0 + 25_000, seq: 2 });
    const again = onHighlight(m, b, T0 + 6000, ALL);
    expect(again.highlight).toMatchObject({ seq: 2, until: T0 + 26_000 });
    // after the highlight ends, the next one still gets a new seq
    expect(onHighlight(onTick(m, T0 + 99_000), a, T0 + 99_000, ALL).highlight?.seq).toBe(3);
  });

  it('ignores calls to counters the screen does not show', () => {
    const m = first().model;
    expect(onCalled(m, call('A001', 3, T0), T0, { ...ALL, filter: new Set([1]) })).toBe(m);
  });

  it('ends the highlight when its time is up', () => {
    const m = onCalled(first().model, call('A001', 1, T0), T0, ALL);
    expect(onTick(m, T0 + 19_999)).toBe(m);
    expect(onTick(m, T0 + 20_000).highlight).toBeNull();
  });

  it('never holds more than MAX_RECENT calls', () => {
    let recent = addRecent([], call('A000', 1, T0));
    for (let i = 1; i < 1000; i++) recent = addRecent(recent, call(`A${i}`, 1, T0 + i));
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]?.label).toBe('A999');
  });
});

describe('waiting counts and counters', () => {
  it('updates only the services named', () => {
    const m = first().model;
    const next = onWaiting(m, { services: { HT: 9 } });
    expect(next.services.map((s) => s.waiting)).toEqual([9, 1, 2]);
    expect(next.services[1]).toBe(m.services[1]);
  });
  it('replaces a counter, adds a new one in order, ignores hidden ones', () => {
    const m = first().model;
    const paused = counter(2, ['HT'], { paused: { reason: 'Họp', since: iso(T0) } });
    expect(onCounterChanged(m, paused, ALL).counters[1]?.paused?.reason).toBe('Họp');
    expect(onCounterChanged(m, counter(0), ALL).counters.map((c) => c.number)).toEqual([0, 1, 2, 3]);
    expect(onCounterChanged(m, paused, { ...ALL, filter: new Set([1]) })).toBe(m);
  });
});

describe('reload on a new server version', () => {
  it.each([
    [null, 'v2', false],
    ['v1', 'v1', false],
    ['v1', 'v2', true],
    ['v1', '', false],
  ])('loaded %s, server %s → %s', (loaded, incoming, expected) => {
    expect(needsReload(loaded, incoming)).toBe(expected);
  });
});
