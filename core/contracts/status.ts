import { type Static, Type } from 'typebox';
import { TICKET_STATUSES } from '../domain/ticket.js';

/**
 * The citizen's live status page (`/t/<token>`, the QR on the ticket). Public and unauthenticated:
 * the token is 128 random bits (base64url), so it cannot be guessed, and the answer carries no
 * personal data and no priority category.
 */
export const TICKET_TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,64}$';

export const TicketTokenParamsSchema = Type.Object({
  token: Type.String({ pattern: TICKET_TOKEN_PATTERN }),
});
export type TicketTokenParams = Static<typeof TicketTokenParamsSchema>;

const Iso = Type.String({ description: 'ISO 8601 instant' });

export const TicketPublicStatusSchema = Type.Object({
  label: Type.String(),
  service: Type.String(),
  serviceName: Type.String(),
  serviceNameEn: Type.Union([Type.String(), Type.Null()]),
  status: Type.Enum(TICKET_STATUSES),
  /** people the queue will call before this ticket (0 unless waiting) */
  ahead: Type.Integer({ minimum: 0 }),
  /**
   * minutes until the call: ahead × (average of the last finished service durations at the counters
   * serving the service) ÷ (counters serving it that are open now); null when it cannot be estimated
   */
  estimatedWaitMin: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** the counter calling or serving it now, or that last did */
  counter: Type.Union([Type.Integer(), Type.Null()]),
  calledAt: Type.Union([Iso, Type.Null()]),
  issuedAt: Iso,
  /** IANA zone for showing the times, e.g. Asia/Ho_Chi_Minh */
  timeZone: Type.String(),
});
export type TicketPublicStatus = Static<typeof TicketPublicStatusSchema>;

/** A status page's token from a ticket's statusUrl (`…/t/<token>`), or null. */
export function tokenOfStatusUrl(url: string): string | null {
  const m = /\/t\/([A-Za-z0-9_-]{16,64})\/?(?:[?#].*)?$/.exec(url);
  return m ? m[1]! : null;
}
