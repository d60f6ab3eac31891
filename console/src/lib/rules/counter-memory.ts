/** The counter this device used last time (per browser, in localStorage). */

export const COUNTER_KEY = 'xephang.console.counter';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function rememberedCounter(store: KeyValueStore | null): number | null {
  try {
    const raw = store?.getItem(COUNTER_KEY);
    const n = raw ? Number(raw) : Number.NaN;
    return Number.isInteger(n) && n >= 1 && n <= 999 ? n : null;
  } catch {
    return null;
  }
}

export function rememberCounter(store: KeyValueStore | null, counter: number | null): void {
  try {
    if (counter === null) store?.removeItem(COUNTER_KEY);
    else store?.setItem(COUNTER_KEY, String(counter));
  } catch {
    // private mode or storage full: the choice is simply not remembered
  }
}

/** localStorage when the browser allows it. */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
