import type { Role } from '../contracts/site.js';
import { DomainError } from './errors.js';

export interface CounterHolder {
  officialId: number;
  displayName: string;
}

/**
 * One official at one counter at a time. Logging in again at one's own counter is fine;
 * an admin may take over a counter held by someone else.
 */
export function checkCounterLogin(
  holder: CounterHolder | null,
  officialId: number,
  role: Role,
  takeover: boolean,
): 'free' | 'same' | 'takeover' {
  if (!holder) return 'free';
  if (holder.officialId === officialId) return 'same';
  if (takeover && role === 'admin') return 'takeover';
  throw new DomainError('COUNTER_OCCUPIED', { holder: holder.displayName });
}

export const PAUSE_REASONS = ['break', 'meeting', 'fieldWork', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
