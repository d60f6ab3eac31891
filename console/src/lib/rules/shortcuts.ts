import type { DeskAction } from './actions.js';

/**
 * Keyboard shortcuts, shown on the buttons. Function keys work even while typing in the dossier field
 * and are not changed by Vietnamese input methods (Unikey, EVKey). F5 (reload), F11 and F12 are left
 * to the browser. Pause and resume share F9.
 */
export const SHORTCUT_KEYS: Record<DeskAction, string> = {
  callNext: 'F1',
  recall: 'F2',
  start: 'F3',
  finish: 'F4',
  noShow: 'F6',
  transfer: 'F7',
  callSpecific: 'F8',
  pause: 'F9',
  resume: 'F9',
};

/** Alt + this key focuses the dossier code field (mã hồ sơ). */
export const DOSSIER_ACCESS_KEY = 'm';

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Actions a key press may mean (F9 is pause or resume: the caller keeps the valid one). */
export function actionsForKey(e: KeyLike): DeskAction[] {
  if (e.ctrlKey || e.metaKey || e.altKey) return [];
  return (Object.keys(SHORTCUT_KEYS) as DeskAction[]).filter((a) => SHORTCUT_KEYS[a] === e.key);
}

/** Space or Enter with nothing focused calls the next citizen (a large target for a tired hand). */
export function isBareConfirm(e: KeyLike, focusedTag: string | null): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return (e.key === ' ' || e.key === 'Enter') && (focusedTag === null || focusedTag === 'BODY');
}
