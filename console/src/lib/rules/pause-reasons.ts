import { PAUSE_REASONS, type PauseReason } from '../../../../core/domain/counter-session.js';

export { PAUSE_REASONS, type PauseReason };

/**
 * Pause reasons offered by the console (core/domain/counter-session.ts PAUSE_REASONS). The Vietnamese
 * text is what is sent and stored as the pause reason, and what lobby screens show; `other` is sent as
 * "Khác: <the official's words>".
 */
export const PAUSE_REASON_TEXT: Record<PauseReason, { vi: string; en: string }> = {
  break: { vi: 'Nghỉ giải lao', en: 'Break' },
  meeting: { vi: 'Họp', en: 'Meeting' },
  fieldWork: { vi: 'Công tác/đi thực địa', en: 'Field work' },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * The reason sent to the server and stored: always the Vietnamese text, so a report groups "Họp" the
 * same whichever language the official's console uses.
 * `other` needs the official's own words; returns null when they are missing.
 */
export function pauseReasonText(choice: PauseReason, otherText = ''): string | null {
  if (choice !== 'other') return PAUSE_REASON_TEXT[choice].vi;
  const text = otherText.trim().replace(/\s+/g, ' ').normalize('NFC');
  return text ? `${PAUSE_REASON_TEXT.other.vi}: ${text}`.slice(0, 300) : null;
}

/** A stored reason shown in the console's language (free texts stay as written). */
export function pauseReasonLabel(stored: string, lang: 'vi' | 'en'): string {
  for (const code of PAUSE_REASONS) {
    const t = PAUSE_REASON_TEXT[code];
    if (stored === t.vi) return t[lang];
    if (stored.startsWith(`${t.vi}: `)) return `${t[lang]}: ${stored.slice(t.vi.length + 2)}`;
  }
  return stored;
}
