/**
 * What a lobby or counter screen knows about the queue, and the pure rules that change it.
 * Every list is capped, so a screen that runs for months holds the same amount of data.
 */
import type { Centre } from '../../../../core/contracts/site.js';
import type {
  Call,
  CounterState,
  QueueSnapshot,
  ServiceState,
  WaitingCounts,
} from '../../../../core/contracts/queue.js';
import { localDayOf } from '../format/vn-time.js';

/** Hard cap on remembered calls, whatever the settings say. */
export const MAX_RECENT = 12;

export interface Highlight {
  call: Call;
  /** local epoch ms when the highlight ends */
  until: number;
  /** increases with every highlighted call (restarts the flash, even for a recall of the same number) */
  seq: number;
}

export interface QueueModel {
  /** null until the first snapshot */
  version: string | null;
  timeZone: string;
  centre: Centre | null;
  services: ServiceState[];
  counters: CounterState[];
  /** newest first, one entry per ticket, at most MAX_RECENT */
  recent: Call[];
  highlight: Highlight | null;
  /** server clock minus local clock at the last snapshot (TV boxes' clocks are often wrong) */
  clockOffsetMs: number;
  /** calledAt (epoch ms) of the newest call seen, to find calls missed while offline */
  lastCallAt: number;
  /** the last highlight's seq (never goes back, so every new highlight flashes) */
  lastSeq: number;
}

/** Which counters a screen shows (`/display?counters=1,2,3`); null = all. */
export type CounterFilter = ReadonlySet<number> | null;

export interface ModelOptions {
  filter: CounterFilter;
  highlightMs: number;
}

export const EMPTY_MODEL: QueueModel = Object.freeze({
  version: null,
  timeZone: 'Asia/Ho_Chi_Minh',
  centre: null,
  services: [],
  counters: [],
  recent: [],
  highlight: null,
  clockOffsetMs: 0,
  lastCallAt: 0,
  lastSeq: 0,
}) as QueueModel;

export const shows = (filter: CounterFilter, counter: number) => filter === null || filter.has(counter);
const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
};

/** Newest first; a later call of the same ticket (a recall) replaces the earlier one. */
export function addRecent(recent: readonly Call[], call: Call): Call[] {
  return [call, ...recent.filter((c) => c.ticketId !== call.ticketId)].slice(0, MAX_RECENT);
}

function withCurrent(counters: readonly CounterState[], call: Call): CounterState[] {
  return counters.map((c) =>
    c.number !== call.counter
      ? c
      : {
          ...c,
          current: {
            id: call.ticketId,
            label: call.label,
            service: call.service,
            status: 'called',
            calledAt: call.calledAt,
            priority: c.current?.id === call.ticketId ? c.current.priority : null,
          },
        },
  );
}

/**
 * A `ticket:called` fact: list it, show it at its counter and (unless `highlight` is false, when the voice
 * is still speaking an earlier call) highlight it. Other counters' calls are ignored.
 */
export function onCalled(
  m: QueueModel,
  call: Call,
  now: number,
  o: ModelOptions,
  highlight = true,
): QueueModel {
  if (!shows(o.filter, call.counter)) return m;
  const next = {
    ...m,
    recent: addRecent(m.recent, call),
    counters: withCurrent(m.counters, call),
    lastCallAt: Math.max(m.lastCallAt, time(call.calledAt)),
  };
  return highlight ? onHighlight(next, call, now, o) : next;
}

/**
 * Highlights a call (with a new flash) for `highlightMs`; the call already highlighted only gets its time
 * extended. Used when a call arrives and when the voice starts speaking it, so sight and sound agree.
 */
export function onHighlight(m: QueueModel, call: Call, now: number, o: ModelOptions): QueueModel {
  if (!shows(o.filter, call.counter)) return m;
  const h = m.highlight;
  if (h && h.call.ticketId === call.ticketId && h.call.calledAt === call.calledAt) {
    return { ...m, highlight: { ...h, until: now + o.highlightMs } };
  }
  const seq = m.lastSeq + 1;
  return { ...m, highlight: { call, until: now + o.highlightMs, seq }, lastSeq: seq };
}

export interface SnapshotResult {
  model: QueueModel;
  /** calls made while this screen was offline and still fresh: announce and highlight them */
  missed: Call[];
}

/**
 * A `queue:snapshot` (first connect, every reconnect, site changes): replace everything the server
 * knows better. Today's calls only. Calls newer than the last one seen and younger than the highlight
 * time are reported as missed (not on the very first snapshot: a screen switched on stays quiet).
 */
export function onSnapshot(m: QueueModel, s: QueueSnapshot, now: number, o: ModelOptions): SnapshotResult {
  const serverNow = time(s.at) || now;
  const today = localDayOf(serverNow, s.timeZone);
  const calls = s.recentCalls
    .filter((c) => shows(o.filter, c.counter) && localDayOf(time(c.calledAt), s.timeZone) === today)
    .sort((a, b) => time(b.calledAt) - time(a.calledAt));
  let recent: Call[] = [];
  for (const c of [...calls].reverse()) recent = addRecent(recent, c);
  const first = m.version === null;
  const missed = first
    ? []
    : calls
        .filter((c) => time(c.calledAt) > m.lastCallAt && serverNow - time(c.calledAt) < o.highlightMs)
        .reverse();
  const next: QueueModel = {
    ...m,
    version: first ? s.version : m.version,
    timeZone: s.timeZone,
    centre: s.centre,
    services: s.services,
    counters: s.counters.filter((c) => shows(o.filter, c.number)),
    recent,
    clockOffsetMs: serverNow - now,
    lastCallAt: Math.max(m.lastCallAt, ...calls.map((c) => time(c.calledAt))),
  };
  if (next.highlight && !recent.some((c) => c.ticketId === next.highlight?.call.ticketId))
    next.highlight = null;
  return { model: next, missed };
}

export function onWaiting(m: QueueModel, w: WaitingCounts): QueueModel {
  return {
    ...m,
    services: m.services.map((s) => {
      const n = w.services[s.code];
      return typeof n === 'number' && n !== s.waiting ? { ...s, waiting: n } : s;
    }),
  };
}

export function onCounterChanged(m: QueueModel, c: CounterState, o: ModelOptions): QueueModel {
  if (!shows(o.filter, c.number)) return m;
  const i = m.counters.findIndex((x) => x.number === c.number);
  const counters =
    i < 0
      ? [...m.counters, c].sort((a, b) => a.number - b.number)
      : m.counters.map((x) => (x.number === c.number ? c : x));
  return { ...m, counters };
}

/** Ends the highlight once its time is up. */
export function onTick(m: QueueModel, now: number): QueueModel {
  return m.highlight && now >= m.highlight.until ? { ...m, highlight: null } : m;
}

/** The version a screen loaded with differs from the server's: load the new apps. */
export function needsReload(loaded: string | null, incoming: string): boolean {
  return loaded !== null && incoming !== '' && loaded !== incoming;
}
