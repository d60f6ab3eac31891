import { describe, expect, it } from 'vitest';
import {
  readCounterWords,
  readLabel,
  readLabelWords,
  readNumberWords,
} from '../../core/domain/number-reading.js';

const say = (n: number, numberStyle: 'linh' | 'le' = 'linh', fourAfterTens: 'tu' | 'bon' = 'tu') =>
  readNumberWords(n, { numberStyle, fourAfterTens })
    .map((w) => w.text)
    .join(' ');

describe('readNumberWords', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1010, 'một nghìn không trăm mười'],
    [1024, 'một nghìn không trăm hai mươi tư'],
    [1100, 'một nghìn một trăm'],
    [2005, 'hai nghìn không trăm linh năm'],
    [10_000, 'mười nghìn'],
    [15_021, 'mười lăm nghìn không trăm hai mươi mốt'],
    [1_000_000, 'một triệu'],
    [2_000_010, 'hai triệu không trăm mười'],
  ])('%i → %s', (n, text) => {
    expect(say(n)).toBe(text);
  });

  it('reads 0X after "trăm" with "lẻ" in the Southern style', () => {
    expect(say(105, 'le')).toBe('một trăm lẻ năm');
    expect(say(1001, 'le')).toBe('một nghìn không trăm lẻ một');
  });

  it('reads 4 after "mươi" as "bốn" when configured', () => {
    expect(say(24, 'linh', 'bon')).toBe('hai mươi bốn');
  });

  it('emits segment ids', () => {
    expect(readNumberWords(105, { numberStyle: 'le' }).map((w) => w.id)).toEqual([
      'digit-1',
      'num-hundred',
      'num-le',
      'digit-5',
    ]);
    expect(readNumberWords(21, { numberStyle: 'linh' }).map((w) => w.id)).toEqual([
      'digit-2',
      'num-tens',
      'num-mot',
    ]);
  });

  it('falls back to digits for numbers too large to read', () => {
    expect(say(1_000_000_000)).toBe('một không không không không không không không không không');
  });
});

describe('readLabel', () => {
  it('reads letters by name and digits one by one', () => {
    expect(readLabel('A023', { reading: 'digits', numberStyle: 'linh' })).toEqual([
      'letter-a',
      'digit-0',
      'digit-2',
      'digit-3',
    ]);
  });

  it('reads digits as a number, dropping leading zeros', () => {
    expect(readLabel('A023', { reading: 'number', numberStyle: 'linh' })).toEqual([
      'letter-a',
      'digit-2',
      'num-tens',
      'digit-3',
    ]);
    expect(readLabel('0', { reading: 'number', numberStyle: 'linh' })).toEqual(['digit-0']);
  });

  it.each([
    ['B105', 'digits', 'bê một không năm'],
    ['B105', 'number', 'bê một trăm linh năm'],
    ['1001', 'number', 'một nghìn không trăm linh một'],
    ['đ-007', 'number', 'đê bảy'],
    ['C 12', 'number', 'xê mười hai'],
    ['AB9', 'digits', 'a bê chín'],
  ] as const)('%s (%s) → %s', (label, reading, text) => {
    const words = readLabelWords(label, { reading, numberStyle: 'linh' });
    expect(words.map((w) => w.text).join(' ')).toBe(text);
  });

  it('gives letters without a recording a char-XXXX id', () => {
    expect(readLabel('Ô1', { reading: 'digits', numberStyle: 'linh' })).toEqual(['char-00f4', 'digit-1']);
  });

  it('reads every letter A–Z and Đ from a recorded segment', () => {
    const ids = readLabel('ABCDĐEFGHIJKLMNOPQRSTUVWXYZ', { reading: 'digits', numberStyle: 'linh' });
    expect(ids.every((id) => id.startsWith('letter-'))).toBe(true);
    expect(new Set(ids).size).toBe(27);
  });
});

describe('readCounterWords', () => {
  it('reads counters as numbers', () => {
    expect(readCounterWords(12, { numberStyle: 'linh' }).map((w) => w.text)).toEqual(['mười', 'hai']);
    expect(readCounterWords('3A', { numberStyle: 'linh' }).map((w) => w.text)).toEqual(['ba', 'a']);
  });
});
