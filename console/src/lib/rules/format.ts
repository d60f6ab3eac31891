/** Small display formatters (no Intl dependency for durations, so tests are stable). */

const pad = (n: number) => String(n).padStart(2, '0');

/** 75 → "1:15", 3725 → "1:02:05"; negative values count as 0. */
export function clockDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

/** Whole minutes, rounded down, never negative. */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}

/** 0.8333 → "83,3 %" (vi) or "83.3%" (en); null → null. */
export function percent(rate: number | null, lang: 'vi' | 'en'): string | null {
  if (rate === null) return null;
  const v = Math.round(rate * 1000) / 10;
  const text = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return lang === 'vi' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** Local wall time "HH:MM" of an ISO instant in the site's time zone. */
export function hhmm(isoOrMs: string | number, timeZone: string): string {
  const d = new Date(isoOrMs);
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const parts = fmt.formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour') === '24' ? '00' : part('hour')}:${part('minute')}`;
}

/** A duration in words for tiles: "45 giây", "6 phút", "1 giờ 5 phút" (rounded to the minute from 1 min). */
export function durationWords(seconds: number | null, lang: 'vi' | 'en'): string | null {
  if (seconds === null) return null;
  const s = Math.max(0, Math.round(seconds));
  const w = lang === 'vi' ? { s: 'giây', m: 'phút', h: 'giờ' } : { s: 's', m: 'min', h: 'h' };
  if (s < 60) return `${s} ${w.s}`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} ${w.m}`;
  return `${Math.floor(m / 60)} ${w.h} ${m % 60} ${w.m}`;
}
