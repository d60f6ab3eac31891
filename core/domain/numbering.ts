import { DomainError } from './errors.js';

/** `{prefix}{seq:03}`: A001 … A999, then four digits (A1000). */
export function formatLabel(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/**
 * The next sequence number of a (site, service, local day), gapless: last + 1.
 * Refuses past the service's daily cap.
 */
export function nextSeq(lastSeq: number, dailyCap: number, service: string): number {
  if (lastSeq >= dailyCap) throw new DomainError('DAILY_CAP_REACHED', { service, cap: dailyCap });
  return lastSeq + 1;
}
