import { DomainError } from './errors.js';
import { type DomainEvent, type EventType, event } from './events.js';
import { assertCanApply, type Ticket, type TicketAction, TRANSITIONS } from './ticket.js';

/** Who does an action and where. Counter actions always have a counter; admin actions may not. */
export interface ActionContext {
  now: number;
  counter: number | null;
  officialId: number | null;
  reason?: string;
  transferTo?: { service?: string; counter?: number };
  dossierCode?: string;
}

export interface ActionResult {
  ticket: Ticket;
  events: DomainEvent[];
}

type Patch = (t: Ticket, c: ActionContext) => Partial<Ticket>;

const PATCHES: Record<TicketAction, Patch> = {
  call: (t, c) => ({
    firstCalledAt: t.firstCalledAt ?? c.now,
    lastCalledAt: c.now,
    counter: c.counter,
    officialId: c.officialId,
    targetCounter: null,
  }),
  recall: (t, c) => ({ lastCalledAt: c.now, recalls: t.recalls + 1 }),
  start: (_t, c) => ({ startedAt: c.now }),
  finish: (t, c) => ({
    startedAt: t.startedAt ?? t.lastCalledAt ?? c.now,
    finishedAt: c.now,
    dossierCode: c.dossierCode ?? t.dossierCode,
  }),
  noShow: () => ({}),
  return: () => ({ counter: null, officialId: null, lastCalledAt: null, startedAt: null }),
  transfer: (t, c) => ({
    service: c.transferTo?.service ?? t.service,
    targetCounter: c.transferTo?.counter ?? null,
    counter: null,
    officialId: null,
    lastCalledAt: null,
    startedAt: null,
  }),
  cancel: (_t, c) => ({ cancelReason: c.reason ?? null }),
};

const EVENT_OF: Record<TicketAction, EventType> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  noShow: 'no_show',
  return: 'returned',
  transfer: 'transferred',
  cancel: 'cancelled',
};

function checkPreconditions(t: Ticket, action: TicketAction, c: ActionContext): void {
  if (action === 'transfer' && !c.transferTo?.service && c.transferTo?.counter === undefined) {
    throw new DomainError('TRANSFER_TARGET_REQUIRED');
  }
  if (action === 'cancel' && !c.reason?.trim()) throw new DomainError('REASON_REQUIRED');
  const counterBound =
    action === 'recall' || action === 'start' || action === 'finish' || action === 'noShow';
  if (counterBound && c.counter !== null && t.counter !== c.counter) {
    throw new DomainError('NOT_AT_THIS_COUNTER', { ticket: t.label, counter: c.counter });
  }
}

function eventData(
  before: Ticket,
  after: Ticket,
  action: TicketAction,
  c: ActionContext,
): DomainEvent['data'] {
  switch (action) {
    case 'call':
      return { label: after.label, priority: after.priority, recall: false };
    case 'recall':
      return { label: after.label, recall: true, recalls: after.recalls };
    case 'transfer':
      return {
        fromService: before.service,
        toService: after.service,
        toCounter: after.targetCounter,
        fromCounter: before.counter,
        reason: c.reason ?? null,
      };
    case 'cancel':
      return { reason: c.reason ?? null, fromStatus: before.status };
    case 'finish':
      return { dossierCode: after.dossierCode };
    default:
      return {};
  }
}

/**
 * Applies one action to a ticket: checks the transition table and the action's own rules, and returns
 * the new ticket with the events to record. Finishing a ticket that was only called implies its start
 * at the last call (recorded as a `started` event with `implied: true`).
 */
export function applyAction(t: Ticket, action: TicketAction, c: ActionContext): ActionResult {
  assertCanApply(t, action);
  checkPreconditions(t, action, c);
  const next: Ticket = { ...t, ...PATCHES[action](t, c), status: TRANSITIONS[action].to };
  const who = {
    ticketId: t.id,
    counter: c.counter ?? t.counter,
    officialId: c.officialId,
    service: next.service,
  };
  const events: DomainEvent[] = [];
  if (action === 'finish' && t.startedAt === null) {
    events.push(event('started', next.startedAt ?? c.now, { ...who, data: { implied: true } }));
  }
  events.push(event(EVENT_OF[action], c.now, { ...who, data: eventData(t, next, action, c) }));
  return { ticket: next, events };
}
