import type { RatingLevel, RatingScale } from '../contracts/rating.js';

export { DEFAULT_RATING_SCALE, RATING_SCALE_PRESETS } from './rating-scales.js';

/**
 * Rating scale rules, pure. Levels are numbered 1..n best → worst (1 = "Rất hài lòng" on the
 * default 4-key scale); reports store the raw level and derive the satisfaction rate from counts.
 */

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 5;

/** Every problem with a scale, as `path: message` lines (empty = valid). */
export function validateScale(scale: RatingScale): string[] {
  const errors: string[] = [];
  const n = scale.levels.length;
  if (n < MIN_LEVELS || n > MAX_LEVELS)
    errors.push(`levels: need ${MIN_LEVELS}–${MAX_LEVELS} levels, got ${n}`);
  scale.levels.forEach((l, i) => {
    if (l.level !== i + 1) errors.push(`levels/${i}/level: expected ${i + 1} (levels run 1..n, best first)`);
    if (l.label.trim() === '') errors.push(`levels/${i}/label: empty`);
    if (l.label !== l.label.normalize('NFC')) errors.push(`levels/${i}/label: not NFC`);
  });
  if (scale.satisfied.length === 0) errors.push('satisfied: at least one level');
  for (const s of scale.satisfied) {
    if (!Number.isInteger(s) || s < 1 || s > n) errors.push(`satisfied: level ${s} is not on the scale`);
  }
  if (new Set(scale.satisfied).size === n) errors.push('satisfied: cannot contain every level');
  return errors;
}

export function findLevel(scale: RatingScale, level: number): RatingLevel | undefined {
  return scale.levels.find((l) => l.level === level);
}

/** Key n → level: through the device's keyMap when given, else key n is level n. Off-scale → undefined. */
export function keyToLevel(
  key: number,
  scale: RatingScale,
  keyMap?: Readonly<Record<string, number>>,
): number | undefined {
  const level = keyMap ? keyMap[String(key)] : key;
  if (level === undefined) return undefined;
  return findLevel(scale, level) ? level : undefined;
}

/** Counts per raw level, e.g. `{ 1: 40, 2: 12, 3: 3, 4: 1 }`. */
export type LevelCounts = Readonly<Record<number, number>>;

export interface SatisfactionRate {
  /** satisfied / valid in 0..1; null when there is no valid rating */
  rate: number | null;
  satisfied: number;
  valid: number;
  /** e.g. "Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / số phiếu đánh giá hợp lệ" */
  formula: string;
  formulaEn: string;
}

/**
 * Tỷ lệ hài lòng = (count of the satisfied levels) / (valid responses). Levels not on the scale
 * are not valid responses and are left out of both numerator and denominator.
 */
export function satisfactionRate(counts: LevelCounts, scale: RatingScale): SatisfactionRate {
  let valid = 0;
  let satisfied = 0;
  for (const l of scale.levels) {
    const c = counts[l.level] ?? 0;
    valid += c;
    if (scale.satisfied.includes(l.level)) satisfied += c;
  }
  return { rate: valid === 0 ? null : satisfied / valid, satisfied, valid, ...satisfactionFormula(scale) };
}

export function satisfactionFormula(scale: RatingScale): { formula: string; formulaEn: string } {
  const top = scale.levels.filter((l) => scale.satisfied.includes(l.level));
  const vi = top.map((l) => l.label).join(' + ');
  const en = top.map((l) => l.labelEn).join(' + ');
  return {
    formula: `Tỷ lệ hài lòng = (${vi}) / số phiếu đánh giá hợp lệ`.normalize('NFC'),
    formulaEn: `Satisfaction rate = (${en}) / valid ratings`,
  };
}
