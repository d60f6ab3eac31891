import { describe, expect, it } from 'vitest';
import {
  type AttributionDecision,
  type AttributionInput,
  type AttributionTicket,
  attributeRating,
} from '../../core/domain/rating-attribution.js';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);
const s = (seconds: number) => T0 + seconds * 1000;

function ticket(id: number, over: Partial<AttributionTicket> = {}): AttributionTicket {
  return {
    id,
    status: 'finished',
    counter: 1,
    officialId: 7,
    service: 'HT',
    finishedAt: s(0),
    alreadyRated: false,
    ...over,
  };
}
const serving = (id: number, over: Partial<AttributionTicket> = {}) =>
  ticket(id, { status: 'serving', finishedAt: null, officialId: 8, ...over });

type Case = [string, AttributionInput, Partial<AttributionDecision>];

describe('attributeRating', () => {
  it.each<Case>([
    ['press before any ticket', { counter: 1, at: s(5), recent: [] }, { kind: 'general', counter: 1 }],
    [
      'press just after finishing',
      { counter: 1, at: s(5), recent: [ticket(10)] },
      { kind: 'ticket', ticketId: 10, officialId: 7, service: 'HT', via: 'finished' },
    ],
    [
      'press at the window edge (45 s)',
      { counter: 1, at: s(45), recent: [ticket(10)] },
      { kind: 'ticket', ticketId: 10 },
    ],
    ['press after the window', { counter: 1, at: s(46), recent: [ticket(10)] }, { kind: 'general' }],
    [
      'press after the window while the next ticket is served',
      { counter: 1, at: s(300), recent: [ticket(10)], current: serving(11) },
      { kind: 'ticket', ticketId: 11, officialId: 8, via: 'current' },
    ],
    [
      'press while called (not yet started)',
      { counter: 1, at: s(5), recent: [], current: serving(11, { status: 'called' }) },
      { kind: 'ticket', ticketId: 11, via: 'current' },
    ],
    [
      'the finished ticket wins over the one just called',
      { counter: 1, at: s(10), recent: [ticket(10)], current: serving(11, { status: 'called' }) },
      { kind: 'ticket', ticketId: 10, via: 'finished' },
    ],
    [
      'most recently finished of several',
      {
        counter: 1,
        at: s(30),
        recent: [ticket(9, { finishedAt: s(-20) }), ticket(10, { finishedAt: s(20) })],
      },
      { kind: 'ticket', ticketId: 10 },
    ],
    [
      'official logged out between finish and press',
      { counter: 1, at: s(20), recent: [ticket(10, { officialId: 7 })], current: null },
      { kind: 'ticket', ticketId: 10, officialId: 7 },
    ],
    [
      'finish committed just after the press (clock skew)',
      { counter: 1, at: s(0) - 500, recent: [ticket(10)] },
      { kind: 'ticket', ticketId: 10 },
    ],
    [
      'bounce: second press 1 s later',
      { counter: 1, at: s(6), lastPressAt: s(5), recent: [ticket(10)] },
      {
        kind: 'bounce',
        sinceLastMs: 1000,
      },
    ],
    [
      'not a bounce at 3 s, and the ticket is rated: duplicate',
      { counter: 1, at: s(8), lastPressAt: s(5), recent: [ticket(10, { alreadyRated: true })] },
      { kind: 'duplicate', ticketId: 10 },
    ],
    [
      'second press later never overwrites nor moves to the next citizen',
      {
        counter: 1,
        at: s(30),
        lastPressAt: s(5),
        recent: [ticket(9, { finishedAt: s(-10) }), ticket(10, { alreadyRated: true })],
        current: serving(11, { status: 'called' }),
      },
      { kind: 'duplicate', ticketId: 10 },
    ],
    [
      'current ticket already rated',
      { counter: 1, at: s(100), recent: [], current: serving(11, { alreadyRated: true }) },
      { kind: 'duplicate', ticketId: 11 },
    ],
    [
      'unattributed official on the ticket stays null',
      { counter: 1, at: s(5), recent: [ticket(10, { officialId: null })] },
      { kind: 'ticket', ticketId: 10, officialId: null },
    ],
    [
      "another counter's ticket is ignored",
      { counter: 2, at: s(5), recent: [ticket(10)], current: serving(11) },
      { kind: 'general', counter: 2 },
    ],
    [
      'no-show and waiting tickets are not rated',
      {
        counter: 1,
        at: s(5),
        recent: [ticket(10, { status: 'no_show' })],
        current: serving(11, { status: 'waiting' }),
      },
      { kind: 'general' },
    ],
    [
      'no previous press at this counter',
      { counter: 1, at: s(5), lastPressAt: null, recent: [ticket(10)] },
      { kind: 'ticket', ticketId: 10 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(attributeRating(input)).toMatchObject(expected);
  });

  it('two counters pressing at once each rate their own ticket', () => {
    const recent = [ticket(10, { counter: 1, officialId: 7 }), ticket(20, { counter: 2, officialId: 9 })];
    const at = s(5);
    expect(attributeRating({ counter: 1, at, recent })).toEqual({
      kind: 'ticket',
      counter: 1,
      ticketId: 10,
      officialId: 7,
      service: 'HT',
      via: 'finished',
    });
    expect(attributeRating({ counter: 2, at, recent })).toMatchObject({
      kind: 'ticket',
      ticketId: 20,
      officialId: 9,
    });
  });

  it('honours a custom window and bounce time', () => {
    const policy = { windowMs: 10_000, bounceMs: 500, skewMs: 0 };
    expect(attributeRating({ counter: 1, at: s(11), recent: [ticket(10)] }, policy).kind).toBe('general');
    expect(
      attributeRating({ counter: 1, at: s(1), lastPressAt: s(0), recent: [ticket(10)] }, policy).kind,
    ).toBe('ticket');
  });
});
