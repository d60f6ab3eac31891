/**
 * The leader's live dashboard, pure: what each counter is doing now and which alerts to raise.
 */

export const DEFAULT_WAIT_TARGET_MINUTES = 30;
/** settings table key (value: whole minutes) for the wait target of alerts and the service level */
export const WAIT_TARGET_SETTING = 'waitTargetMinutes';

export type CounterActivity = 'serving' | 'idle' | 'paused' | 'closed';

/** closed = nobody logged in; paused = tạm nghỉ; serving = a ticket called or in service; else idle. */
export function counterActivity(c: {
  official: unknown | null;
  paused: unknown | null;
  current: unknown | null;
}): CounterActivity {
  if (c.official === null) return 'closed';
  if (c.current !== null) return 'serving';
  if (c.paused !== null) return 'paused';
  return 'idle';
}

/** A stored target: whole minutes 1..600, else the default. */
export function waitTarget(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 && stored <= 600
    ? stored
    : DEFAULT_WAIT_TARGET_MINUTES;
}

export interface WaitingNow {
  service: string;
  waiting: number;
  /** issue time of the oldest waiting ticket */
  oldestIssuedAt: number | null;
}

export type LiveAlert =
  | { kind: 'longWait'; service: string; waitedMinutes: number; targetMinutes: number; waiting: number }
  | { kind: 'deviceDown'; device: string; name: string; state: string };

/** One alert per service whose oldest waiting ticket has waited longer than the target. */
export function waitAlerts(waiting: readonly WaitingNow[], now: number, targetMinutes: number): LiveAlert[] {
  const out: LiveAlert[] = [];
  for (const w of waiting) {
    if (w.oldestIssuedAt === null || w.waiting === 0) continue;
    const waitedMinutes = Math.floor((now - w.oldestIssuedAt) / 60_000);
    if (waitedMinutes >= targetMinutes) {
      out.push({ kind: 'longWait', service: w.service, waitedMinutes, targetMinutes, waiting: w.waiting });
    }
  }
  return out.sort(
    (a, b) => (b.kind === 'longWait' ? b.waitedMinutes : 0) - (a.kind === 'longWait' ? a.waitedMinutes : 0),
  );
}

/** Device states that mean "working" (or deliberately off), as /api/health judges them; anything else is an alert. */
const FINE_STATES = ['ok', 'connected', 'disabled', 'unknown'];

export function deviceAlerts(
  devices: ReadonlyArray<{ id: string; name: string; state: string }>,
): LiveAlert[] {
  return devices
    .filter((d) => !FINE_STATES.includes(d.state))
    .map((d) => ({ kind: 'deviceDown' as const, device: d.id, name: d.name, state: d.state }));
}
