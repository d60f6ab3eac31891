import { DEFAULT_HOURS, hoursProblems, MIN_PIN, WEEKDAYS } from '../../../../core/contracts/admin-rules.js';
import type { Role, Service, WeekdayKey, WeekHours } from '../../../../core/contracts/site.js';
import type { AdminStrings } from './i18n/vi.js';

/** Form rules of the admin page (plain TypeScript, tested without a browser). */

export { WEEKDAYS };

/** One weekday in the hours editor: morning and afternoon sessions, '' = none. */
export interface DayHours {
  day: WeekdayKey;
  amFrom: string;
  amTo: string;
  pmFrom: string;
  pmTo: string;
}

export function hoursToForm(h: WeekHours): DayHours[] {
  return WEEKDAYS.map((day) => {
    const [am, pm] = h[day] ?? [];
    return { day, amFrom: am?.[0] ?? '', amTo: am?.[1] ?? '', pmFrom: pm?.[0] ?? '', pmTo: pm?.[1] ?? '' };
  });
}

export function formToHours(rows: readonly DayHours[]): WeekHours {
  const out: WeekHours = {};
  for (const r of rows) {
    const sessions: Array<[string, string]> = [];
    if (r.amFrom && r.amTo) sessions.push([r.amFrom, r.amTo]);
    if (r.pmFrom && r.pmTo) sessions.push([r.pmFrom, r.pmTo]);
    if (sessions.length) out[r.day] = sessions;
  }
  return out;
}

/** Monday's sessions copied to Tuesday–Friday. */
export function copyMonday(rows: readonly DayHours[]): DayHours[] {
  const mon = rows.find((r) => r.day === 'mon');
  if (!mon) return [...rows];
  return rows.map((r) => (['tue', 'wed', 'thu', 'fri'].includes(r.day) ? { ...mon, day: r.day } : r));
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/** "7:30" → "07:30"; anything else is kept as typed (and refused by the check). */
export function tidyTime(v: string): string {
  const m = /^\s*(\d{1,2})[:.h](\d{2})\s*$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v.trim();
}

/** A half-filled session (only the start or only the end) or a malformed time is a mistake. */
function badRows(rows: readonly DayHours[]): boolean {
  return rows.some(
    (r) =>
      !r.amFrom !== !r.amTo ||
      !r.pmFrom !== !r.pmTo ||
      [r.amFrom, r.amTo, r.pmFrom, r.pmTo].some((v) => v !== '' && !HHMM.test(v)),
  );
}

export interface ServiceForm {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  color: string;
  dailyCap: number;
  hours: DayHours[];
  active: boolean;
}

/** Colours for new services, distinct on screens and kiosks (white text on each). */
export const SERVICE_COLOURS = [
  '#1565C0',
  '#2E7D32',
  '#C62828',
  '#6A1B9A',
  '#EF6C00',
  '#00838F',
  '#AD1457',
  '#4E342E',
];

export function serviceForm(s?: Service, usedColours: readonly string[] = []): ServiceForm {
  const used = usedColours.map((c) => c.toUpperCase());
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    nameEn: s?.nameEn ?? '',
    prefix: s?.prefix ?? '',
    color: s?.color ?? SERVICE_COLOURS.find((c) => !used.includes(c)) ?? '#1565C0',
    dailyCap: s?.dailyCap ?? 200,
    hours: hoursToForm(s?.hours ?? DEFAULT_HOURS),
    active: s?.active ?? true,
  };
}

/** The first problem of a service form, in the page's language, or null. */
export function serviceProblem(f: ServiceForm, t: AdminStrings): string | null {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(f.code.trim())) return t.services.badCode;
  if (!f.name.trim()) return `${t.services.name}: ${t.required}`;
  if (!/^[A-Z]{1,2}$/.test(f.prefix.trim().toUpperCase())) return t.services.badPrefix;
  if (!Number.isInteger(f.dailyCap) || f.dailyCap < 1 || f.dailyCap > 9999)
    return `${t.services.cap}: 1–9999`;
  if (badRows(f.hours) || hoursProblems(formToHours(f.hours)).length) return t.services.badHours;
  return null;
}

export function serviceFromForm(f: ServiceForm): Service {
  return {
    code: f.code.trim(),
    name: f.name.normalize('NFC').trim(),
    ...(f.nameEn.trim() ? { nameEn: f.nameEn.normalize('NFC').trim() } : {}),
    prefix: f.prefix.trim().toUpperCase(),
    color: f.color.toUpperCase(),
    dailyCap: f.dailyCap,
    hours: formToHours(f.hours),
    active: f.active,
  };
}

export function pinProblem(pin: string, role: Role, t: AdminStrings): string | null {
  return pin.length < MIN_PIN[role] ? t.officials.pinTooShort(MIN_PIN[role]) : null;
}

export function usernameOk(u: string): boolean {
  return /^[a-zA-Z0-9._-]{2,40}$/.test(u.trim());
}

/** The next free counter number. */
export function nextCounterNumber(numbers: readonly number[]): number {
  let n = 1;
  while (numbers.includes(n)) n++;
  return n;
}

/** Lines typed in a textarea → trimmed, non-empty, NFC. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.normalize('NFC').trim())
    .filter((l) => l !== '');
}

export function templateOk(template: string): boolean {
  return template.includes('{số}') && template.includes('{quầy}');
}

/** Local "HH:MM dd/mm" of an ISO instant for tables. */
export function shortTime(iso: string | null, lang: 'vi' | 'en'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}
