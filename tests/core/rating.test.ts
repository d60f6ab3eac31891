import { describe, expect, it } from 'vitest';
import type { RatingScale } from '../../core/contracts/rating.js';
import {
  DEFAULT_RATING_SCALE,
  keyToLevel,
  RATING_SCALE_PRESETS,
  satisfactionRate,
  validateScale,
} from '../../core/domain/rating.js';

describe('rating scales', () => {
  it('defaults to the 4-key scale, best first, top two satisfied', () => {
    expect(DEFAULT_RATING_SCALE.levels.map((l) => [l.level, l.label])).toEqual([
      [1, 'Rất hài lòng'],
      [2, 'Hài lòng'],
      [3, 'Bình thường'],
      [4, 'Không hài lòng'],
    ]);
    expect(DEFAULT_RATING_SCALE.satisfied).toEqual([1, 2]);
  });

  it.each([2, 3, 4, 5] as const)('preset with %i levels is valid and NFC', (n) => {
    const scale = RATING_SCALE_PRESETS[n];
    expect(scale.levels).toHaveLength(n);
    expect(validateScale(scale)).toEqual([]);
    for (const l of scale.levels) expect(l.label).toBe(l.label.normalize('NFC'));
  });

  const base = DEFAULT_RATING_SCALE.levels;
  it.each<[string, RatingScale, RegExp]>([
    ['one level', { levels: base.slice(0, 1), satisfied: [1] }, /need 2–5 levels/],
    ['six levels', { levels: [...base, ...base].slice(0, 6), satisfied: [1] }, /need 2–5 levels/],
    ['gap in numbering', { levels: [base[0]!, { ...base[2]! }], satisfied: [1] }, /expected 2/],
    ['empty label', { levels: [base[0]!, { ...base[1]!, label: ' ' }], satisfied: [1] }, /label: empty/],
    [
      'NFD label',
      { levels: [base[0]!, { ...base[1]!, label: 'Hài lòng'.normalize('NFD') }], satisfied: [1] },
      /NFC/,
    ],
    ['satisfied off scale', { levels: base.slice(0, 2), satisfied: [3] }, /not on the scale/],
    ['nothing satisfied', { levels: base.slice(0, 2), satisfied: [] }, /at least one/],
    ['everything satisfied', { levels: base.slice(0, 2), satisfied: [1, 2] }, /every level/],
  ])('rejects %s', (_name, scale, message) => {
    expect(validateScale(scale).join('\n')).toMatch(message);
  });
});

describe('keyToLevel', () => {
  it.each<[number, Record<string, number> | undefined, number | undefined]>([
    [1, undefined, 1],
    [4, undefined, 4],
    [5, undefined, undefined],
    [0, undefined, undefined],
    [1, { '1': 4, '2': 3, '3': 2, '4': 1 }, 4],
    [3, { '1': 1, '2': 4 }, undefined],
    [2, { '2': 9 }, undefined],
  ])('key %i with keyMap %o → level %s', (key, keyMap, level) => {
    expect(keyToLevel(key, DEFAULT_RATING_SCALE, keyMap)).toBe(level);
  });
});

describe('satisfactionRate', () => {
  it('counts the top two over all valid ratings and gives the formula', () => {
    const r = satisfactionRate({ 1: 40, 2: 10, 3: 30, 4: 20 }, DEFAULT_RATING_SCALE);
    expect(r).toMatchObject({ rate: 0.5, satisfied: 50, valid: 100 });
    expect(r.formula).toBe(
      'Tỷ lệ hài lòng = (Rất hài lòng + Hài lòng) / số phiếu đánh giá hợp lệ'.normalize('NFC'),
    );
    expect(r.formulaEn).toBe('Satisfaction rate = (Very satisfied + Satisfied) / valid ratings');
  });

  it('is null without ratings, and ignores levels not on the scale', () => {
    expect(satisfactionRate({}, DEFAULT_RATING_SCALE).rate).toBeNull();
    expect(satisfactionRate({ 1: 3, 7: 100 }, DEFAULT_RATING_SCALE)).toMatchObject({ rate: 1, valid: 3 });
  });

  it('follows a 2-level scale', () => {
    const r = satisfactionRate({ 1: 3, 2: 1 }, RATING_SCALE_PRESETS[2]);
    expect(r.rate).toBe(0.75);
    expect(r.formula).toBe('Tỷ lệ hài lòng = (Hài lòng) / số phiếu đánh giá hợp lệ');
  });
});
