import jsQRModule from 'jsqr';
import type { TicketPrintData } from '../../core/contracts/printing.js';
import { getPixel, type MonoBitmap } from '../../drivers/printer/mono-bitmap.js';

/** Demo tickets: the four sample services plus a priority one, with realistic site lines. */
export const DEMO_CENTRE = ['UBND xã Đông Hòa, tỉnh Đắk Lắk', 'Trung tâm Phục vụ hành chính công'];

export function demoTicket(patch: Partial<TicketPrintData> = {}): TicketPrintData {
  return {
    centreLines: DEMO_CENTRE,
    serviceName: 'Hộ tịch',
    label: 'A023',
    ahead: 5,
    issuedAt: '2026-11-23T01:05:00.000Z',
    timeZone: 'Asia/Ho_Chi_Minh',
    statusUrl: 'http://192.168.1.10:8080/t/8f3a2c91-5b7e-4d2a-9c1e-2f6b8a7d3e10',
    footerLines: ['Đường dây nóng: 0262 3 123 456'],
    ...patch,
  };
}

export const DEMO_TICKETS: ReadonlyArray<{ name: string; data: TicketPrintData }> = [
  { name: 'A-ho-tich', data: demoTicket({ serviceName: 'Hộ tịch', label: 'A023', ahead: 5 }) },
  { name: 'B-chung-thuc', data: demoTicket({ serviceName: 'Chứng thực', label: 'B007', ahead: 0 }) },
  { name: 'C-dat-dai', data: demoTicket({ serviceName: 'Đất đai', label: 'C112', ahead: 12 }) },
  { name: 'D-bao-tro-xa-hoi', data: demoTicket({ serviceName: 'Bảo trợ xã hội', label: 'D004', ahead: 2 }) },
  {
    name: 'A-uu-tien',
    data: demoTicket({
      serviceName: 'Hộ tịch',
      label: 'A024',
      ahead: 1,
      priorityName: 'Người cao tuổi (từ 75 tuổi)',
    }),
  },
];

/** jsqr is a CommonJS bundle: under NodeNext its typed default export sits on `.default`. */
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/** 1-bit bitmap → RGBA (black on white) for jsQR. */
export function bitmapToRgba(bm: MonoBitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bm.width * bm.height * 4).fill(255);
  for (let y = 0; y < bm.height; y++) {
    for (let x = 0; x < bm.width; x++) {
      if (getPixel(bm, x, y)) rgba.fill(0, (y * bm.width + x) * 4, (y * bm.width + x) * 4 + 3);
    }
  }
  return rgba;
}

/** Decodes the QR in a ticket image, or null. */
export function decodeQr(bm: MonoBitmap): string | null {
  return jsQR(bitmapToRgba(bm), bm.width, bm.height)?.data ?? null;
}

/** Rows/columns that contain black pixels: [minX, minY, maxX, maxY], or null if blank. */
export function inkBox(bm: MonoBitmap, y0 = 0, y1 = bm.height): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < bm.width; x++) {
      if (!getPixel(bm, x, y)) continue;
      if (!box) box = [x, y, x, y];
      else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
    }
  }
  return box;
}
