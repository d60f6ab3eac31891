/**
 * Every state change is one event row: the history reports are computed from.
 * `at` is epoch ms; ticket/counter/official are the ones involved at that moment.
 */
export const EVENT_TYPES = [
  'issued',
  'called',
  'recalled',
  'started',
  'finished',
  'no_show',
  'returned',
  'transferred',
  'cancelled',
  'login',
  'logout',
  'paused',
  'resumed',
  'reprinted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  type: EventType;
  at: number;
  ticketId: number | null;
  counter: number | null;
  officialId: number | null;
  service: string | null;
  data: Record<string, string | number | boolean | null>;
}

export function event(
  type: EventType,
  at: number,
  fields: Partial<Omit<DomainEvent, 'type' | 'at'>> = {},
): DomainEvent {
  return {
    type,
    at,
    ticketId: fields.ticketId ?? null,
    counter: fields.counter ?? null,
    officialId: fields.officialId ?? null,
    service: fields.service ?? null,
    data: fields.data ?? {},
  };
}
