/**
 * Choices and defaults of the voice settings, as plain constants (no TypeBox), so browser apps can use
 * them without bundling the schema library. The schemas live in core/contracts/voice.ts.
 */

/** "A023": digit by digit ("A, không, hai, ba") or as a number ("A, hai mươi ba"). */
export const LABEL_READINGS = ['digits', 'number'] as const;
export type LabelReading = (typeof LABEL_READINGS)[number];

/** 105: "một trăm linh năm" (North, `linh`) or "một trăm lẻ năm" (South, `le`). */
export const NUMBER_STYLES = ['linh', 'le'] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

/** 24: "hai mươi tư" (`tu`, usual) or "hai mươi bốn" (`bon`). */
export const FOUR_AFTER_TENS = ['tu', 'bon'] as const;
export type FourAfterTens = (typeof FOUR_AFTER_TENS)[number];

export const VOICE_SEGMENT_KINDS = ['chime', 'pause', 'phrase', 'digit', 'letter', 'number'] as const;
export type VoiceSegmentKind = (typeof VOICE_SEGMENT_KINDS)[number];

/** The default call wording; admins may edit it (placeholders `{số}` and `{quầy}`). */
export const DEFAULT_VOICE_TEMPLATE = 'Xin mời công dân có số thứ tự {số} đến quầy số {quầy}';

/** Same shape as `Static<typeof VoiceSettingsSchema>` (pinned by a type test). */
export interface VoiceSettings {
  enabled: boolean;
  template: string;
  reading: LabelReading;
  numberStyle: NumberStyle;
  fourAfterTens: FourAfterTens;
  /** 1..3 */
  repeat: number;
  chime: boolean;
}

export const DEFAULT_VOICE_SETTINGS: Readonly<VoiceSettings> = Object.freeze({
  enabled: true,
  template: DEFAULT_VOICE_TEMPLATE,
  reading: 'number',
  numberStyle: 'linh',
  fourAfterTens: 'tu',
  repeat: 2,
  chime: true,
});
