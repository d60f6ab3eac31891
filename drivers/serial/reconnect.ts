/** Reconnect backoff and error classification for serial devices. */

export interface BackoffPolicy {
  /** first retry */
  initialMs: number;
  /** cap for errors where the device is there but refuses (EACCES, EBUSY, …) */
  maxMs: number;
  /** cap while the device is absent or was just unplugged, so a replug is seen within ~1 s */
  missingMaxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 5000, missingMaxMs: 1000 };

/** Codes meaning "not there (yet)": keep polling quickly. */
const MISSING_CODES = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'DISCONNECTED']);

export function isMissing(code: string | undefined): boolean {
  return code !== undefined && MISSING_CODES.has(code);
}

/** Doubling delay from `initialMs`, capped by the kind of failure. */
export function nextDelay(policy: BackoffPolicy, attempt: number, code: string | undefined): number {
  const cap = isMissing(code) ? policy.missingMaxMs : policy.maxMs;
  return Math.min(policy.initialMs * 2 ** Math.min(attempt, 20), cap);
}

/** strerror() texts the native binding puts in its messages (it sets no `code`). */
const STRERROR: ReadonlyArray<[RegExp, string]> = [
  [/No such file or directory/i, 'ENOENT'],
  [/Permission denied/i, 'EACCES'],
  [/No such device or address/i, 'ENXIO'],
  [/No such device/i, 'ENODEV'],
  [/(Device or resource busy|Cannot lock port)/i, 'EBUSY'],
  [/Input\/output error/i, 'EIO'],
  [/Not a directory/i, 'ENOTDIR'],
  [/Inappropriate ioctl/i, 'ENOTTY'],
];

/** Best-effort errno-style code of a serial error: `err.code`, a disconnect flag, or the message. */
export function serialErrorCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  if ((err as { disconnected?: unknown }).disconnected === true) return 'DISCONNECTED';
  return STRERROR.find(([re]) => re.test(err.message))?.[1];
}
