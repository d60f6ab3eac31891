/**
 * How a ticket label ("A023", "B105", "1001") or a counter number is spoken in Vietnamese, as an ordered
 * list of pre-recorded voice segment ids. Pure: no I/O. The segment texts below are also what
 * scripts/generate-voice.ts synthesises, so one table drives both the recordings and the reading.
 */

import type { FourAfterTens, LabelReading, NumberStyle } from './announcement-settings.js';

export type { FourAfterTens, LabelReading, NumberStyle };

export interface NumberOptions {
  numberStyle: NumberStyle;
  fourAfterTens?: FourAfterTens;
}

export interface ReadingOptions extends NumberOptions {
  reading: LabelReading;
}

/** One spoken word: the segment id to play and the Vietnamese text (for captions and speech fallback). */
export interface SpokenWord {
  id: string;
  text: string;
}

export const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Letter names as read aloud in Vietnamese schools and offices. `dd` is Đ. */
// biome-ignore format: one table
export const LETTER_WORDS: Readonly<Record<string, string>> = {
  a: 'a', b: 'bê', c: 'xê', d: 'dê', dd: 'đê', e: 'e', f: 'ép', g: 'giê', h: 'hát', i: 'i', j: 'gi',
  k: 'ca', l: 'e lờ', m: 'em mờ', n: 'en nờ', o: 'o', p: 'pê', q: 'quy', r: 'e rờ', s: 'ét xì', t: 'tê',
  u: 'u', v: 'vê', w: 'vê kép', x: 'ích xì', y: 'i dài', z: 'dét',
};

/** Words used when reading a number (digits are `digit-N`). */
export const NUMBER_WORDS = {
  'num-ten': 'mười',
  'num-tens': 'mươi',
  'num-hundred': 'trăm',
  'num-thousand': 'nghìn',
  'num-million': 'triệu',
  'num-linh': 'linh',
  'num-le': 'lẻ',
  'num-mot': 'mốt',
  'num-lam': 'lăm',
  'num-tu': 'tư',
} as const;
type NumberWordId = keyof typeof NUMBER_WORDS;

/** Every segment id → text this module can emit (digits, letters, number words). */
export const READING_SEGMENTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(DIGIT_WORDS.map((w, d) => [`digit-${d}`, w])),
  ...Object.fromEntries(Object.entries(LETTER_WORDS).map(([k, w]) => [`letter-${k}`, w])),
  ...NUMBER_WORDS,
};

/** Numbers at or above this are read digit by digit (labels never get that long in practice). */
const MAX_NUMBER = 1_000_000_000;

const digit = (d: number): SpokenWord => ({ id: `digit-${d}`, text: DIGIT_WORDS[d] ?? '' });
const word = (id: NumberWordId): SpokenWord => ({ id, text: NUMBER_WORDS[id] });

function unitsAfterTens(u: number, opts: NumberOptions): SpokenWord[] {
  if (u === 0) return [];
  if (u === 1) return [word('num-mot')];
  if (u === 4 && (opts.fourAfterTens ?? 'tu') === 'tu') return [word('num-tu')];
  if (u === 5) return [word('num-lam')];
  return [digit(u)];
}

/** Tens and units of a group; `afterHundreds` means "trăm" was spoken before (so 5 → "linh năm"). */
function readTens(t: number, u: number, afterHundreds: boolean, opts: NumberOptions): SpokenWord[] {
  if (t === 0) {
    if (u === 0) return [];
    return afterHundreds ? [word(opts.numberStyle === 'le' ? 'num-le' : 'num-linh'), digit(u)] : [digit(u)];
  }
  if (t === 1) return [word('num-ten'), ...(u === 5 ? [word('num-lam')] : u === 0 ? [] : [digit(u)])];
  return [digit(t), word('num-tens'), ...unitsAfterTens(u, opts)];
}

/** A group of three digits; `full` forces "không trăm" when a higher group was already spoken. */
function readGroup(g: number, full: boolean, opts: NumberOptions): SpokenWord[] {
  const h = Math.floor(g / 100);
  const spokeHundreds = full || h > 0;
  const head = spokeHundreds ? [digit(h), word('num-hundred')] : [];
  return [...head, ...readTens(Math.floor(g / 10) % 10, g % 10, spokeHundreds, opts)];
}

/** Reads a whole number (0 ≤ n < 10⁹) the Vietnamese way: 1005 → "một nghìn không trăm linh năm". */
export function readNumberWords(n: number, opts: NumberOptions): SpokenWord[] {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_NUMBER) return readDigitWords(String(n));
  if (n === 0) return [digit(0)];
  const groups: [number, NumberWordId | undefined][] = [
    [Math.floor(n / 1_000_000), 'num-million'],
    [Math.floor(n / 1000) % 1000, 'num-thousand'],
    [n % 1000, undefined],
  ];
  const out: SpokenWord[] = [];
  for (const [g, unit] of groups) {
    if (g === 0) continue;
    out.push(...readGroup(g, out.length > 0, opts));
    if (unit) out.push(word(unit));
  }
  return out;
}

/** "023" → "không, hai, ba". Non-digits are ignored. */
export function readDigitWords(digits: string): SpokenWord[] {
  return [...digits].filter((c) => c >= '0' && c <= '9').map((c) => digit(Number(c)));
}

function letterWord(ch: string): SpokenWord {
  const key = ch === 'đ' ? 'dd' : ch;
  const text = LETTER_WORDS[key];
  if (text !== undefined) return { id: `letter-${key}`, text };
  const code = ch.codePointAt(0)?.toString(16).padStart(4, '0') ?? '0';
  return { id: `char-${code}`, text: ch };
}

const TOKEN = /(\d+)|(\p{L})/gu;

/**
 * Reads a label: letters one by one by their Vietnamese names, digit runs digit by digit or as a
 * number (leading zeros dropped: "023" → 23). Separators ("-", ".", spaces) are skipped. A letter
 * without a recording (e.g. "Ô") yields a `char-XXXX` id, which the caller reports as missing.
 */
export function readLabelWords(label: string, opts: ReadingOptions): SpokenWord[] {
  const out: SpokenWord[] = [];
  for (const m of label.normalize('NFC').toLowerCase().matchAll(TOKEN)) {
    const [, run, letter] = m;
    if (letter !== undefined) out.push(letterWord(letter));
    else if (run !== undefined)
      out.push(...(opts.reading === 'digits' ? readDigitWords(run) : readNumberRun(run, opts)));
  }
  return out;
}

function readNumberRun(run: string, opts: NumberOptions): SpokenWord[] {
  const n = Number(run);
  return n < MAX_NUMBER ? readNumberWords(n, opts) : readDigitWords(run);
}

/** Segment ids for a label ("A023" → letter-a, digit-0, digit-2, digit-3 in `digits` reading). */
export function readLabel(label: string, opts: ReadingOptions): string[] {
  return readLabelWords(label, opts).map((w) => w.id);
}

/** Counters are always read as a number ("12" → "mười hai"), letters by name ("3A" → "ba a"). */
export function readCounterWords(counter: string | number, opts: NumberOptions): SpokenWord[] {
  return readLabelWords(String(counter), { ...opts, reading: 'number' });
}
