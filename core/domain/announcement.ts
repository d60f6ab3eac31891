/**
 * Composes a call announcement ("Xin mời công dân có số thứ tự A023 đến quầy số 2") as an ordered list of
 * pre-recorded segment ids, plus its caption and plain speech text. Pure: the display plays the ids, or
 * falls back to the browser's speech synthesis when `missingSegments` reports any.
 */
import type { VoiceSegmentKind } from './announcement-settings.js';
import {
  READING_SEGMENTS,
  type ReadingOptions,
  readCounterWords,
  readLabelWords,
  readNumberWords,
  type SpokenWord,
} from './number-reading.js';
import { type PhraseIndex, phraseIndex, slugify, splitPhrases } from './announcement-phrases.js';

export type { PhraseIndex };
export { phraseIndex, slugify };

export const CHIME = 'chime';
/** Short pause (a comma in the template). */
export const PAUSE_SHORT = 'pause-short';
/** Pause between repetitions. */
export const PAUSE = 'pause';

/** Built-in phrases: the default template's two phrases plus words that let edited templates still play. */
export const PHRASE_SEGMENTS: Readonly<Record<string, string>> = {
  'xin-moi-cong-dan-co-so-thu-tu': 'xin mời công dân có số thứ tự',
  'den-quay-so': 'đến quầy số',
  'moi-cong-dan-co-so-thu-tu': 'mời công dân có số thứ tự',
  'kinh-moi-cong-dan-co-so-thu-tu': 'kính mời công dân có số thứ tự',
  'xin-moi-so-thu-tu': 'xin mời số thứ tự',
  'moi-so-thu-tu': 'mời số thứ tự',
  'toi-quay-so': 'tới quầy số',
  'xin-moi': 'xin mời',
  'kinh-moi': 'kính mời',
  moi: 'mời',
  'cong-dan': 'công dân',
  'nguoi-dan': 'người dân',
  'khach-hang': 'khách hàng',
  'ong-ba': 'ông bà',
  co: 'có',
  'so-thu-tu': 'số thứ tự',
  so: 'số',
  den: 'đến',
  toi: 'tới',
  quay: 'quầy',
  phong: 'phòng',
  ban: 'bàn',
  'vui-long': 'vui lòng',
  'xin-cam-on': 'xin cảm ơn',
};

const kindOf = (id: string): VoiceSegmentKind =>
  id.startsWith('digit-') ? 'digit' : id.startsWith('letter-') ? 'letter' : 'number';

/** Every segment the default set must contain: what scripts/generate-voice.ts records. */
export const VOICE_SEGMENTS: Readonly<Record<string, { text: string; kind: VoiceSegmentKind }>> = {
  [CHIME]: { text: '', kind: 'chime' },
  [PAUSE_SHORT]: { text: '', kind: 'pause' },
  [PAUSE]: { text: '', kind: 'pause' },
  ...Object.fromEntries(Object.entries(PHRASE_SEGMENTS).map(([id, text]) => [id, { text, kind: 'phrase' }])),
  ...Object.fromEntries(
    Object.entries(READING_SEGMENTS).map(([id, text]) => [id, { text, kind: kindOf(id) }]),
  ),
};

export const DEFAULT_PHRASES: PhraseIndex = phraseIndex(PHRASE_SEGMENTS);

export interface AnnouncementInput extends ReadingOptions {
  template: string;
  label: string;
  counter: string | number;
  /** How many times the sentence is read (default 2, clamped to 1..5). */
  repeat?: number;
  /** Chime before the first reading (default true). */
  chime?: boolean;
  /** Phrases with a recording; default: the built-in set. Pass the manifest's phrases to use new recordings. */
  phrases?: PhraseIndex;
}

export interface AnnouncementPlan {
  /** Segment ids in playing order: chime, then the sentence `repeat` times with a pause between. */
  segments: string[];
  /** One reading as displayed: "Xin mời công dân có số thứ tự A023 đến quầy số 2". */
  caption: string;
  /** One utterance per repetition, numbers spelled out, for the speech-synthesis fallback. */
  speech: string[];
}

type Part = { kind: 'text'; text: string } | { kind: 'label' } | { kind: 'counter' };

const PLACEHOLDER = /\{\s*([^{}]*?)\s*\}/gu;
const LABEL_NAMES = new Set(['số', 'so', 'number', 'label']);
const COUNTER_NAMES = new Set(['quầy', 'quay', 'counter']);

function placeholderKind(name: string): 'label' | 'counter' | undefined {
  const n = name.normalize('NFC').toLowerCase();
  return LABEL_NAMES.has(n) ? 'label' : COUNTER_NAMES.has(n) ? 'counter' : undefined;
}

/** Splits a template into text and placeholders; unknown placeholders stay as text. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  const t = template.normalize('NFC');
  for (const m of t.matchAll(PLACEHOLDER)) {
    const kind = placeholderKind(m[1] ?? '');
    if (!kind) continue;
    if (m.index > last) parts.push({ kind: 'text', text: t.slice(last, m.index) });
    parts.push({ kind });
    last = m.index + m[0].length;
  }
  if (last < t.length) parts.push({ kind: 'text', text: t.slice(last) });
  return parts;
}

export type TemplateProblem = 'NO_NUMBER_PLACEHOLDER' | 'NO_COUNTER_PLACEHOLDER' | 'UNKNOWN_PLACEHOLDER';

/** What an admin should fix in an edited template (an empty list means it is fine). */
export function templateProblems(template: string): TemplateProblem[] {
  const parts = parseTemplate(template);
  const problems: TemplateProblem[] = [];
  if (!parts.some((p) => p.kind === 'label')) problems.push('NO_NUMBER_PLACEHOLDER');
  if (!parts.some((p) => p.kind === 'counter')) problems.push('NO_COUNTER_PLACEHOLDER');
  const unknown = [...template.normalize('NFC').matchAll(PLACEHOLDER)].some(
    (m) => !placeholderKind(m[1] ?? ''),
  );
  if (unknown) problems.push('UNKNOWN_PLACEHOLDER');
  return problems;
}

const isLetter = (w: SpokenWord) => w.id.startsWith('letter-') || w.id.startsWith('char-');

/** "A, không, hai, ba" (digits) or "A, hai mươi ba" (number): commas make speech engines pause. */
function labelSpeech(words: SpokenWord[], opts: ReadingOptions): string {
  return words
    .map((w, i) => {
      const prev = words[i - 1];
      if (!prev) return w.text;
      const sep = opts.reading === 'digits' || isLetter(prev) !== isLetter(w) || isLetter(w) ? ', ' : ' ';
      return sep + w.text;
    })
    .join('');
}

function textWords(text: string, input: AnnouncementInput): SpokenWord[] {
  return splitPhrases(text, input.phrases ?? DEFAULT_PHRASES, (n) => readNumberWords(n, input), PAUSE_SHORT);
}

/** Drops pauses at either end and doubled pauses, so joins stay tight. */
function tidyPauses(ids: string[]): string[] {
  const out = ids.filter((id, i) => id !== PAUSE_SHORT || (i > 0 && ids[i - 1] !== PAUSE_SHORT));
  while (out[0] === PAUSE_SHORT) out.shift();
  while (out[out.length - 1] === PAUSE_SHORT) out.pop();
  return out;
}

const tidyText = (s: string) =>
  s
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:!?])/gu, '$1')
    .trim();

/** The full plan: segment ids, caption and speech text. */
export function describeAnnouncement(input: AnnouncementInput): AnnouncementPlan {
  const parts = parseTemplate(input.template);
  const label = readLabelWords(input.label, input);
  const counter = readCounterWords(input.counter, input);
  const pass = tidyPauses(
    parts
      .flatMap((p) =>
        p.kind === 'label' ? label : p.kind === 'counter' ? counter : textWords(p.text, input),
      )
      .map((w) => w.id),
  );
  const show = (p: Part) =>
    p.kind === 'label' ? input.label : p.kind === 'counter' ? String(input.counter) : p.text;
  const say = (p: Part) =>
    p.kind === 'label'
      ? labelSpeech(label, input)
      : p.kind === 'counter'
        ? counter.map((w) => w.text).join(' ')
        : p.text;
  const repeat = Math.min(5, Math.max(1, Math.trunc(input.repeat ?? 2)));
  const segments = input.chime === false ? [] : [CHIME];
  for (let i = 0; i < repeat; i++) segments.push(...(i > 0 ? [PAUSE] : []), ...pass);
  const speech = tidyText(parts.map(say).join(''));
  return { segments, caption: tidyText(parts.map(show).join('')), speech: Array(repeat).fill(speech) };
}

/** Ordered segment ids of an announcement (chime, sentence, pause, sentence…). */
export function composeAnnouncement(input: AnnouncementInput): string[] {
  return describeAnnouncement(input).segments;
}

/** The caption of one reading: "Xin mời công dân có số thứ tự A023 đến quầy số 2". */
export function announcementText(input: AnnouncementInput): string {
  return describeAnnouncement(input).caption;
}

/** Ids without a recording, each once, in first-use order. Any → play the whole call with speech synthesis. */
export function missingSegments(
  ids: readonly string[],
  available: ReadonlySet<string> | readonly string[],
): string[] {
  const have = available instanceof Set ? available : new Set(available);
  return [...new Set(ids)].filter((id) => !have.has(id));
}
