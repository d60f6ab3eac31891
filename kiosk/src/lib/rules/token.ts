/** Status-page tokens: 128 random bits in base64url (see core/contracts/status.ts TICKET_TOKEN_PATTERN). */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The token of a status page path (`/t/<token>`); null when the path is not one; '' when malformed. */
export function tokenFromPath(pathname: string): string | null {
  const m = /^\/t\/([^/]*)\/?$/.exec(pathname);
  if (!m) return null;
  const token = decodeURIComponent(m[1] ?? '');
  return TOKEN.test(token) ? token : '';
}

/** The token inside a ticket's statusUrl (`http://…/t/<token>`), or null. */
export function tokenOfStatusUrl(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  return tokenFromPath(path) || null;
}
