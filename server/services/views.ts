import type { IssuedTicket, TicketView } from '../../core/contracts/api.js';
import type { Ticket } from '../../core/domain/ticket.js';

export const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    label: t.label,
    service: t.service,
    priority: t.priority,
    status: t.status,
    issuedAt: iso(t.issuedAt),
    firstCalledAt: isoOrNull(t.firstCalledAt),
    lastCalledAt: isoOrNull(t.lastCalledAt),
    startedAt: isoOrNull(t.startedAt),
    finishedAt: isoOrNull(t.finishedAt),
    counter: t.counter,
    targetCounter: t.targetCounter,
    recalls: t.recalls,
    dossierCode: t.dossierCode,
  };
}

export function issuedView(t: Ticket, serviceName: string, ahead: number, publicUrl: string): IssuedTicket {
  return {
    id: t.id,
    label: t.label,
    service: t.service,
    serviceName,
    priority: t.priority,
    ahead,
    issuedAt: iso(t.issuedAt),
    statusUrl: `${publicUrl}/t/${t.token}`,
  };
}
