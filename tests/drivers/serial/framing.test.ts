import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ByteFraming, parseByteMap } from '../../../drivers/serial/framing/byte-framing.js';
import { createFraming, type FramingAdapter, type KeyPress } from '../../../drivers/serial/framing/index.js';
import { LineFraming, MAX_LINE_LENGTH } from '../../../drivers/serial/framing/line-framing.js';
import { encodeStxEtx, STX, StxEtxFraming } from '../../../drivers/serial/framing/stx-etx-framing.js';

const b = (s: string) => Buffer.from(s, 'latin1');
const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** Feeds every chunk and collects the presses. */
function feed(adapter: FramingAdapter, chunks: Buffer[], times?: number[]): KeyPress[] {
  return chunks.flatMap((c, i) => adapter.push(c, times?.[i]));
}

/** Every way to split `buf` into two chunks, plus one byte at a time. */
function splits(buf: Buffer): [string, Buffer[]][] {
  const out: [string, Buffer[]][] = [['byte by byte', [...buf].map((x) => Buffer.from([x]))]];
  for (let i = 1; i < buf.length; i++) out.push([`at ${i}`, [buf.subarray(0, i), buf.subarray(i)]]);
  return out;
}

describe('line framing', () => {
  it.each<[string, string[], number[], number]>([
    ['CRLF', ['K1\r\n'], [1], 0],
    ['LF only', ['K2\n'], [2], 0],
    ['CR only', ['K3\r'], [3], 0],
    ['several in one chunk', ['K1\r\nK4\r\nK2\n'], [1, 4, 2], 0],
    ['two-digit key', ['K12\r\n'], [12], 0],
    ['empty lines ignored', ['\r\n\r\n\nK1\r\n'], [1], 0],
    ['lower case is not a frame', ['k1\r\n'], [], 1],
    ['key 0 and 17 are out of range', ['K0\r\nK17\r\n'], [], 2],
    ['noise before a frame on the same line', ['xxK1\r\n'], [], 1],
    ['noise line then frame', ['\x00\xff\x13\nK1\r\n'], [1], 1],
    ['trailing space', ['K1 \r\n'], [], 1],
    ['no line end yet', ['K1'], [], 0],
  ])('%s', (_name, chunks, keys, dropped) => {
    const f = new LineFraming();
    expect(feed(f, chunks.map(b)).map((k) => k.key)).toEqual(keys);
    expect(f.stats()).toEqual({ frames: keys.length, dropped });
  });

  it.each(splits(b('K1\r\nK2\r\n')))('reassembles frames split %s', (_n, chunks) => {
    expect(feed(new LineFraming(), chunks)).toEqual([{ key: 1 }, { key: 2 }]);
  });

  it('drops an overlong line up to its end and recovers', () => {
    const f = new LineFraming();
    const long = 'K'.repeat(MAX_LINE_LENGTH * 4);
    expect(feed(f, [b(`${long}1\r\nK3\r\n`)])).toEqual([{ key: 3 }]);
    expect(f.stats()).toEqual({ frames: 1, dropped: 1 });
  });

  it('discards a partial line after the inter-byte timeout', () => {
    const f = new LineFraming({ interByteTimeoutMs: 500 });
    expect(feed(f, [b('K'), b('1\r\n')], [0, 600])).toEqual([]);
    expect(f.stats().dropped).toBe(2); // the stale "K", then the orphan line "1"
    expect(feed(f, [b('K'), b('2\r\n')], [1000, 1100])).toEqual([{ key: 2 }]);
  });

  it('reset() drops a partial frame', () => {
    const f = new LineFraming();
    feed(f, [b('K1')]);
    f.reset();
    expect(feed(f, [b('\r\n')])).toEqual([]);
    expect(f.stats()).toEqual({ frames: 0, dropped: 1 });
  });
});

describe('byte framing', () => {
  it('maps ASCII digits by default and drops the rest', () => {
    const f = new ByteFraming();
    expect(feed(f, [b('12x4\r\n\x00')]).map((k) => k.key)).toEqual([1, 2, 4]);
    expect(f.stats()).toEqual({ frames: 3, dropped: 2 });
  });

  it('takes characters or byte values in its map', () => {
    const f = new ByteFraming({ byteMap: { a: 1, '0x81': 2, '0X0d': 3 } });
    expect(feed(f, [Buffer.from([0x61, 0x81, 0x0d, 0x31])]).map((k) => k.key)).toEqual([1, 2, 3]);
    expect(f.stats().dropped).toBe(1);
  });

  it.each([[{ ab: 1 }], [{ '0x1': 1 }], [{ '1': 0 }], [{ '1': 17 }], [{ ế: 1 }]])(
    'rejects byteMap %o',
    (map) => {
      expect(() => parseByteMap(map)).toThrow(/byteMap/);
    },
  );
});

describe('stx-etx framing', () => {
  it('encodes the documented layout: 02 addr key 03 addr^key^03', () => {
    expect(encodeStxEtx(3, 1).toString('hex')).toBe('0203010301');
    expect(encodeStxEtx(0x12, 4).toString('hex')).toBe('0212040315');
  });

  it.each<[string, Buffer, KeyPress[], number]>([
    ['one frame', encodeStxEtx(3, 1), [{ key: 1, address: 3 }], 0],
    [
      'two boxes back to back',
      Buffer.concat([encodeStxEtx(1, 2), encodeStxEtx(2, 4)]),
      [
        { key: 2, address: 1 },
        { key: 4, address: 2 },
      ],
      0,
    ],
    ['bad checksum', hex('02 03 01 03 00'), [], 1],
    ['missing ETX', hex('02 03 01 04 06'), [], 1],
    ['key out of range', encodeStxEtx(3, 0x20), [], 1],
    [
      'stray bytes then a frame',
      Buffer.concat([hex('ff 00 41'), encodeStxEtx(5, 3)]),
      [{ key: 3, address: 5 }],
      1,
    ],
    [
      'false STX inside noise then a frame',
      Buffer.concat([hex('02 99'), encodeStxEtx(7, 2)]),
      [{ key: 2, address: 7 }],
      1,
    ],
    ['frame with STX/ETX values as address and key', encodeStxEtx(2, 3), [{ key: 3, address: 2 }], 0],
  ])('%s', (_name, bytes, presses, dropped) => {
    const f = new StxEtxFraming();
    expect(feed(f, [bytes])).toEqual(presses);
    expect(f.stats()).toEqual({ frames: presses.length, dropped });
  });

  it.each(splits(Buffer.concat([encodeStxEtx(9, 1), encodeStxEtx(10, 2)])))(
    'reassembles frames split %s',
    (_n, chunks) => {
      expect(feed(new StxEtxFraming(), chunks)).toEqual([
        { key: 1, address: 9 },
        { key: 2, address: 10 },
      ]);
    },
  );

  it('discards a partial frame after the inter-byte timeout', () => {
    const f = new StxEtxFraming({ interByteTimeoutMs: 100 });
    const frame = encodeStxEtx(1, 1);
    expect(feed(f, [frame.subarray(0, 2), frame.subarray(2)], [0, 200])).toEqual([]);
    expect(f.stats().frames).toBe(0);
    expect(feed(f, [frame], [300])).toEqual([{ key: 1, address: 1 }]);
  });
});

describe('createFraming', () => {
  it.each([
    [undefined, 'line'],
    ['line', 'line'],
    ['byte', 'byte'],
    ['stx-etx', 'stx-etx'],
  ] as const)('%s → %s', (framing, name) => {
    expect(createFraming({ framing }).name).toBe(name);
  });
});

describe('1 MB of random bytes', () => {
  /** Random noise that cannot contain `forbidden` bytes, with `frames` spliced in at regular places. */
  function noiseWith(forbidden: number[], frames: Buffer[], sep: Buffer = Buffer.alloc(0)): Buffer {
    const noise = randomBytes(1024 * 1024);
    for (let i = 0; i < noise.length; i++) if (forbidden.includes(noise[i]!)) noise[i] = 0x55;
    const step = Math.floor(noise.length / frames.length);
    return Buffer.concat(frames.flatMap((f, i) => [noise.subarray(i * step, (i + 1) * step), sep, f]));
  }
  const chunked = (buf: Buffer) =>
    Array.from({ length: Math.ceil(buf.length / 4096) }, (_, i) => buf.subarray(i * 4096, (i + 1) * 4096));

  it('line: only the embedded frames', () => {
    const frames = Array.from({ length: 50 }, (_, i) => b(`K${(i % 4) + 1}\r\n`));
    const f = new LineFraming();
    const out = feed(f, chunked(noiseWith([0x4b], frames, b('\n'))));
    expect(out.map((k) => k.key)).toEqual(frames.map((_, i) => (i % 4) + 1));
    expect(f.stats().dropped).toBeGreaterThan(0);
  });

  it('stx-etx: only the embedded frames', () => {
    const frames = Array.from({ length: 50 }, (_, i) => encodeStxEtx(i + 1, (i % 4) + 1));
    const f = new StxEtxFraming();
    const out = feed(f, chunked(noiseWith([STX], frames)));
    expect(out).toEqual(frames.map((_, i) => ({ key: (i % 4) + 1, address: i + 1 })));
  });

  it('byte: only the embedded keys', () => {
    const f = new ByteFraming({ byteMap: { '0x81': 1, '0x82': 2 } });
    const out = feed(f, chunked(noiseWith([0x81, 0x82], [Buffer.from([0x81]), Buffer.from([0x82])])));
    expect(out).toEqual([{ key: 1 }, { key: 2 }]);
  });

  it('stx-etx: raw random noise never crashes', () => {
    const f = new StxEtxFraming();
    feed(f, chunked(randomBytes(1024 * 1024)));
    expect(f.stats().dropped).toBeGreaterThan(0);
  });
});
