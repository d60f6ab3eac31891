import type { Lang } from '../lib/route.js';
import { en } from './en.js';
import { type Messages, vi } from './vi.js';

export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : vi;
}
