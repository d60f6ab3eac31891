/** Measures a string in px at a given font size. */
export type Measure = (text: string, fontSize: number) => number;

/** NFC-normalises and collapses whitespace: the renderer's single entry for user text. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Splits a word wider than `maxWidth` into pieces that fit (by grapheme: NFC Vietnamese is one code point each). */
function breakWord(word: string, maxWidth: number, size: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && measure(current + ch, size) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) pieces.push(current);
  return pieces;
}

function greedyWrap(words: readonly string[], maxWidth: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = breakWord(word, maxWidth, size, measure);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines;
}

/** Phrase break points: after , ; : and before ( or a dash. */
function phrases(words: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    if (current.length > 0 && /^[(—–-]/.test(word)) {
      out.push(current);
      current = [];
    }
    current.push(word);
    if (/[,;:]$/.test(word)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Keeps phrases whole on a line where they fit ("UBND xã Đông Hòa, / tỉnh Đắk Lắk"). */
function phraseWrap(words: readonly string[], maxWidth: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases(words)) {
    const text = phrase.join(' ');
    const candidate = line ? `${line} ${text}` : text;
    if (measure(candidate, size) <= maxWidth) line = candidate;
    else if (measure(text, size) <= maxWidth) {
      if (line) lines.push(line);
      line = text;
    } else {
      const wrapped = greedyWrap(line ? [line, ...phrase] : phrase, maxWidth, size, measure);
      line = wrapped.pop() ?? '';
      lines.push(...wrapped);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Narrowest width (to 2 px) that keeps the same number of lines: evens out a short last line. */
function balance(
  words: readonly string[],
  maxWidth: number,
  size: number,
  measure: Measure,
  n: number,
): string[] {
  let lo = maxWidth / n;
  let hi = maxWidth;
  let best = greedyWrap(words, maxWidth, size, measure);
  while (hi - lo > 2) {
    const mid = (lo + hi) / 2;
    const lines = greedyWrap(words, mid, size, measure);
    if (lines.length <= n) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/**
 * Word wrap to `maxWidth` px with balanced lines (no lone last word). Words wider than the line
 * are broken; beyond `maxLines` the last line ends with an ellipsis, so nothing is ever drawn
 * outside the paper.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  measure: Measure,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const words = cleanText(text).split(' ').filter(Boolean);
  const lines = greedyWrap(words, maxWidth, size, measure);
  if (lines.length <= 1) return lines;
  if (lines.length <= maxLines) {
    const byPhrase = phrases(words).length > 1 ? phraseWrap(words, maxWidth, size, measure) : [];
    if (byPhrase.length > 0 && byPhrase.length <= lines.length) return byPhrase;
    return balance(words, maxWidth, size, measure, lines.length);
  }
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, size, measure);
  return kept;
}

/** Shortens `text` at a word boundary (a character one if need be) and ends it with '…', within `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, size: number, measure: Measure): string {
  const fits = (t: string): boolean => measure(`${t}…`, size) <= maxWidth;
  const words = text.split(' ');
  while (words.length > 1 && !fits(words.join(' '))) words.pop();
  const trimmed = words.join(' ').replace(/[\s,;:—–-]+$/u, '');
  if (fits(trimmed)) return `${trimmed}…`;
  const chars = [...trimmed];
  while (chars.length > 0 && !fits(chars.join('').trimEnd())) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
