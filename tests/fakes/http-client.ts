/** A tiny HTTP client for tests against a listening server: keeps the session cookie and CSRF token. */
export class HttpClient {
  cookie = '';
  csrf = '';

  constructor(readonly base: string) {}

  async req<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Logs in and keeps the cookie and CSRF token for later calls. */
  async login(
    username: string,
    pin: string,
    counter?: number,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await this.req('POST', '/api/sessions', { username, pin, ...(counter ? { counter } : {}) });
    if (r.status === 201) this.csrf = String(r.body.csrfToken);
    return r;
  }

  issue(service: string, extra: Record<string, unknown> = {}) {
    return this.req<{ id: number; label: string; ahead: number; statusUrl: string; code?: string }>(
      'POST',
      '/api/tickets',
      { service, ...extra },
    );
  }

  counter(n: number, action: string, body?: unknown) {
    return this.req<{
      ticket: { id: number; label: string; status: string; service: string };
      code?: string;
    }>('POST', `/api/counters/${n}/${action}`, body);
  }
}

/** Demo officials (sites/demo.json). */
export const DEMO = {
  lan: { username: 'lan', pin: '1111' },
  minh: { username: 'minh', pin: '2222' },
  hung: { username: 'hung', pin: '3333' },
  thu: { username: 'thu', pin: '4444' },
  leader: { username: 'chutich', pin: '5555' },
  admin: { username: 'admin', pin: '9999' },
} as const;
