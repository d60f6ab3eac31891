import { describe, expect, it } from 'vitest';
import {
  parseStatus,
  queryPrinterState,
  type StatusChannel,
  statusToState,
} from '../../../drivers/printer/status.js';

describe('parseStatus', () => {
  it.each([
    [1, 0x12, { offline: false }],
    [1, 0x1a, { offline: true }],
    [2, 0x12, { coverOpen: false, paperOut: false, error: false }],
    [2, 0x16, { coverOpen: true }],
    [2, 0x32, { paperOut: true }],
    [2, 0x52, { error: true }],
    [3, 0x1a, { cutterError: true }],
    [3, 0x32, { unrecoverable: true }],
    [3, 0x52, { autoRecoverable: true }],
    [4, 0x12, { paperNearEnd: false, paperOut: false }],
    [4, 0x1e, { paperNearEnd: true, paperOut: false }],
    [4, 0x72, { paperNearEnd: false, paperOut: true }],
    [4, 0x7e, { paperNearEnd: true, paperOut: true }],
  ] as const)('DLE EOT %i answered 0x%s', (n, byte, flags) => {
    expect(parseStatus(n, byte)).toMatchObject({ n, valid: true, ...flags });
  });

  it('distrusts bytes without the fixed bits (bit 1 and 4 set, 0 and 7 clear)', () => {
    expect(parseStatus(1, 0x00).valid).toBe(false);
    expect(parseStatus(1, 0x93).valid).toBe(false);
    expect(statusToState([parseStatus(4, 0xff)])).toBe('unknown');
  });
});

describe('statusToState', () => {
  const s = (n: 1 | 2 | 3 | 4, b: number) => parseStatus(n, b);
  it.each([
    [[], 'unknown'],
    [[s(1, 0x12), s(2, 0x12), s(4, 0x12)], 'ok'],
    [[s(1, 0x12), s(2, 0x12), s(4, 0x1e)], 'paperNearEnd'],
    [[s(1, 0x1a), s(2, 0x32), s(4, 0x72)], 'paperOut'],
    [[s(1, 0x1a), s(2, 0x16), s(4, 0x72)], 'coverOpen'],
    [[s(1, 0x1a), s(2, 0x52)], 'offline'],
    [[s(1, 0x12)], 'ok'],
  ] as const)('%j → %s', (replies, state) => {
    expect(statusToState(replies)).toBe(state);
  });
});

/** A channel answering requests from a table; null = silence. */
function scripted(answers: Record<number, number | null>): StatusChannel & { asked: number[] } {
  const asked: number[] = [];
  let last = 0;
  return {
    asked,
    async write(bytes) {
      expect([bytes[0], bytes[1]]).toEqual([0x10, 0x04]);
      last = bytes[2]!;
      asked.push(last);
    },
    async readByte() {
      return answers[last] ?? null;
    },
    discardInput() {},
  };
}

describe('queryPrinterState', () => {
  it('asks 1, 2 and 4 and folds the answers', async () => {
    const ch = scripted({ 1: 0x1a, 2: 0x32, 4: 0x72 });
    expect(await queryPrinterState(ch, 100)).toBe('paperOut');
    expect(ch.asked).toEqual([1, 2, 4]);
  });

  it('silence is unknown and stops asking', async () => {
    const ch = scripted({});
    expect(await queryPrinterState(ch, 100)).toBe('unknown');
    expect(ch.asked).toEqual([1]);
  });

  it('a printer answering only DLE EOT 1 is judged on that', async () => {
    expect(await queryPrinterState(scripted({ 1: 0x12 }), 100)).toBe('ok');
    expect(await queryPrinterState(scripted({ 1: 0x1a }), 100)).toBe('offline');
  });
});
