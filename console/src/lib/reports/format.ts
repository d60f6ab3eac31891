/** Numbers on the report pages, written the Vietnamese way (decimal comma) or the English way. */

type Lang = 'vi' | 'en';

export const DASH = '—';

function decimal(v: number, digits: number, lang: Lang): string {
  const text = v.toFixed(digits);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** 1234 → "1.234" (vi) / "1,234" (en) */
export function count(v: number | null, lang: Lang): string {
  if (v === null) return DASH;
  const s = String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return s;
}

/** seconds → minutes with one decimal: 460 → "7,7" */
export function minutes(seconds: number | null, lang: Lang): string {
  return seconds === null ? DASH : decimal(seconds / 60, 1, lang);
}

/** seconds → hours with one decimal: 13800 → "3,8" */
export function hours(seconds: number | null, lang: Lang): string {
  return seconds === null ? DASH : decimal(seconds / 3600, 1, lang);
}

/** 0.8333 → "83,3 %" / "83.3%" */
export function rate(r: number | null, lang: Lang): string {
  if (r === null) return DASH;
  const text = decimal(r * 100, r === 1 || r === 0 ? 0 : 1, lang);
  return lang === 'vi' ? `${text} %` : `${text}%`;
}

export function cell(kind: 'count' | 'minutes' | 'hours' | 'rate', v: number | null, lang: Lang): string {
  switch (kind) {
    case 'count':
      return count(v, lang);
    case 'minutes':
      return minutes(v, lang);
    case 'hours':
      return hours(v, lang);
    case 'rate':
      return rate(v, lang);
  }
}

/** "2025-11-19" → "19/11/2025" */
export const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** An ISO instant as "19/11/2025 09:30" in the site's zone. */
export function stamp(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}/${p('month')}/${p('year')} ${p('hour') === '24' ? '00' : p('hour')}:${p('minute')}`;
}
