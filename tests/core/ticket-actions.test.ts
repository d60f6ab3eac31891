import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/domain/errors.js';
import {
  canApply,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  type TicketAction,
  type TicketStatus,
} from '../../core/domain/ticket.js';
import { type ActionContext, applyAction } from '../../core/domain/ticket-actions.js';
import { aTicket } from '../fakes/tickets.js';

/** The expected table, written out by hand: action → statuses it may start from. */
const ALLOWED: Record<TicketAction, TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  noShow: ['called'],
  return: ['no_show'],
  transfer: ['waiting', 'called', 'serving'],
  cancel: ['waiting', 'called', 'serving', 'no_show'],
};

const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  now: 10_000,
  counter: 2,
  officialId: 7,
  reason: 'Công dân yêu cầu',
  transferTo: { service: 'CT' },
  ...over,
});

const cases = TICKET_ACTIONS.flatMap((action) => TICKET_STATUSES.map((status) => [action, status] as const));

describe('ticket transitions: every action from every status', () => {
  it.each(cases)('%s from %s', (action, status) => {
    const allowed = ALLOWED[action].includes(status);
    expect(canApply(status, action)).toBe(allowed);
    const t = aTicket({ status, counter: status === 'waiting' ? null : 2, lastCalledAt: 5_000 });
    if (allowed) {
      const r = applyAction(t, action, ctx());
      expect(r.events.at(-1)?.ticketId).toBe(t.id);
    } else {
      expect(() => applyAction(t, action, ctx())).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
    }
  });
});

describe('what each action records', () => {
  it('call keeps the first call time across recalls and returns', () => {
    const called = applyAction(aTicket(), 'call', ctx({ now: 2_000 })).ticket;
    expect(called).toMatchObject({
      status: 'called',
      firstCalledAt: 2_000,
      lastCalledAt: 2_000,
      counter: 2,
      officialId: 7,
    });
    const recalled = applyAction(called, 'recall', ctx({ now: 3_000 })).ticket;
    expect(recalled).toMatchObject({ firstCalledAt: 2_000, lastCalledAt: 3_000, recalls: 1 });
    const gone = applyAction(recalled, 'noShow', ctx({ now: 4_000 })).ticket;
    const back = applyAction(gone, 'return', ctx({ now: 5_000, counter: null })).ticket;
    expect(back).toMatchObject({ status: 'waiting', firstCalledAt: 2_000, counter: null });
    expect(applyAction(back, 'call', ctx({ now: 6_000 })).ticket.firstCalledAt).toBe(2_000);
  });

  it('finish from called implies the start at the last call', () => {
    const called = aTicket({ status: 'called', counter: 2, lastCalledAt: 5_000 });
    const r = applyAction(called, 'finish', ctx({ now: 9_000, dossierCode: 'H12.34-251123-0001' }));
    expect(r.ticket).toMatchObject({
      status: 'finished',
      startedAt: 5_000,
      finishedAt: 9_000,
      dossierCode: 'H12.34-251123-0001',
    });
    expect(r.events.map((e) => [e.type, e.at, e.data.implied ?? null])).toEqual([
      ['started', 5_000, true],
      ['finished', 9_000, null],
    ]);
  });

  it('transfer keeps number and issue time, requeues in the target service or counter', () => {
    const serving = aTicket({ status: 'serving', counter: 2, startedAt: 5_000, issuedAt: 1_000 });
    const toService = applyAction(
      serving,
      'transfer',
      ctx({ transferTo: { service: 'DD' }, reason: 'Sai lĩnh vực' }),
    );
    expect(toService.ticket).toMatchObject({
      status: 'waiting',
      label: 'A001',
      issuedAt: 1_000,
      service: 'DD',
      counter: null,
    });
    expect(toService.events[0]?.data).toMatchObject({
      fromService: 'HT',
      toService: 'DD',
      reason: 'Sai lĩnh vực',
    });
    const toCounter = applyAction(serving, 'transfer', ctx({ transferTo: { counter: 3 } }));
    expect(toCounter.ticket).toMatchObject({ service: 'HT', targetCounter: 3 });
  });

  it.each([
    ['transfer without a target', 'transfer', { transferTo: {} }, 'TRANSFER_TARGET_REQUIRED'],
    ['cancel without a reason', 'cancel', { reason: '  ' }, 'REASON_REQUIRED'],
    ['recall at another counter', 'recall', { counter: 3 }, 'NOT_AT_THIS_COUNTER'],
  ] as const)('refuses %s', (_n, action, over, code) => {
    const t = aTicket({ status: 'called', counter: 2 });
    const err = (() => {
      try {
        applyAction(t, action, ctx(over as Partial<ActionContext>));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
  });
});
