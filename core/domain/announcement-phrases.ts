/**
 * Matches the literal text of an announcement template against recorded phrases (longest match first),
 * so an edited template plays from recordings whenever its words have them. Pure.
 */
import type { SpokenWord } from './number-reading.js';

export interface PhraseIndex {
  /** Normalised text ("đến quầy số") → segment id. */
  readonly byText: ReadonlyMap<string, string>;
  readonly ids: ReadonlySet<string>;
  /** Longest phrase, in words. */
  readonly maxWords: number;
}

/** Lower case, NFC, words separated by single spaces. */
export const normalizePhrase = (text: string): string =>
  text.normalize('NFC').toLowerCase().split(/\s+/u).filter(Boolean).join(' ');

/** Builds the lookup from segment id → text (e.g. the built-in phrases or a manifest's phrase entries). */
export function phraseIndex(phrases: Readonly<Record<string, string>>): PhraseIndex {
  const byText = new Map<string, string>();
  let maxWords = 1;
  for (const [id, text] of Object.entries(phrases)) {
    const key = normalizePhrase(text);
    if (!key) continue;
    byText.set(key, id);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  return { byText, ids: new Set(Object.keys(phrases)), maxWords };
}

/** ASCII id for a Vietnamese text: "Vui lòng chờ" → "vui-long-cho". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Id for text without a recording; never equal to a recorded phrase's id ("sổ" must not play "số"). */
function unrecordedId(words: string[], index: PhraseIndex): string {
  const text = words.join(' ');
  let id = slugify(text) || `text-${[...text].map((c) => c.codePointAt(0)?.toString(16)).join('-')}`;
  while (index.ids.has(id)) id += '-x';
  return id;
}

const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const PAUSE_MARKS = /[,;:.!?…]+/u;
const NUMBER = /^\d+$/u;

/** Greedy longest match of words against the index; numbers are read; unmatched runs become one id. */
function matchWords(
  words: string[],
  index: PhraseIndex,
  readNumber: (n: number) => SpokenWord[],
): SpokenWord[] {
  const out: SpokenWord[] = [];
  let unmatched: string[] = [];
  const flush = () => {
    if (unmatched.length) out.push({ id: unrecordedId(unmatched, index), text: unmatched.join(' ') });
    unmatched = [];
  };
  let i = 0;
  while (i < words.length) {
    const w = words[i] ?? '';
    if (NUMBER.test(w)) {
      flush();
      out.push(...readNumber(Number(w)));
      i++;
      continue;
    }
    let taken = 0;
    for (let n = Math.min(index.maxWords, words.length - i); n > 0 && !taken; n--) {
      const id = index.byText.get(words.slice(i, i + n).join(' '));
      if (id !== undefined) {
        flush();
        out.push({ id, text: words.slice(i, i + n).join(' ') });
        taken = n;
      }
    }
    if (!taken) unmatched.push(w);
    i += taken || 1;
  }
  flush();
  return out;
}

/** Text of a template between placeholders → spoken words; punctuation becomes a `pauseId` word. */
export function splitPhrases(
  text: string,
  index: PhraseIndex,
  readNumber: (n: number) => SpokenWord[],
  pauseId: string,
): SpokenWord[] {
  const clauses = normalizePhrase(text).split(PAUSE_MARKS);
  return clauses.flatMap((clause, i) => {
    const words = clause
      .split(' ')
      .map((w) => w.replace(EDGE_PUNCT, ''))
      .filter(Boolean);
    const pause = i < clauses.length - 1 ? [{ id: pauseId, text: ',' }] : [];
    return [...matchWords(words, index, readNumber), ...pause];
  });
}
