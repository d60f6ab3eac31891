import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Clock sanity for a box that may have no RTC battery and no Internet:
 * - `ntpSynchronized()` asks systemd-timesyncd/chrony (through `timedatectl`) whether the clock is synchronised;
 * - `createClockJumpDetector()` notices the wall clock moving differently from the monotonic clock
 *   (someone set the time, NTP stepped it after boot), so the server can log it and re-read "today";
 * - `isImplausibleNow()` catches a clock reset to the BIOS epoch (tickets dated 2000 or 1970).
 */

export type NtpState = 'synchronized' | 'unsynchronized' | 'unknown';

export type RunCommand = (cmd: string, args: string[]) => Promise<string>;

const runWithTimeout: RunCommand = (cmd, args) =>
  new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 3_000, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) =>
      err ? reject(err) : resolve(String(stdout)),
    );
  });

/** Parses `timedatectl show -p NTPSynchronized --value` output ("yes"/"no"). */
export function parseNtpSynchronized(output: string): NtpState {
  const value = output.trim().replace(/^NTPSynchronized=/, '');
  if (value === 'yes') return 'synchronized';
  if (value === 'no') return 'unsynchronized';
  return 'unknown';
}

/** Never rejects: without timedatectl or systemd (containers, CI) the answer is `unknown`. */
export async function ntpSynchronized(run: RunCommand = runWithTimeout): Promise<NtpState> {
  try {
    return parseNtpSynchronized(await run('timedatectl', ['show', '-p', 'NTPSynchronized', '--value']));
  } catch {
    return 'unknown';
  }
}

/** A clock earlier than the software's build can only be wrong (dead RTC battery, no NTP yet). */
export function isImplausibleNow(nowMs: number, notBeforeMs: number = Date.UTC(2025, 0, 1)): boolean {
  return nowMs < notBeforeMs;
}

export interface ClockJump {
  /** Wall-clock change minus monotonic change, in ms: positive = clock moved forward. */
  deltaMs: number;
  /** Wall-clock time before and after the jump (ms since epoch). */
  fromWallMs: number;
  toWallMs: number;
}

export interface ClockSources {
  wallMs(): number;
  monotonicMs(): number;
}

export const systemClockSources: ClockSources = {
  wallMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

export interface ClockJumpDetector {
  /** Compares both clocks with the previous check; returns the jump when it exceeds the threshold. */
  check(): ClockJump | null;
}

export const DEFAULT_JUMP_THRESHOLD_MS = 2 * 60_000;

export function createClockJumpDetector(
  sources: ClockSources = systemClockSources,
  thresholdMs: number = DEFAULT_JUMP_THRESHOLD_MS,
): ClockJumpDetector {
  let lastWall = sources.wallMs();
  let lastMono = sources.monotonicMs();
  return {
    check() {
      const wall = sources.wallMs();
      const mono = sources.monotonicMs();
      const deltaMs = wall - lastWall - (mono - lastMono);
      const jump = Math.abs(deltaMs) > thresholdMs ? { deltaMs, fromWallMs: lastWall, toWallMs: wall } : null;
      lastWall = wall;
      lastMono = mono;
      return jump;
    },
  };
}

/** Checks every `intervalMs` (default 30 s) and calls `onJump`; returns a stop function. The timer is unref'd. */
export function watchClockJumps(
  onJump: (jump: ClockJump) => void,
  intervalMs = 30_000,
  detector: ClockJumpDetector = createClockJumpDetector(),
): () => void {
  const timer = setInterval(() => {
    const jump = detector.check();
    if (jump) {
      try {
        onJump(jump);
      } catch {
        // a failing listener must not stop the watch
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
