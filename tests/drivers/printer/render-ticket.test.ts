import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTicketLayout, type TicketLayout } from '../../../core/contracts/printing.js';
import { ticketFonts } from '../../../drivers/printer/font-files.js';
import { loadFontMetrics } from '../../../drivers/printer/font-metrics.js';
import {
  bitmapToPng,
  bytesPerRow,
  countDifferentPixels,
  getPixel,
  pngToBitmap,
} from '../../../drivers/printer/mono-bitmap.js';
import { drawQr } from '../../../drivers/printer/qr-draw.js';
import { layoutTicketScene, rasterizeSvg, renderTicket } from '../../../drivers/printer/render-ticket.js';
import { decodeQr, demoTicket, inkBox } from '../../fakes/fake-printer-tickets.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/printer');
/** Reference images may differ by this share of pixels (anti-aliasing/threshold drift across resvg builds). */
const REFERENCE_TOLERANCE = 0.005;

const priorityTicket = demoTicket({ label: 'A024', priorityName: 'Người cao tuổi (từ 75 tuổi)', ahead: 1 });
const longService =
  'Ủy ban nhân dân xã Đông Hòa — Chứng thực, hộ tịch, đăng ký kết hôn, khai sinh và khai tử';

/** All 134 Vietnamese vowel+tone letters plus đ/Đ, built from combining marks and NFC-composed. */
function vietnameseLetters(): string[] {
  const bases = [
    'a',
    'a\u0306',
    'a\u0302',
    'e',
    'e\u0302',
    'i',
    'o',
    'o\u0302',
    'o\u031b',
    'u',
    'u\u031b',
    'y',
  ];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = bases.flatMap((b) => tones.map((t) => (b + t).normalize('NFC'))).concat('đ');
  return lower.concat(lower.map((c) => c.toUpperCase()));
}

describe('renderTicket', () => {
  it.each([384, 512, 576] as const)('is exactly %i dots wide, packed MSB-first', (width) => {
    const bm = renderTicket(demoTicket(), defaultTicketLayout, width);
    expect(bm.width).toBe(width);
    expect(bytesPerRow(bm)).toBe(width / 8);
    expect(bm.data.length).toBe((width / 8) * bm.height);
    expect(bm.height).toBeGreaterThan(400);
  });

  it('refuses widths a printer head does not have', () => {
    expect(() => renderTicket(demoTicket(), defaultTicketLayout, 580)).toThrow(/384, 512, 576/);
  });

  it('prints the queue number about 200 dots tall on 80 mm paper', () => {
    const scene = layoutTicketScene(demoTicket(), defaultTicketLayout, 576);
    const bm = renderTicket(demoTicket(), defaultTicketLayout, 576);
    const box = inkBox(bm, scene.label.top - 4, scene.label.top + scene.label.height + 4)!;
    expect(box[3] - box[1] + 1).toBeGreaterThanOrEqual(190);
    expect(box[2] - box[0] + 1).toBeGreaterThan(400);
  });

  it('renders decomposed (NFD) input exactly like NFC', () => {
    const nfc = renderTicket(demoTicket({ serviceName: 'Bảo trợ xã hội' }), defaultTicketLayout, 576);
    const nfd = renderTicket(
      demoTicket({ serviceName: 'Bảo trợ xã hội'.normalize('NFD') }),
      defaultTicketLayout,
      576,
    );
    expect(countDifferentPixels(nfc, nfd)).toBe(0);
  });

  it.each([384, 576] as const)('wraps a long service name inside the paper (%i)', (width) => {
    const data = demoTicket({
      serviceName: longService,
      priorityName: 'Người khuyết tật nặng và đặc biệt nặng',
    });
    const scene = layoutTicketScene(data, defaultTicketLayout, width);
    const bold = loadFontMetrics(ticketFonts().bold);
    const lines = [
      ...scene.svg.matchAll(/font-size="(\d+)" font-weight="700" text-anchor="middle">([^<]*)</g),
    ];
    expect(lines.length).toBeGreaterThan(4);
    for (const [, size, text] of lines) {
      expect(bold.measure(text!.replace(/&amp;/g, '&'), Number(size))).toBeLessThanOrEqual(
        width - 2 * 16 * (width / 576),
      );
    }
    // Nothing inked in the outer margins: no text ran off the paper.
    const bm = renderTicket(data, defaultTicketLayout, width);
    const margin = Math.round(16 * (width / 576)) - 4;
    for (let y = 0; y < bm.height; y++) {
      for (let x = 0; x < margin; x++) {
        expect(getPixel(bm, x, y) || getPixel(bm, width - 1 - x, y)).toBe(false);
      }
    }
  });

  it('has a glyph for every Vietnamese letter and draws each one differently', () => {
    const letters = vietnameseLetters();
    expect(letters).toHaveLength(146);
    const regular = loadFontMetrics(ticketFonts().regular);
    const bold = loadFontMetrics(ticketFonts().bold);
    const seen = new Map<string, string>();
    for (const ch of letters) {
      expect([...ch]).toHaveLength(1);
      expect(regular.hasGlyph(ch.codePointAt(0)!) && bold.hasGlyph(ch.codePointAt(0)!)).toBe(true);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="72"><text x="8" y="56" font-size="44" font-weight="700">${ch}</text></svg>`;
      const key = Buffer.from(rasterizeSvg(svg).data).toString('base64');
      expect(seen.get(key), `${ch} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, ch);
    }
  });

  it('draws the status QR so a phone can read it', () => {
    const data = demoTicket();
    expect(decodeQr(renderTicket(data, defaultTicketLayout, 576))).toBe(data.statusUrl);
    expect(decodeQr(renderTicket(data, defaultTicketLayout, 384))).toBe(data.statusUrl);
  });

  it('leaves blocks out as the layout says', () => {
    const bare: TicketLayout = {
      ...defaultTicketLayout,
      showProvince: false,
      showAhead: false,
      showTime: false,
      showQr: false,
      showPriority: false,
    };
    const full = renderTicket(priorityTicket, defaultTicketLayout, 576);
    const slim = renderTicket(priorityTicket, bare, 576);
    expect(slim.height).toBeLessThan(full.height - 300);
    expect(decodeQr(slim)).toBeNull();
    expect(layoutTicketScene(priorityTicket, bare, 576).svg).not.toContain('Người cao tuổi');
    expect(renderTicket(priorityTicket, defaultTicketLayout, 576, { qrInImage: false }).height).toBeLessThan(
      full.height,
    );
  });

  it('prints the header and footer lines of the layout', () => {
    const layout = {
      ...defaultTicketLayout,
      headerText: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      footerText: ['4 xin, 4 luôn'],
    };
    const svg = layoutTicketScene(demoTicket(), layout, 576).svg;
    expect(svg).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(svg).toContain('4 xin, 4 luôn');
    expect(svg).toContain('Đường dây nóng');
  });

  it('renders slice by slice (static slices cached) exactly like the whole SVG at once', () => {
    for (const data of [
      priorityTicket,
      demoTicket({ serviceName: 'Đất đai', label: 'C112' }),
      priorityTicket,
    ]) {
      for (const width of [576, 384] as const) {
        const scene = layoutTicketScene(data, defaultTicketLayout, width);
        expect(scene.segments.map((s) => s.cacheable)).toEqual([true, false, true]);
        expect(scene.segments.reduce((h, s) => h + s.height, 0)).toBe(scene.height);
        const whole = rasterizeSvg(scene.svg);
        drawQr(whole, scene.qr!.matrix, scene.qr!.x, scene.qr!.y, scene.qr!.modulePx);
        const sliced = renderTicket(data, defaultTicketLayout, width);
        expect(countDifferentPixels(whole, sliced)).toBe(0);
      }
    }
  });

  it('a cached header is never reused for another service', () => {
    const a = renderTicket(demoTicket({ serviceName: 'Hộ tịch' }), defaultTicketLayout, 576);
    const b = renderTicket(demoTicket({ serviceName: 'Đất đai' }), defaultTicketLayout, 576);
    const a2 = renderTicket(demoTicket({ serviceName: 'Hộ tịch' }), defaultTicketLayout, 576);
    expect(countDifferentPixels(a, b)).toBeGreaterThan(100);
    expect(countDifferentPixels(a, a2)).toBe(0);
  });

  it('escapes markup in site text', () => {
    const svg = layoutTicketScene(demoTicket({ serviceName: 'A <b> & "c"' }), defaultTicketLayout, 576).svg;
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });

  it.each([
    ['ticket-576-priority.png', 576],
    ['ticket-384.png', 384],
  ] as const)(`matches the reference %s within ${REFERENCE_TOLERANCE * 100} % of pixels`, (file, width) => {
    const data =
      width === 576 ? priorityTicket : demoTicket({ serviceName: 'Bảo trợ xã hội', label: 'D004' });
    const bm = renderTicket(data, defaultTicketLayout, width);
    const path = join(FIXTURES, file);
    if (process.env.UPDATE_PRINTER_FIXTURES === '1') {
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(path, bitmapToPng(bm));
    }
    expect(existsSync(path), `${path} missing: run with UPDATE_PRINTER_FIXTURES=1`).toBe(true);
    const reference = pngToBitmap(readFileSync(path));
    expect([bm.width, bm.height]).toEqual([reference.width, reference.height]);
    expect(countDifferentPixels(bm, reference) / (bm.width * bm.height)).toBeLessThanOrEqual(
      REFERENCE_TOLERANCE,
    );
  });
});
