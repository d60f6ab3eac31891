import type { PrinterState } from '../../core/contracts/devices.js';
import { statusRequest } from './escpos.js';

/** What one DLE EOT n reply byte says. Only the flags of that n are set. */
export interface StatusFlags {
  n: 1 | 2 | 3 | 4;
  /** Fixed bits (0 and 7 clear, 1 and 4 set) as the spec requires: a garbage byte is not trusted. */
  valid: boolean;
  offline?: boolean;
  coverOpen?: boolean;
  feedButton?: boolean;
  paperOut?: boolean;
  error?: boolean;
  cutterError?: boolean;
  unrecoverable?: boolean;
  autoRecoverable?: boolean;
  paperNearEnd?: boolean;
}

const bit = (byte: number, b: number): boolean => (byte & (1 << b)) !== 0;

/**
 * Decodes a DLE EOT n reply: n=1 printer (bit 3 offline), n=2 offline cause (bit 2 cover open,
 * bit 3 feed button, bit 5 stopped by paper end, bit 6 error), n=3 errors (bit 3 autocutter,
 * bit 5 unrecoverable, bit 6 auto-recoverable), n=4 paper sensors (0x0C near end, 0x60 end).
 */
export function parseStatus(n: 1 | 2 | 3 | 4, byte: number): StatusFlags {
  const valid = (byte & 0x93) === 0x12;
  switch (n) {
    case 1:
      return { n, valid, offline: bit(byte, 3) };
    case 2:
      return {
        n,
        valid,
        coverOpen: bit(byte, 2),
        feedButton: bit(byte, 3),
        paperOut: bit(byte, 5),
        error: bit(byte, 6),
      };
    case 3:
      return {
        n,
        valid,
        cutterError: bit(byte, 3),
        unrecoverable: bit(byte, 5),
        autoRecoverable: bit(byte, 6),
      };
    case 4:
      return { n, valid, paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
  }
}

/** Folds replies into one state, worst first: coverOpen, paperOut, offline, paperNearEnd, ok. */
export function statusToState(replies: readonly StatusFlags[]): PrinterState {
  const ok = replies.filter((r) => r.valid);
  if (ok.length === 0) return 'unknown';
  if (ok.some((r) => r.coverOpen)) return 'coverOpen';
  if (ok.some((r) => r.paperOut)) return 'paperOut';
  if (ok.some((r) => r.offline || r.error || r.unrecoverable || r.cutterError)) return 'offline';
  if (ok.some((r) => r.paperNearEnd)) return 'paperNearEnd';
  return 'ok';
}

/** The byte channel a transport offers for status: write a request, read reply bytes. */
export interface StatusChannel {
  write(bytes: Buffer): Promise<void>;
  /** Next byte received, or null if none arrives within `timeoutMs` (or the channel closed). */
  readByte(timeoutMs: number): Promise<number | null>;
  /** Drops bytes received before the query (stale replies, automatic status back). */
  discardInput(): Promise<void> | void;
}

/**
 * Asks DLE EOT 1, 2 and 4 in turn and folds the answers. Silence on the first request is
 * `unknown` (many printers or links never answer), never an error.
 */
export async function queryPrinterState(channel: StatusChannel, timeoutMs: number): Promise<PrinterState> {
  const deadline = Date.now() + timeoutMs;
  await channel.discardInput();
  const replies: StatusFlags[] = [];
  for (const n of [1, 2, 4] as const) {
    await channel.write(statusRequest(n));
    const byte = await channel.readByte(Math.max(1, deadline - Date.now()));
    if (byte === null) break;
    replies.push(parseStatus(n, byte));
  }
  return statusToState(replies);
}
