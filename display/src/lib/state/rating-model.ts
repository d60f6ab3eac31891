/**
 * The rating prompt of a counter screen: `rating:requested` shows "Mời ông/bà đánh giá…",
 * `rating:received` shows "Cảm ơn ông/bà", and the screen returns to idle by itself.
 * Payloads are read defensively: the events belong to the rating feature and may grow.
 */
export type RatingPhase =
  | { kind: 'idle' }
  | { kind: 'prompt'; until: number; label: string | null }
  | { kind: 'thanks'; until: number };

export const IDLE: RatingPhase = Object.freeze({ kind: 'idle' });
/** The thanks message stays at most this long (shorter than the prompt). */
export const THANKS_MS = 10_000;

/** The counter a rating event is about, or null when the payload does not say. */
export function ratingCounter(payload: unknown): number | null {
  if (!payload || typeof payload !== 'object') return null;
  const raw = (payload as Record<string, unknown>).counter;
  const n = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

function ticketLabel(payload: unknown): string | null {
  const p = payload as Record<string, unknown>;
  const label = p.label ?? (p.ticket as Record<string, unknown> | undefined)?.label;
  return typeof label === 'string' && label.length <= 12 ? label : null;
}

/** A prompt never lasts less than this or more than this, whatever `expiresAt` says. */
const MIN_PROMPT_MS = 5_000;
const MAX_PROMPT_MS = 120_000;

/**
 * Shows the prompt until the server's `expiresAt` (server clock, corrected by `clockOffsetMs`),
 * or for `idleMs` when the payload has none.
 */
export function onRatingRequested(
  counter: number,
  payload: unknown,
  now: number,
  idleMs: number,
  clockOffsetMs = 0,
): RatingPhase | null {
  if (ratingCounter(payload) !== counter) return null;
  const raw = (payload as Record<string, unknown>).expiresAt;
  const expires = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  const ms = Number.isFinite(expires)
    ? Math.min(MAX_PROMPT_MS, Math.max(MIN_PROMPT_MS, expires - (now + clockOffsetMs)))
    : idleMs;
  return { kind: 'prompt', until: now + ms, label: ticketLabel(payload) };
}

export function onRatingReceived(
  counter: number,
  payload: unknown,
  now: number,
  idleMs: number,
): RatingPhase | null {
  if (ratingCounter(payload) !== counter) return null;
  return { kind: 'thanks', until: now + Math.min(idleMs, THANKS_MS) };
}

export function onRatingTick(phase: RatingPhase, now: number): RatingPhase {
  return phase.kind !== 'idle' && now >= phase.until ? IDLE : phase;
}
