import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { checkDevice } from '../../server/devices/device-config.js';
import { parseRatingBoxes, parseTicketButtons, splitEntries } from '../../server/devices/env-format.js';

/** The environment formats of XEPHANG_RATING_BOXES / XEPHANG_TICKET_BUTTONS and device checks. */

describe('splitEntries', () => {
  it.each([
    ['1=/dev/a,2=/dev/b', ['1=/dev/a', '2=/dev/b']],
    ['/dev/btn;map=1:HT,2:CT,3:DD', ['/dev/btn;map=1:HT,2:CT,3:DD']],
    ['bus=/dev/x;addresses=1:1,2:2, 3=/dev/y', ['bus=/dev/x;addresses=1:1,2:2', '3=/dev/y']],
    ['', []],
  ])('%s', (raw, entries) => {
    expect(splitEntries(raw)).toEqual(entries);
  });
});

describe('XEPHANG_RATING_BOXES', () => {
  it('one box per counter, with per-box options', () => {
    const { seeds, errors } = parseRatingBoxes(
      '1=/dev/xephang-box-1,2=/dev/ttyUSB1;framing=byte;keys=1:4,2:3,3:2,4:1',
    );
    expect(errors).toEqual([]);
    expect(seeds).toEqual([
      {
        id: 'box-1',
        kind: 'ratingBox',
        name: 'Hộp đánh giá quầy 1',
        counter: 1,
        config: { path: '/dev/xephang-box-1' },
      },
      {
        id: 'box-2',
        kind: 'ratingBox',
        name: 'Hộp đánh giá quầy 2',
        counter: 2,
        config: { path: '/dev/ttyUSB1', framing: 'byte', keyMap: { 1: 4, 2: 3, 3: 2, 4: 1 } },
      },
    ]);
  });

  it('a bus of boxes with an address map', () => {
    const { seeds, errors } = parseRatingBoxes(
      'bus=/dev/ttyUSB0;framing=stx-etx;addresses=1:1,2:2,3:5;baud=19200',
    );
    expect(errors).toEqual([]);
    expect(seeds[0]).toMatchObject({
      id: 'bus',
      counter: null,
      config: { framing: 'stx-etx', addressMap: { 1: 1, 2: 2, 3: 5 }, baudRate: 19200 },
    });
  });

  it.each([
    ['1=dev/ttyUSB0', /must be \[name=\]\/path/],
    ['1=/dev/a;framing=modbus', /framing=modbus/],
    ['1=/dev/a;colour=red', /unknown option "colour"/],
    ['1=/dev/a,1=/dev/b', /appears twice/],
    ['1=/dev/a;keys=1-4', /key:number/],
    ['b@d=/dev/a', /must be \[name=\]\/path|letters, digits/],
  ])('refuses %s', (raw, problem) => {
    expect(parseRatingBoxes(raw).errors.join('\n')).toMatch(problem);
  });
});

describe('XEPHANG_TICKET_BUTTONS', () => {
  it('key → service (and priority), rate limit options', () => {
    const { seeds, errors } = parseTicketButtons(
      '/dev/xephang-buttons;map=1:HT,2:CT,5:HT:elderly;interval=2000',
    );
    expect(errors).toEqual([]);
    expect(seeds).toEqual([
      {
        id: 'buttons',
        kind: 'ticketButtons',
        name: 'Nút lấy số',
        counter: null,
        config: {
          path: '/dev/xephang-buttons',
          keys: { 1: { service: 'HT' }, 2: { service: 'CT' }, 5: { service: 'HT', priority: 'elderly' } },
          minIntervalMs: 2000,
        },
      },
    ]);
  });

  it('needs a map', () => {
    expect(parseTicketButtons('/dev/b').errors.join()).toMatch(/map=key:SERVICE/);
  });
});

describe('loadConfig', () => {
  it('lists every device problem and refuses to start', () => {
    try {
      loadConfig({ XEPHANG_RATING_BOXES: '1=/dev/a;framing=x', XEPHANG_TICKET_BUTTONS: '/dev/b;map=99:HT' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).problems.join('\n');
      expect(text).toMatch(/XEPHANG_RATING_BOXES #1: framing=x/);
      expect(text).toMatch(/XEPHANG_TICKET_BUTTONS: buttons\/keys\/99: key numbers run 1..16/);
    }
  });

  it('nothing configured: no serial devices (the demo starts on any machine)', () => {
    const c = loadConfig({});
    expect(c.ratingBoxes).toEqual([]);
    expect(c.ticketButtons).toEqual([]);
  });
});

describe('checkDevice against the site', () => {
  const ctx = { services: new Set(['HT']), priorities: new Set(['elderly']), counters: new Set([1, 2]) };
  it.each([
    [{ kind: 'ratingBox', counter: 7, config: { path: '/dev/a' } }, /no counter 7/],
    [{ kind: 'ratingBox', counter: null, config: { path: '/dev/a' } }, /counter: required/],
    [{ kind: 'ratingBox', counter: 1, config: { path: '/dev/a', keyMap: { 1: 9 } } }, /keyMap/],
    [
      { kind: 'ticketButtons', counter: null, config: { path: '/dev/b', keys: { 1: { service: 'XX' } } } },
      /unknown service XX/,
    ],
    [{ kind: 'ticketButtons', counter: null, config: { path: '/dev/b', keys: {} } }, /at least one key/],
    [{ kind: 'printer', counter: null, config: {} }, /uri/],
  ] as const)('%j', (spec, problem) => {
    expect(checkDevice({ id: 'd', ...spec, config: { ...spec.config } }, ctx).join('\n')).toMatch(problem);
  });

  it('a good box passes', () => {
    expect(checkDevice({ id: 'd', kind: 'ratingBox', counter: 1, config: { path: '/dev/a' } }, ctx)).toEqual(
      [],
    );
  });
});
