/**
 * bench:print — renders and encodes 200 varied tickets per paper width and reports latency and
 * size. Targets (issue 3): p50 ≤ 30 ms, p99 ≤ 60 ms, ≤ 70 KB per 80 mm ticket.
 * Run: npx tsx bench/print.ts   (writes bench/results-print.json)
 */
import {
  defaultPrinterSettings,
  defaultTicketLayout,
  type PrinterSettings,
  type TicketPrintData,
} from '../core/contracts/printing.js';
import { encodeTicketJob } from '../drivers/printer/escpos.js';
import { renderTicket } from '../drivers/printer/render-ticket.js';
import { Figures, percentile, round } from './lib.js';

const COUNT = 200;
const SERVICES = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Bảo trợ xã hội',
  'Chứng thực, hộ tịch',
  'Tư pháp — Hộ tịch, chứng thực bản sao từ bản chính, chữ ký',
  'Đăng ký kinh doanh hộ cá thể',
];
const PRIORITIES = [
  'Người cao tuổi (từ 75 tuổi)',
  'Người khuyết tật',
  'Phụ nữ mang thai',
  'Người có công với cách mạng',
];

function ticket(i: number): TicketPrintData {
  const service = i % SERVICES.length;
  return {
    centreLines: ['UBND xã Đông Hòa, tỉnh Đắk Lắk', 'Trung tâm Phục vụ hành chính công'],
    serviceName: SERVICES[service]!,
    label: `${'ABCDEFG'[service]}${String((i * 7) % 1000).padStart(3, '0')}`,
    ...(i % 5 === 0 ? { priorityName: PRIORITIES[i % PRIORITIES.length]! } : {}),
    ahead: (i * 13) % 60,
    issuedAt: new Date(Date.UTC(2026, 10, 23, 1, 0) + i * 97_000).toISOString(),
    timeZone: 'Asia/Ho_Chi_Minh',
    statusUrl: `http://192.168.1.10:8080/t/${(0x10000000 + i * 7919).toString(16)}-5b7e-4d2a-9c1e-2f6b8a7d3e10`,
    footerLines: i % 3 === 0 ? ['Đường dây nóng: 0262 3 123 456'] : [],
  };
}

function renderEncode(i: number, settings: PrinterSettings): Buffer {
  return encodeTicketJob(renderTicket(ticket(i), defaultTicketLayout, settings.width), settings);
}

function run(settings: PrinterSettings) {
  const first = performance.now();
  renderEncode(COUNT, settings);
  const coldMs = performance.now() - first;
  for (let i = 0; i < 10; i++) renderEncode(COUNT + 1 + i, settings);
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < COUNT; i++) {
    const start = performance.now();
    const job = renderEncode(i, settings);
    times.push(performance.now() - start);
    sizes.push(job.length);
  }
  times.sort((a, b) => a - b);
  sizes.sort((a, b) => a - b);
  return {
    width: settings.width,
    tickets: COUNT,
    render_encode_ms_p50: round(percentile(times, 50)),
    render_encode_ms_p99: round(percentile(times, 99)),
    render_encode_ms_max: round(times.at(-1)!),
    render_encode_ms_cold: round(coldMs),
    ticket_bytes: sizes.at(-1)!,
    ticket_bytes_p50: percentile(sizes, 50),
  };
}

const results = {
  node: process.version,
  date: new Date().toISOString(),
  '80mm': run({ ...defaultPrinterSettings, width: 576 }),
  '58mm': run({ ...defaultPrinterSettings, width: 384 }),
};

const figures = new Figures();
for (const [suffix, r] of [
  ['', results['80mm']],
  ['_58mm', results['58mm']],
] as const) {
  figures.add(`render_encode_ms_p50${suffix}`, r.render_encode_ms_p50, 'ms', '≤ 30 ms');
  figures.add(`render_encode_ms_p99${suffix}`, r.render_encode_ms_p99, 'ms', '≤ 60 ms');
  figures.add(`ticket_bytes${suffix}`, r.ticket_bytes, 'bytes', suffix ? undefined : '≤ 70 KB (71680 bytes)');
}
figures.save('results-print.json');
