import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { vi } from '../../i18n/vi.js';
import { NOW, service } from '../test-fixtures.js';
import { contrastWithWhite, readableBackground } from './contrast.js';
import { isPaperless, printNotice } from './print-notice.js';
import {
  allClosed,
  availability,
  chipColumns,
  closedSummary,
  gridColumns,
  nextBoundary,
} from './services.js';
import { qrPath } from './qr-path.js';
import { speakableLabel } from './speech.js';
import { clockText, whenText } from './time-format.js';
import { tokenFromPath, tokenOfStatusUrl } from './token.js';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => Date.parse(iso);

describe('time in the site zone', () => {
  it('formats the clock in Asia/Ho_Chi_Minh whatever the device zone', () => {
    expect(clockText(NOW, TZ)).toBe('09:00');
    expect(clockText(at('2025-09-15T16:59:00Z'), TZ)).toBe('23:59');
  });
  it.each([
    ['2025-09-15T06:30:00Z', 'lúc 13:30 hôm nay', 'at 13:30 today'],
    ['2025-09-16T00:30:00Z', 'lúc 07:30 ngày mai', 'at 07:30 tomorrow'],
    ['2025-09-17T00:30:00Z', 'lúc 07:30, Thứ Tư 17/09', 'at 07:30 on Wednesday 17/09'],
    ['2025-09-20T17:30:00Z', 'lúc 00:30, Chủ nhật 21/09', 'at 00:30 on Sunday 21/09'],
  ])('%s → "%s"', (iso, wantVi, wantEn) => {
    expect(whenText(at(iso), NOW, TZ, vi.when)).toBe(wantVi);
    expect(whenText(at(iso), NOW, TZ, en.when)).toBe(wantEn);
  });
  it('counts "tomorrow" by the local day, not by 24 hours', () => {
    const lateEvening = at('2025-09-15T16:00:00Z'); // 23:00 local
    expect(whenText(at('2025-09-16T00:30:00Z'), lateEvening, TZ, vi.when)).toBe('lúc 07:30 ngày mai');
  });
});

describe('readable service colours', () => {
  it.each(['#1565C0', '#2E7D32', '#E65100', '#6A1B9A', '#FFEB3B', '#ffffff'])(
    '%s gets ≥ 4.5:1 with white',
    (c) => {
      expect(contrastWithWhite(readableBackground(c))).toBeGreaterThanOrEqual(4.5);
    },
  );
  it('keeps a colour that already reads well', () => {
    expect(readableBackground('#1565C0')).toBe('#1565c0');
  });
  it('falls back to a dark grey for a malformed colour', () => {
    expect(readableBackground('blue')).toBe('#1f2937');
  });
});

describe('service availability', () => {
  it('open, full, closed with its opening time', () => {
    expect(availability(service())).toEqual({ kind: 'open' });
    expect(availability(service({ capReached: true }))).toEqual({ kind: 'cap' });
    expect(availability(service({ open: false, opensAt: '2025-09-16T00:30:00.000Z' }))).toEqual({
      kind: 'closed',
      opensAt: at('2025-09-16T00:30:00.000Z'),
    });
  });
  it('is "all closed" only when no active service is within its hours', () => {
    const shut = service({ open: false, opensAt: '2025-09-16T00:30:00.000Z' });
    expect(allClosed([shut, service({ code: 'X', active: false })])).toBe(true);
    expect(allClosed([shut, service({ capReached: true })])).toBe(false);
    expect(allClosed([])).toBe(true);
  });
  it('summarises the earliest reopening, holidays and no hours at all', () => {
    const a = service({ open: false, opensAt: '2025-09-16T01:00:00.000Z' });
    const b = service({ open: false, opensAt: '2025-09-16T00:30:00.000Z', closedReason: 'holiday' });
    expect(closedSummary([a, b])).toEqual({ kind: 'holiday', opensAt: at('2025-09-16T00:30:00.000Z') });
    expect(closedSummary([a])).toEqual({ kind: 'reopens', opensAt: at('2025-09-16T01:00:00.000Z') });
    expect(closedSummary([service({ open: false, closedReason: 'noHours' })])).toEqual({
      kind: 'noHours',
      opensAt: null,
    });
  });
  it.each([
    [4, 'portrait', 1],
    [8, 'portrait', 2],
    [4, 'landscape', 2],
    [6, 'landscape', 3],
    [8, 'landscape', 4],
    [8, 'phone', 1],
    [1, 'landscape', 1],
  ] as const)('%i services on a %s screen → %i columns', (n, shape, cols) => {
    expect(gridColumns(n, shape)).toBe(cols);
  });
  it('finds the next opening or closing to refresh at', () => {
    const list = [
      service({ closesAt: '2025-09-15T04:30:00.000Z' }),
      service({ open: false, opensAt: '2025-09-15T06:30:00.000Z', closesAt: null }),
    ];
    expect(nextBoundary(list, NOW)).toBe(at('2025-09-15T04:30:00.000Z'));
    expect(nextBoundary(list, at('2025-09-15T05:00:00.000Z'))).toBe(at('2025-09-15T06:30:00.000Z'));
    expect(nextBoundary([], NOW)).toBeNull();
  });
});

describe('print notice', () => {
  it.each([
    [undefined, null, vi.ticket.keep],
    [{ state: 'printed' as const }, 'Phiếu đã in — mời nhận phiếu', vi.ticket.keep],
    [{ state: 'queued' as const }, 'Đang in phiếu…', vi.ticket.keep],
    [
      { state: 'failed' as const, reason: 'paperOut' },
      'Máy in hết giấy — vui lòng ghi nhớ số A023 hoặc báo cán bộ',
      vi.ticket.remember,
    ],
    [
      { state: 'failed' as const, reason: 'offline' },
      'Máy in đang gặp sự cố — vui lòng ghi nhớ số A023 hoặc báo cán bộ',
      vi.ticket.remember,
    ],
    [{ state: 'disabled' as const }, 'Máy này không in phiếu — vui lòng ghi nhớ số A023', vi.ticket.remember],
  ])('%o', (print, line, instruction) => {
    const n = printNotice({ label: 'A023', ...(print ? { print } : {}) }, vi.ticket);
    expect(n.line?.text ?? null).toBe(line);
    expect(n.instruction).toBe(instruction);
    expect(isPaperless(print)).toBe(instruction === vi.ticket.remember);
  });
});

describe('status tokens', () => {
  it('reads the token of a status page path', () => {
    expect(tokenFromPath('/t/AbCdEfGhIjKlMnOpQrStUv')).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(tokenFromPath('/t/AbCdEfGhIjKlMnOpQrStUv/')).toBe('AbCdEfGhIjKlMnOpQrStUv');
    expect(tokenFromPath('/t/short')).toBe('');
    expect(tokenFromPath('/t/<script>')).toBe('');
    expect(tokenFromPath('/kiosk')).toBeNull();
  });
  it('reads the token of a statusUrl on any host', () => {
    expect(tokenOfStatusUrl('http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv')).toBe(
      'AbCdEfGhIjKlMnOpQrStUv',
    );
    expect(tokenOfStatusUrl('http://x/kiosk')).toBeNull();
  });
});

describe('spoken labels', () => {
  it('spells a number the Vietnamese way', () => {
    expect(speakableLabel('A023', 'vi')).toBe('a, không, hai, ba');
    expect(speakableLabel('C105', 'vi')).toBe('xê, một, không, năm');
    expect(speakableLabel('B7', 'en')).toBe('B, 7');
  });
});

describe('priority chip rows', () => {
  it.each([
    [4, 'landscape', 4],
    [6, 'landscape', 3],
    [4, 'portrait', 2],
    [3, 'portrait', 3],
    [4, 'phone', 2],
    [1, 'phone', 1],
  ] as const)('%i categories on a %s screen → %i per row', (n, shape, cols) => {
    expect(chipColumns(n, shape)).toBe(cols);
  });
});

describe('QR path', () => {
  it('draws each run of dark modules inside the quiet zone', () => {
    const m = { size: 3, data: [1, 1, 0, 0, 0, 0, 1, 0, 1] };
    expect(qrPath(m, 2)).toBe('M2 2h2v1h-2zM2 4h1v1h-1zM4 4h1v1h-1z');
    expect(qrPath({ size: 2, data: [0, 0, 0, 0] })).toBe('');
  });
});
