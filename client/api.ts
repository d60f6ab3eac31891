import type { ErrorBody } from '../core/contracts/api.js';

/** A refusal from the server, with its stable code and a message meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language: 'vi' | 'en' = 'vi';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: 'vi' | 'en'): void {
  language = lang;
}

const OFFLINE_MESSAGE = {
  vi: 'Mất kết nối tới máy chủ. Vui lòng thử lại.',
  en: 'Cannot reach the server. Please try again.',
};

/** JSON over fetch, same origin, with the session's CSRF token on state changes. */
export async function api<T>(method: string, path: string, body?: unknown, timeoutMs = 8000): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: ctrl.signal,
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', OFFLINE_MESSAGE[language]);
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as T & Partial<ErrorBody>;
  if (!res.ok)
    throw new ApiError(res.status, String(data.code ?? 'INTERNAL'), String(data.message ?? res.statusText));
  return data;
}
