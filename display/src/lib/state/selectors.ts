/** Read-only views of the queue model for components (pure). */
import type { Call, CounterState, ServiceState } from '../../../../core/contracts/queue.js';
import type { CounterFilter, QueueModel } from './queue-model.js';

/** Active services, limited to those served by the shown counters when the screen shows a subset. */
export function visibleServices(m: QueueModel, filter: CounterFilter): ServiceState[] {
  const served = filter === null ? null : new Set(m.counters.flatMap((c) => c.services));
  return m.services.filter((s) => s.active && (served === null || served.has(s.code)));
}

export function serviceByCode(m: QueueModel, code: string | undefined): ServiceState | undefined {
  return code === undefined ? undefined : m.services.find((s) => s.code === code);
}

export function counterByNumber(m: QueueModel, n: number): CounterState | undefined {
  return m.counters.find((c) => c.number === n);
}

/** The last `count` calls, newest first. */
export function recentCalls(m: QueueModel, count: number): Call[] {
  return m.recent.slice(0, Math.max(0, count));
}

/** Open = an official is logged in at the counter; then paused or serving. */
export type CounterMode = 'closed' | 'paused' | 'serving' | 'waiting';

export function counterMode(c: CounterState | undefined): CounterMode {
  if (!c?.official) return 'closed';
  if (c.paused) return 'paused';
  return c.current ? 'serving' : 'waiting';
}

/** Board layout: one column up to 7 counters, two up to 16, three beyond. */
export function boardColumns(count: number): number {
  return count <= 7 ? 1 : count <= 16 ? 2 : 3;
}

/** "Quầy 1 — Hộ tịch, chứng thực" → "Hộ tịch, chứng thực" where the number is already shown beside it. */
export function shortCounterName(name: string, n: number): string {
  const short = name
    .replace(new RegExp(`^\\s*(quầy|counter)\\s*(số\\s*)?0*${n}(?!\\d)\\s*[—–:\\-]?\\s*`, 'iu'), '')
    .trim();
  return short || name;
}
