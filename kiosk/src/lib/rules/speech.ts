import type { Lang } from '../../i18n/locale.svelte.js';

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const VI_LETTERS: Record<string, string> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  E: 'e',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  I: 'i',
  J: 'gi',
  K: 'ca',
  L: 'e-lờ',
  M: 'em-mờ',
  N: 'en-nờ',
  O: 'o',
  P: 'pê',
  Q: 'quy',
  R: 'e-rờ',
  S: 'ét',
  T: 'tê',
  U: 'u',
  V: 'vê',
  W: 'vê kép',
  X: 'ích-xì',
  Y: 'i dài',
  Z: 'dét',
};

/** A ticket label read character by character: "A023" → "a, không, hai, ba" (or "A, 0, 2, 3"). */
export function speakableLabel(label: string, lang: Lang): string {
  const parts = [...label.toUpperCase()].map((c) => {
    if (lang === 'en') return c;
    if (c >= '0' && c <= '9') return VI_DIGITS[Number(c)]!;
    return VI_LETTERS[c] ?? c;
  });
  return parts.join(', ');
}
