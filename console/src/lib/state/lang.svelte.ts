import { setApiLanguage } from '../../../../client/api.js';
import { en } from '../../i18n/en.js';
import { type Strings, vi } from '../../i18n/vi.js';
import type { KeyValueStore } from '../rules/counter-memory.js';

const LANG_KEY = 'xephang.console.lang';

/** The console's language: Vietnamese first, English second; server messages follow it. */
export class LangState {
  current = $state<'vi' | 'en'>('vi');

  constructor(private readonly store: KeyValueStore | null = null) {
    const saved = (() => {
      try {
        return store?.getItem(LANG_KEY);
      } catch {
        return null;
      }
    })();
    this.set(saved === 'en' ? 'en' : 'vi');
  }

  get t(): Strings {
    return this.current === 'en' ? en : vi;
  }

  set(lang: 'vi' | 'en'): void {
    this.current = lang;
    setApiLanguage(lang);
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    try {
      this.store?.setItem(LANG_KEY, lang);
    } catch {
      // not remembered
    }
  }

  toggle(): void {
    this.set(this.current === 'vi' ? 'en' : 'vi');
  }
}
