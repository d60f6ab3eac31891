import { DomainError } from './errors.js';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'finished', 'no_show', 'cancelled'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The current-state projection of one ticket. The event log is the history. */
export interface Ticket {
  id: number;
  siteId: string;
  day: string;
  seq: number;
  label: string;
  /** service code the ticket is queued for now (changes on transfer; the label keeps its prefix) */
  service: string;
  priority: string | null;
  status: TicketStatus;
  issuedAt: number;
  /** first call ever (wait time = firstCalledAt − issuedAt) */
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** counter calling/serving it now, or that last did */
  counter: number | null;
  officialId: number | null;
  /** set by a transfer to a specific counter: only that counter may call it */
  targetCounter: number | null;
  recalls: number;
  token: string;
  dossierCode: string | null;
  cancelReason: string | null;
}

/** Allowed transitions as a typed table: action → statuses it may start from → resulting status. */
export const TRANSITIONS = {
  call: { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['called', 'serving'], to: 'finished' },
  noShow: { from: ['called'], to: 'no_show' },
  return: { from: ['no_show'], to: 'waiting' },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting' },
  cancel: { from: ['waiting', 'called', 'serving', 'no_show'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type TicketAction = keyof typeof TRANSITIONS;
export const TICKET_ACTIONS = Object.keys(TRANSITIONS) as TicketAction[];

export function canApply(status: TicketStatus, action: TicketAction): boolean {
  return (TRANSITIONS[action].from as readonly TicketStatus[]).includes(status);
}

export function assertCanApply(ticket: Pick<Ticket, 'status' | 'label'>, action: TicketAction): void {
  if (!canApply(ticket.status, action)) {
    throw new DomainError('INVALID_TRANSITION', { ticket: ticket.label, status: ticket.status, action });
  }
}

/** A ticket is "open" at a counter while it is called or being served there. */
export function isInProgress(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving';
}
