/**
 * A random idempotency key for POST /api/tickets. crypto.randomUUID is unavailable on plain-HTTP LAN
 * pages (not a secure context); getRandomValues works everywhere.
 */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
