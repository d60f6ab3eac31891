import { type Static, Type } from 'typebox';
import {
  DEFAULT_VOICE_SETTINGS,
  DEFAULT_VOICE_TEMPLATE,
  FOUR_AFTER_TENS,
  LABEL_READINGS,
  NUMBER_STYLES,
  VOICE_SEGMENT_KINDS,
} from '../domain/announcement-settings.js';

export { DEFAULT_VOICE_SETTINGS, DEFAULT_VOICE_TEMPLATE };

export const LabelReadingSchema = Type.Enum(LABEL_READINGS, { default: DEFAULT_VOICE_SETTINGS.reading });
export const NumberStyleSchema = Type.Enum(NUMBER_STYLES, { default: DEFAULT_VOICE_SETTINGS.numberStyle });
export const FourAfterTensSchema = Type.Enum(FOUR_AFTER_TENS, {
  default: DEFAULT_VOICE_SETTINGS.fourAfterTens,
});

/** Voice settings of a centre, edited in the console and pushed to lobby and counter screens. */
export const VoiceSettingsSchema = Type.Object({
  enabled: Type.Boolean({ default: true }),
  template: Type.String({ minLength: 1, maxLength: 200, default: DEFAULT_VOICE_TEMPLATE }),
  reading: LabelReadingSchema,
  numberStyle: NumberStyleSchema,
  fourAfterTens: FourAfterTensSchema,
  repeat: Type.Integer({ minimum: 1, maximum: 3, default: 2 }),
  chime: Type.Boolean({ default: true }),
});
export type VoiceSettings = Static<typeof VoiceSettingsSchema>;

export const VoiceSegmentKindSchema = Type.Enum(VOICE_SEGMENT_KINDS);

/** One recorded segment, as listed in `voice/segments/<lang>/manifest.json`. */
export const VoiceSegmentSchema = Type.Object({
  file: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'file name next to the manifest' }),
  durationMs: Type.Integer({ minimum: 0 }),
  text: Type.String({ description: 'Vietnamese text spoken (empty for chime and pauses), NFC' }),
  kind: VoiceSegmentKindSchema,
});
export type VoiceSegment = Static<typeof VoiceSegmentSchema>;

export const VoiceManifestSchema = Type.Object({
  version: Type.Literal(1),
  language: Type.String({ description: 'BCP 47, e.g. vi' }),
  source: Type.String({ description: 'how the segments were made (generator or "recorded")' }),
  segments: Type.Record(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), VoiceSegmentSchema),
});
export type VoiceManifest = Static<typeof VoiceManifestSchema>;
