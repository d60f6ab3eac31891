import { ApiError } from '../../../../client/api.js';
import type { IssuedTicket, IssueTicketBody } from '../../../../core/contracts/api.js';

export type RefusalKind = 'cap' | 'closed' | 'busy' | 'offline' | 'other';

export interface Refusal {
  kind: RefusalKind;
  /** the server's own message (already in the kiosk's language), or the client's offline message */
  message: string;
  service: string;
}

/** Waits before the 2nd and 3rd attempt of the same tap. */
export const RETRY_DELAYS_MS = [300, 1000] as const;

const retryable = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

/**
 * Sends one tap's request, retrying network failures and 5xx with the SAME requestId, so the server
 * answers a retry with the ticket it already issued and a flaky network never makes two tickets.
 */
export async function issueWithRetry(
  send: (body: IssueTicketBody) => Promise<IssuedTicket>,
  body: IssueTicketBody & { requestId: string },
  sleep: (ms: number) => Promise<void>,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<IssuedTicket> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(body);
    } catch (e) {
      const wait = delays[attempt];
      if (wait === undefined || !retryable(e)) throw e;
      await sleep(wait);
    }
  }
}

const KIND: Record<string, RefusalKind> = {
  DAILY_CAP_REACHED: 'cap',
  SERVICE_CLOSED: 'closed',
  SERVICE_INACTIVE: 'closed',
  RATE_LIMITED: 'busy',
  OFFLINE: 'offline',
};

/** A failed tap as the citizen is told about it. */
export function toRefusal(e: unknown, service: string, fallback: string): Refusal {
  if (e instanceof ApiError) {
    const kind = KIND[e.code] ?? (e.status === 0 ? 'offline' : 'other');
    return { kind, message: e.message || fallback, service };
  }
  return { kind: 'other', message: fallback, service };
}
