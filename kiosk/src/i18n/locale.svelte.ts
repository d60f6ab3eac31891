import { setApiLanguage } from '../../../client/api.js';
import { en } from './en.js';
import { type Strings, vi } from './vi.js';

export type Lang = 'vi' | 'en';

/** The language shown (Vietnamese first); server refusals follow it through Accept-Language. */
export class Locale {
  lang = $state<Lang>('vi');
  readonly t: Strings = $derived(this.lang === 'en' ? en : vi);

  constructor(initial: Lang = 'vi') {
    this.set(initial);
  }

  set(lang: Lang): void {
    this.lang = lang;
    setApiLanguage(lang);
  }

  toggle(): void {
    this.set(this.lang === 'vi' ? 'en' : 'vi');
  }
}
