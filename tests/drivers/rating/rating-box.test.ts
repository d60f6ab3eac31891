import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import type { RatingBoxConfig, RatingPress } from '../../../core/contracts/rating.js';
import { ManualClock } from '../../../core/domain/clock.js';
import { RATING_SCALE_PRESETS } from '../../../core/domain/rating.js';
import { attributeRating } from '../../../core/domain/rating-attribution.js';
import { checkRatingBoxConfig, createRatingBox } from '../../../drivers/rating/create-rating-box.js';
import type { RatingBox } from '../../../drivers/rating/rating-box.js';
import { encodeStxEtx } from '../../../drivers/serial/framing/stx-etx-framing.js';
import { ManualTimers, MockSerial, waitUntil } from '../serial/mock-serial.js';

let n = 0;
const boxes: RatingBox[] = [];

async function setup(over: Partial<RatingBoxConfig> = {}, scaleLevels: 2 | 3 | 4 | 5 = 4) {
  const mock = new MockSerial(`/dev/mock-box-${++n}`);
  const clock = new ManualClock(1_000_000);
  const config: RatingBoxConfig = { id: `box${n}`, path: mock.path, counter: 3, ...over };
  const box = createRatingBox(config, {
    binding: mock.binding,
    timers: new ManualTimers(),
    clock,
    scale: RATING_SCALE_PRESETS[scaleLevels],
  });
  boxes.push(box);
  const presses: RatingPress[] = [];
  box.onPress((p) => presses.push(p));
  box.start();
  await waitUntil(() => box.status().state === 'connected');
  return { mock, clock, box, presses };
}

afterEach(async () => {
  await Promise.all(boxes.splice(0).map((b) => b.close()));
  SerialPortMock.binding.reset();
});

describe('RatingBox', () => {
  it('turns K<n> lines into presses at its counter, split across chunks', async () => {
    const { mock, presses, box } = await setup();
    mock.emit('K');
    mock.emit('2\r');
    mock.emit('\nK4\r\n');
    await waitUntil(() => presses.length === 2);
    expect(presses).toEqual([
      { deviceId: box.id, counter: 3, key: 2, level: 2, at: 1_000_000 },
      { deviceId: box.id, counter: 3, key: 4, level: 4, at: 1_000_000 },
    ]);
  });

  it('drops noise and keys that are not on the scale, and counts them', async () => {
    const { mock, presses, box } = await setup({}, 3);
    mock.emit('\x00\xffgarbage\r\nK4\r\nK1\r\n');
    await waitUntil(() => presses.length === 1);
    expect(presses[0]).toMatchObject({ key: 1, level: 1 });
    expect(box.stats()).toEqual({ frames: 2, dropped: 1, presses: 1, unmappedKeys: 1, unknownAddresses: 0 });
  });

  it('applies the keyMap (a pad wired worst-first)', async () => {
    const { mock, presses } = await setup({ keyMap: { '1': 4, '2': 3, '3': 2, '4': 1 } });
    mock.emit('K1\r\n');
    await waitUntil(() => presses.length === 1);
    expect(presses[0]).toMatchObject({ key: 1, level: 4 });
  });

  it('byte framing with a custom map', async () => {
    const { mock, presses } = await setup({ framing: 'byte', byteMap: { A: 1, B: 2 } });
    mock.emit('xAB');
    await waitUntil(() => presses.length === 2);
    expect(presses.map((p) => p.level)).toEqual([1, 2]);
  });

  it('stx-etx: one bus, counters from the address map, unknown addresses dropped', async () => {
    const { mock, presses, box } = await setup({
      framing: 'stx-etx',
      counter: undefined,
      addressMap: { '1': 5, '2': 6 },
    });
    mock.emit(
      Buffer.concat([
        encodeStxEtx(1, 1),
        encodeStxEtx(2, 3),
        encodeStxEtx(9, 1),
        Buffer.from([2, 1, 1, 3, 0]),
      ]),
    );
    await waitUntil(() => presses.length === 2 && box.stats().unknownAddresses === 1);
    expect(presses.map((p) => [p.counter, p.level, p.address])).toEqual([
      [5, 1, 1],
      [6, 3, 2],
    ]);
    expect(box.stats()).toMatchObject({ frames: 3, dropped: 1 });
  });

  it('stx-etx without an address map: the address is the counter', async () => {
    const { mock, presses } = await setup({ framing: 'stx-etx', counter: undefined });
    mock.emit(encodeStxEtx(7, 2));
    await waitUntil(() => presses.length === 1);
    expect(presses[0]).toMatchObject({ counter: 7, level: 2, address: 7 });
  });

  it('a contact bounce reaches the domain as two presses; attribution ignores the second', async () => {
    const { mock, presses, clock } = await setup();
    mock.emit('K1\r\n');
    await waitUntil(() => presses.length === 1);
    clock.advance(120);
    mock.emit('K1\r\n');
    await waitUntil(() => presses.length === 2);
    const recent = [
      {
        id: 1,
        status: 'finished',
        counter: 3,
        officialId: 4,
        service: 'HT',
        finishedAt: 990_000,
        alreadyRated: false,
      },
    ];
    const [first, second] = presses;
    const d1 = attributeRating({ counter: 3, at: first!.at, recent });
    const d2 = attributeRating({ counter: 3, at: second!.at, lastPressAt: first!.at, recent });
    expect(d1).toMatchObject({ kind: 'ticket', ticketId: 1 });
    expect(d2).toEqual({ kind: 'bounce', counter: 3, sinceLastMs: 120 });
  });

  it('drops a partial frame when the link drops', async () => {
    const { mock, presses, box } = await setup();
    mock.emit('K');
    await waitUntil(() => box.stats().frames === 0);
    await new Promise((r) => setTimeout(r, 10));
    mock.unplug();
    await waitUntil(() => box.status().state === 'disconnected');
    expect(box.stats().dropped).toBe(1);
    expect(presses).toEqual([]);
  });
});

describe('checkRatingBoxConfig', () => {
  const base: RatingBoxConfig = { id: 'b1', path: '/dev/x', counter: 1 };
  it.each<[string, RatingBoxConfig, RegExp | null]>([
    ['minimal line box', base, null],
    ['line box without a counter', { id: 'b1', path: '/dev/x' }, /counter: required/],
    ['addressMap on a line box', { ...base, addressMap: { '1': 2 } }, /only used by 'stx-etx'/],
    ['keyMap off the scale', { ...base, keyMap: { '1': 5 } }, /level 5 is not on the scale/],
    ['bad byteMap', { ...base, framing: 'byte', byteMap: { xy: 1 } }, /byteMap/],
    ['stx-etx bus', { id: 'bus', path: '/dev/x', framing: 'stx-etx', addressMap: { '1': 1 } }, null],
  ])('%s', (_name, config, error) => {
    const errors = checkRatingBoxConfig(config).join('\n');
    if (error) expect(errors).toMatch(error);
    else expect(errors).toBe('');
  });

  it('createRatingBox throws with every problem listed', () => {
    expect(() => createRatingBox({ id: 'b1', path: '/dev/x', keyMap: { '1': 9 } })).toThrow(
      /counter[\s\S]*level 9/,
    );
  });
});
