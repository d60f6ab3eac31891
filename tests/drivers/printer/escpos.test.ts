import { describe, expect, it } from 'vitest';
import type { PrinterSettings } from '../../../core/contracts/printing.js';
import {
  cancelKanji,
  columnImage,
  cut,
  encodeTicketJob,
  feedLines,
  init,
  justify,
  nativeQr,
  rasterImage,
  statusRequest,
} from '../../../drivers/printer/escpos.js';
import { JobAssembler } from '../../../drivers/printer/escpos-jobs.js';
import { parseEscPos } from '../../../drivers/printer/escpos-parse.js';
import { createBitmap, fillRect, type MonoBitmap } from '../../../drivers/printer/mono-bitmap.js';

const hex = (b: Buffer): string => b.toString('hex');

/** A bitmap whose every row differs, so band slicing mistakes show. */
function stripes(width: number, height: number): MonoBitmap {
  const bm = createBitmap(width, height);
  for (let y = 0; y < height; y++) fillRect(bm, y % width, y, 1 + (y % 7), 1);
  return bm;
}

const settings: PrinterSettings = {
  uri: 'none',
  width: 576,
  cut: 'partial',
  mode: 'raster',
  nativeQr: false,
  feedLines: 3,
};

describe('ESC/POS commands (golden bytes)', () => {
  it.each([
    ['ESC @', init(), '1b40'],
    ['FS .', cancelKanji(), '1c2e'],
    ['ESC d 3', feedLines(3), '1b6403'],
    ['ESC d 0', feedLines(0), '1b6400'],
    ['GS V 66 0 (partial)', cut('partial'), '1d564200'],
    ['GS V 65 0 (full)', cut('full'), '1d564100'],
    ['GS V 66 5', cut('partial', 5), '1d564205'],
    ['ESC a 1', justify(1), '1b6101'],
    ['DLE EOT 1', statusRequest(1), '100401'],
    ['DLE EOT 2', statusRequest(2), '100402'],
    ['DLE EOT 3', statusRequest(3), '100403'],
    ['DLE EOT 4', statusRequest(4), '100404'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('rejects feeds outside 0–255', () => {
    expect(() => feedLines(256)).toThrow(RangeError);
    expect(() => feedLines(-1)).toThrow(RangeError);
  });

  it('GS v 0 header: bytes per row and rows little-endian, then the rows MSB first', () => {
    const bm = createBitmap(16, 2);
    bm.data.set([0x80, 0x01, 0xff, 0x00]);
    expect(hex(rasterImage(bm))).toBe('1d7630000200020080' + '01ff00');
  });

  it('GS v 0 576 dots wide: xL xH = 72 0', () => {
    expect(hex(rasterImage(createBitmap(576, 1)).subarray(0, 8))).toBe('1d76300048000100');
  });

  it.each([
    [1, [1]],
    [254, [254]],
    [255, [255]],
    [256, [255, 1]],
    [510, [255, 255]],
    [511, [255, 255, 1]],
  ])('bands %i rows as %j, each ≤ 255 rows, reassembling to the same image', (height, bands) => {
    const bm = stripes(576, height);
    const bytes = rasterImage(bm);
    expect(bytes.length).toBe(bands.length * 8 + 72 * height);
    const { commands, leftover } = parseEscPos(bytes);
    expect(leftover).toBe(0);
    expect(commands.map((c) => (c.type === 'raster' ? c.rows : -1))).toEqual(bands);
    const asm = new JobAssembler();
    for (const c of commands) asm.add(c);
    const job = asm.flush()!;
    expect(job.image.height).toBe(height);
    expect(Buffer.from(job.image.data).equals(Buffer.from(bm.data))).toBe(true);
  });

  it('ESC * 33: ESC 3 24, one strip of 3 bytes per column + LF per 24 rows, then ESC 2', () => {
    const bm = createBitmap(8, 25);
    fillRect(bm, 0, 0, 1, 1); // top-left dot → first byte of column 0 = 0x80
    fillRect(bm, 1, 23, 1, 1); // dot 23 of column 1 → third byte of column 1 = 0x01
    fillRect(bm, 7, 24, 1, 1); // second strip, top dot of column 7
    const expected =
      '1b3318' +
      '1b2a210800' +
      '800000' +
      '000001' +
      '000000'.repeat(6) +
      '0a' +
      '1b2a210800' +
      '000000'.repeat(7) +
      '800000' +
      '0a' +
      '1b32';
    expect(hex(columnImage(bm))).toBe(expected);
  });

  it('GS ( k QR: model 2, size, EC M, store with pL pH = len + 3, print', () => {
    const data = 'http://x/t/1';
    const expected =
      '1d286b040031413200' +
      '1d286b03003143' +
      '06' +
      '1d286b03003145' +
      '31' +
      `1d286b${(data.length + 3).toString(16).padStart(2, '0')}00315030${Buffer.from(data).toString('hex')}` +
      '1d286b03003151' +
      '30';
    expect(hex(nativeQr(data))).toBe(expected);
  });

  it.each([
    [1, '0400'],
    [252, 'ff00'],
    [253, '0001'],
    [300, '2f01'],
  ])('QR store of %i bytes has pL pH = %s', (len, plph) => {
    const bytes = nativeQr('x'.repeat(len), 4, 'L');
    const store = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    expect(hex(bytes.subarray(store - 2, store))).toBe(plph);
    expect(bytes.length).toBe(9 + 8 + 8 + 8 + len + 8);
  });

  it('a ticket job is ESC @, FS ., the image, feed, cut', () => {
    const bm = createBitmap(576, 2);
    const job = encodeTicketJob(bm, settings);
    expect(hex(job)).toBe(`1b40` + `1c2e` + hex(rasterImage(bm)) + '1b6403' + '1d564200');
    expect(hex(encodeTicketJob(bm, { ...settings, cut: 'full' })).endsWith('1b64031d564100')).toBe(true);
    expect(hex(encodeTicketJob(bm, { ...settings, cut: 'none' })).endsWith('1b6403')).toBe(true);
    expect(hex(encodeTicketJob(bm, { ...settings, mode: 'column' }))).toBe(
      `1b401c2e${hex(columnImage(bm))}1b64031d564200`,
    );
  });

  it('native QR goes after the image, centred, only when enabled', () => {
    const bm = createBitmap(576, 1);
    const qr = hex(nativeQr('http://x/t/1'));
    expect(hex(encodeTicketJob(bm, settings, { qrData: 'http://x/t/1' }))).not.toContain(qr);
    const job = hex(encodeTicketJob(bm, { ...settings, nativeQr: true }, { qrData: 'http://x/t/1' }));
    expect(job).toBe(`1b401c2e${hex(rasterImage(bm))}1b6101${qr}1b61001b64031d564200`);
  });
});
