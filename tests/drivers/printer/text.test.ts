import { describe, expect, it } from 'vitest';
import { ticketFonts } from '../../../drivers/printer/font-files.js';
import { loadFontMetrics } from '../../../drivers/printer/font-metrics.js';
import { cleanText, ellipsize, escapeXml, wrapText } from '../../../drivers/printer/text-wrap.js';
import { formatIssuedAt } from '../../../drivers/printer/ticket-text.js';

const bold = loadFontMetrics(ticketFonts().bold);
const measure = (t: string, s: number) => bold.measure(t, s);

describe('ticket text', () => {
  it('normalises to NFC and collapses spaces', () => {
    const decomposed = 'Ho\u0302\u0323 ti\u0323ch  \n  xa\u0303';
    expect(cleanText(decomposed)).toBe('Hộ tịch xã');
    expect(cleanText(decomposed)).toBe('Hộ tịch xã'.normalize('NFC'));
  });

  it('escapes XML', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
  });

  it('wraps every line within the width, keeping phrases together', () => {
    const text = 'Ủy ban nhân dân xã Đông Hòa — Chứng thực, hộ tịch, đăng ký kết hôn và khai sinh';
    const lines = wrapText(text, 352, 34, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line, 34)).toBeLessThanOrEqual(352);
    expect(lines.join(' ')).toBe(cleanText(text));
  });

  it('breaks a word wider than the line', () => {
    const lines = wrapText('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 200, 30, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line, 30)).toBeLessThanOrEqual(200);
  });

  it('balances lines instead of leaving one word alone', () => {
    const lines = wrapText('Vui lòng giữ phiếu và chờ gọi số', 380, 30, measure);
    expect(lines).toEqual(['Vui lòng giữ phiếu', 'và chờ gọi số']);
  });

  it('cuts with an ellipsis beyond maxLines', () => {
    const lines = wrapText('một hai ba bốn năm sáu bảy tám chín mười '.repeat(4), 300, 30, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(measure(lines[1]!, 30)).toBeLessThanOrEqual(300);
    expect(ellipsize('abc', 10, 30, measure)).toBe('…');
  });

  it('formats the issue time in the site zone, Vietnamese style', () => {
    expect(formatIssuedAt('2026-11-23T01:05:00Z', 'Asia/Ho_Chi_Minh')).toBe('08:05 — Thứ Hai, 23/11/2026');
    expect(formatIssuedAt('2026-11-22T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('00:30 — Thứ Hai, 23/11/2026');
    expect(formatIssuedAt('2026-11-29T03:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('10:00 — Chủ Nhật, 29/11/2026');
    expect(formatIssuedAt('not a date', 'Asia/Ho_Chi_Minh')).toBe('not a date');
  });

  it('reads real advance widths from the font', () => {
    expect(bold.unitsPerEm).toBe(1000);
    expect(measure('0', 100)).toBeCloseTo(57.2, 0);
    expect(measure('ii', 100)).toBeLessThan(measure('MM', 100));
  });
});
