import { describe, expect, it, vi } from 'vitest';
import {
  type ClockSources,
  createClockJumpDetector,
  isImplausibleNow,
  ntpSynchronized,
  parseNtpSynchronized,
  watchClockJumps,
} from '../../server/platform/clock-check.js';

function fakeClocks(wall: number, mono: number) {
  const c = { wall, mono };
  const sources: ClockSources = { wallMs: () => c.wall, monotonicMs: () => c.mono };
  const advance = (monoMs: number, wallExtraMs = 0) => {
    c.mono += monoMs;
    c.wall += monoMs + wallExtraMs;
  };
  return { sources, advance };
}

describe('parseNtpSynchronized / ntpSynchronized', () => {
  it.each([
    ['yes\n', 'synchronized'],
    ['no\n', 'unsynchronized'],
    ['NTPSynchronized=yes\n', 'synchronized'],
    ['', 'unknown'],
  ] as const)('%j → %s', (out, state) => {
    expect(parseNtpSynchronized(out)).toBe(state);
  });

  it('asks timedatectl and tolerates its absence', async () => {
    const calls: string[][] = [];
    const run = async (cmd: string, args: string[]) => {
      calls.push([cmd, ...args]);
      return 'no\n';
    };
    expect(await ntpSynchronized(run)).toBe('unsynchronized');
    expect(calls).toEqual([['timedatectl', 'show', '-p', 'NTPSynchronized', '--value']]);
    const enoent = Object.assign(new Error('spawn timedatectl ENOENT'), { code: 'ENOENT' });
    expect(await ntpSynchronized(() => Promise.reject(enoent))).toBe('unknown');
  });

  it('never rejects on this machine, whatever it has', async () => {
    expect(['synchronized', 'unsynchronized', 'unknown']).toContain(await ntpSynchronized());
  });
});

describe('createClockJumpDetector', () => {
  it('ignores drift and small corrections, reports jumps over 2 minutes either way', () => {
    const { sources, advance } = fakeClocks(Date.UTC(2026, 4, 14, 8), 1000);
    const d = createClockJumpDetector(sources);
    advance(30_000);
    expect(d.check()).toBeNull();
    advance(30_000, 90_000); // NTP slews 1.5 min: below threshold
    expect(d.check()).toBeNull();
    advance(30_000, 3 * 3600_000); // someone set the clock 3 h forward
    expect(d.check()).toMatchObject({ deltaMs: 3 * 3600_000 });
    advance(30_000);
    expect(d.check()).toBeNull(); // the baseline moved with the jump
    advance(30_000, -10 * 60_000);
    expect(d.check()?.deltaMs).toBe(-10 * 60_000);
  });

  it('watchClockJumps calls back on a jump and survives a throwing listener', () => {
    vi.useFakeTimers();
    try {
      const { sources, advance } = fakeClocks(0, 0);
      const jumps: number[] = [];
      const stop = watchClockJumps(
        (j) => {
          jumps.push(j.deltaMs);
          throw new Error('listener bug');
        },
        1000,
        createClockJumpDetector(sources),
      );
      advance(1000, 600_000);
      vi.advanceTimersByTime(1000);
      advance(1000, 600_000);
      vi.advanceTimersByTime(1000);
      stop();
      expect(jumps).toEqual([600_000, 600_000]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isImplausibleNow', () => {
  it('flags a clock reset to the BIOS epoch', () => {
    expect(isImplausibleNow(Date.UTC(2000, 0, 1))).toBe(true);
    expect(isImplausibleNow(0)).toBe(true);
    expect(isImplausibleNow(Date.UTC(2026, 4, 14))).toBe(false);
  });
});
