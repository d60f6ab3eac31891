import type { RatingLevel, RatingScale } from '../contracts/rating.js';

/**
 * Preset rating scales seen in Vietnamese centres (domain.md §2). Level numbers run best → worst,
 * so level 1 is always the best answer and key n of a pad is level n by default.
 */

const VERY_SATISFIED: Omit<RatingLevel, 'level'> = { label: 'Rất hài lòng', labelEn: 'Very satisfied' };
const SATISFIED: Omit<RatingLevel, 'level'> = { label: 'Hài lòng', labelEn: 'Satisfied' };
const NEUTRAL: Omit<RatingLevel, 'level'> = { label: 'Bình thường', labelEn: 'Neutral' };
const DISSATISFIED: Omit<RatingLevel, 'level'> = { label: 'Không hài lòng', labelEn: 'Dissatisfied' };
const VERY_DISSATISFIED: Omit<RatingLevel, 'level'> = {
  label: 'Rất không hài lòng',
  labelEn: 'Very dissatisfied',
};

function numbered(levels: Omit<RatingLevel, 'level'>[]): RatingLevel[] {
  return levels.map((l, i) => ({ level: i + 1, ...l }));
}

/** The 4-key pad: the default scale. */
export const SCALE_4: RatingScale = {
  levels: numbered([VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED]),
  satisfied: [1, 2],
};

/** Ministry online forms. */
export const SCALE_5: RatingScale = {
  levels: numbered([VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED]),
  satisfied: [1, 2],
};

/** Local kiosks. */
export const SCALE_3: RatingScale = {
  levels: numbered([VERY_SATISFIED, SATISFIED, DISSATISFIED]),
  satisfied: [1, 2],
};

/** Two buttons. */
export const SCALE_2: RatingScale = {
  levels: numbered([SATISFIED, DISSATISFIED]),
  satisfied: [1],
};

export const DEFAULT_RATING_SCALE = SCALE_4;

export const RATING_SCALE_PRESETS: Readonly<Record<2 | 3 | 4 | 5, RatingScale>> = {
  2: SCALE_2,
  3: SCALE_3,
  4: SCALE_4,
  5: SCALE_5,
};
