import { Value } from 'typebox/value';
import {
  DEFAULT_PROMPT_SECONDS,
  DEFAULT_RATING_REASONS,
  DEFAULT_WINDOW_SECONDS,
  type RatingSettings,
  type RatingSettingsPatch,
  RatingSettingsSchema,
} from '../../core/contracts/rating-api.js';
import { DEFAULT_RATING_SCALE, validateScale } from '../../core/domain/rating.js';

export const DEFAULT_RATING_SETTINGS: RatingSettings = {
  levels: DEFAULT_RATING_SCALE.levels,
  satisfied: DEFAULT_RATING_SCALE.satisfied,
  windowSeconds: DEFAULT_WINDOW_SECONDS,
  promptSeconds: DEFAULT_PROMPT_SECONDS,
  reasons: DEFAULT_RATING_REASONS,
};

/** Every problem with a full settings value (schema, scale rules, unique reason codes). */
export function checkRatingSettings(s: unknown): string[] {
  const errors = [...Value.Errors(RatingSettingsSchema, s)].map(
    (e) => `${e.instancePath || '/'}: ${e.message}`,
  );
  if (errors.length) return errors;
  const settings = s as RatingSettings;
  errors.push(...validateScale(settings));
  const codes = settings.reasons.map((r) => r.code);
  for (const c of codes.filter((c, i) => codes.indexOf(c) !== i))
    errors.push(`reasons: code "${c}" appears twice`);
  return errors;
}

/**
 * The stored `rating` settings row over the defaults. A stored value that has become invalid
 * (hand-edited) falls back to the defaults field by field rather than stopping ratings.
 */
export function mergeRatingSettings(stored: unknown): RatingSettings {
  if (stored === null || typeof stored !== 'object') return DEFAULT_RATING_SETTINGS;
  const merged = { ...DEFAULT_RATING_SETTINGS, ...(stored as Partial<RatingSettings>) };
  if (checkRatingSettings(merged).length === 0) return merged;
  const scaleOnly = { ...DEFAULT_RATING_SETTINGS, levels: merged.levels, satisfied: merged.satisfied };
  return checkRatingSettings(scaleOnly).length === 0 ? scaleOnly : DEFAULT_RATING_SETTINGS;
}

/** Applies a patch; throws the problems as one message when the result is invalid. */
export function patchRatingSettings(current: RatingSettings, patch: RatingSettingsPatch): RatingSettings {
  const next = { ...current, ...patch } as RatingSettings;
  next.levels = next.levels.map((l) => ({
    ...l,
    label: l.label.normalize('NFC'),
    labelEn: l.labelEn.normalize('NFC'),
  }));
  next.reasons = next.reasons.map((r) => ({ ...r, label: r.label.normalize('NFC') }));
  const problems = checkRatingSettings(next);
  if (problems.length) throw new RangeError(problems.join('; '));
  return next;
}
