/**
 * Stable error codes. Clients, kiosks and provincial integrations depend on them: never rename one.
 * HTTP statuses live in server/http-errors.ts; messages in core/i18n.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'INVALID_JSON',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNKNOWN_SERVICE',
  'UNKNOWN_COUNTER',
  'UNKNOWN_TICKET',
  'UNKNOWN_PRIORITY',
  'SERVICE_INACTIVE',
  'SERVICE_CLOSED',
  'DAILY_CAP_REACHED',
  'QUEUE_EMPTY',
  'INVALID_TRANSITION',
  'TICKET_IN_PROGRESS',
  'NO_CURRENT_TICKET',
  'COUNTER_OCCUPIED',
  'COUNTER_PAUSED',
  'COUNTER_NOT_SERVING_SERVICE',
  'COUNTER_REQUIRED',
  'NOT_AT_THIS_COUNTER',
  'TRANSFER_TARGET_REQUIRED',
  'REASON_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_INACTIVE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'DEVICE_NOT_ALLOWED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SETUP_ALREADY_DONE',
  'SETUP_CODE_INVALID',
  'PAIRING_CODE_INVALID',
  'SERVICE_EXISTS',
  'PREFIX_IN_USE',
  'COUNTER_EXISTS',
  'USERNAME_TAKEN',
  'PRIORITY_EXISTS',
  'UNKNOWN_OFFICIAL',
  'HAS_HISTORY',
  'SERVICE_IN_USE',
  'LAST_ADMIN',
  'PIN_TOO_SHORT',
  'UNSUPPORTED_MEDIA',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected refusal of a domain rule. Carries a stable code and optional details for the message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
