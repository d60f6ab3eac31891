import type { Ticket } from '../../core/domain/ticket.js';

/** A ticket in a given state, for pure domain tests. */
export function aTicket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    siteId: 'main',
    day: '2026-11-23',
    seq: 1,
    label: 'A001',
    service: 'HT',
    priority: null,
    status: 'waiting',
    issuedAt: 1_000,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    officialId: null,
    targetCounter: null,
    recalls: 0,
    token: 'tok',
    dossierCode: null,
    cancelReason: null,
    ...over,
  };
}
