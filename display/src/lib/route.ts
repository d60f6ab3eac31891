/** Which screen a URL asks for. Pure: reads only the pathname and query string given. */
export type Lang = 'vi' | 'en';

export type Route =
  | { kind: 'lobby'; counters: number[] | null; voice: boolean; lang: Lang }
  | { kind: 'counter'; counter: number; voice: boolean; lang: Lang }
  | { kind: 'rate'; counter: number; lang: Lang }
  | { kind: 'unknown' };

const MAX_COUNTER = 999;

function counterNumber(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,3}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_COUNTER ? n : null;
}

/** "1,2,3" or "1-4,7" → sorted unique counter numbers; nothing valid → null (all counters). */
export function parseCounterList(raw: string | null): number[] | null {
  if (!raw) return null;
  const out = new Set<number>();
  for (const part of raw.split(',')) {
    const range = /^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$/.exec(part);
    if (range) {
      const a = counterNumber(range[1]);
      const b = counterNumber(range[2]);
      if (a !== null && b !== null) for (let n = Math.min(a, b); n <= Math.max(a, b); n++) out.add(n);
      continue;
    }
    const n = counterNumber(part.trim());
    if (n !== null) out.add(n);
  }
  return out.size ? [...out].sort((x, y) => x - y) : null;
}

const truthy = (v: string | null) => v !== null && ['1', 'true', 'yes', 'on', ''].includes(v.toLowerCase());

export function parseRoute(pathname: string, search: string): Route {
  const q = new URLSearchParams(search);
  const lang: Lang = q.get('lang') === 'en' ? 'en' : 'vi';
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/display') {
    const voice = q.has('voice') ? truthy(q.get('voice')) : true;
    return { kind: 'lobby', counters: parseCounterList(q.get('counters')), voice, lang };
  }
  const counter = /^\/display\/counter\/([^/]+)$/.exec(path);
  if (counter) {
    const n = counterNumber(counter[1]);
    return n === null
      ? { kind: 'unknown' }
      : { kind: 'counter', counter: n, voice: truthy(q.get('voice')), lang };
  }
  const rate = /^\/rate\/([^/]+)$/.exec(path);
  if (rate) {
    const n = counterNumber(rate[1]);
    return n === null ? { kind: 'unknown' } : { kind: 'rate', counter: n, lang };
  }
  return { kind: 'unknown' };
}
