/**
 * Which counter actions are valid now, from the counter's state alone. The server checks the same
 * rules (and refuses with a stable code); the console uses them to enable buttons and shortcuts.
 */

export const DESK_ACTIONS = [
  'callNext',
  'recall',
  'start',
  'finish',
  'noShow',
  'transfer',
  'callSpecific',
  'pause',
  'resume',
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** What the counter is doing: idle (free to call), called, serving, paused. */
export type DeskPhase = 'idle' | 'called' | 'serving' | 'paused';

export interface DeskFacts {
  /** status of the counter's current ticket, if any */
  current: 'called' | 'serving' | null;
  paused: boolean;
  /** an action is in flight: nothing else may start (a double click never calls two tickets) */
  busy: boolean;
}

export function phaseOf(f: Pick<DeskFacts, 'current' | 'paused'>): DeskPhase {
  if (f.current) return f.current;
  return f.paused ? 'paused' : 'idle';
}

const VALID: Record<DeskPhase, readonly DeskAction[]> = {
  idle: ['callNext', 'callSpecific', 'pause'],
  called: ['recall', 'start', 'finish', 'noShow', 'transfer'],
  serving: ['finish', 'transfer'],
  paused: ['resume'],
};

export function canDo(action: DeskAction, f: DeskFacts): boolean {
  return !f.busy && VALID[phaseOf(f)].includes(action);
}

/** The action a keyboard user most likely wants next: it gets the focus after each step. */
export function primaryAction(phase: DeskPhase): DeskAction {
  return { idle: 'callNext', called: 'start', serving: 'finish', paused: 'resume' }[phase] as DeskAction;
}

/** Why an action is not possible now, for a helpful message when its key is pressed anyway. */
export type Blocked = 'busy' | 'noTicket' | 'inProgress' | 'paused' | 'notPaused' | 'serving';

export function whyNot(action: DeskAction, f: DeskFacts): Blocked | null {
  if (canDo(action, f)) return null;
  if (f.busy) return 'busy';
  const phase = phaseOf(f);
  if (action === 'resume') return 'notPaused';
  if (phase === 'paused') return 'paused';
  if (phase === 'idle') return 'noTicket';
  if (phase === 'serving' && (action === 'recall' || action === 'start' || action === 'noShow'))
    return 'serving';
  return 'inProgress';
}
