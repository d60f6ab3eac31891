import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterState } from '../../../core/contracts/devices.js';
import {
  defaultPrinterSettings,
  defaultTicketLayout,
  type PrinterSettings,
} from '../../../core/contracts/printing.js';
import { silentLogger } from '../../../drivers/logger.js';
import { createTransport } from '../../../drivers/printer/create-transport.js';
import { encodeTicketJob } from '../../../drivers/printer/escpos.js';
import { createPrinter, renderTicketJob } from '../../../drivers/printer/index.js';
import { countDifferentPixels, getPixel, pngToBitmap } from '../../../drivers/printer/mono-bitmap.js';
import type { PrintJobEvent } from '../../../drivers/printer/print-queue.js';
import { renderTicket } from '../../../drivers/printer/render-ticket.js';
import { PrinterIoError, type PrinterTransport } from '../../../drivers/printer/transport.js';
import { FakePrinter, type FakePrinterState } from '../../fakes/fake-printer.js';
import { DEMO_TICKETS, decodeQr, demoTicket } from '../../fakes/fake-printer-tickets.js';

const ARTIFACTS = join(import.meta.dirname, '../../../test-artifacts/printer');
const settings: PrinterSettings = { ...defaultPrinterSettings, uri: 'tcp://placeholder' };

let fake: FakePrinter;
let transport: PrinterTransport;

beforeEach(async () => {
  fake = await FakePrinter.start();
  transport = createTransport(fake.uri, silentLogger, { connectTimeoutMs: 1000 });
});

afterEach(async () => {
  await transport.close();
  await fake.close();
});

/** Resolves when `check` holds, polling; fails after `ms` (never hangs). */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('render → ESC/POS → TCP → fake printer → PNG', () => {
  it.each(DEMO_TICKETS.map((t) => [t.name, t.data] as const))(
    '%s comes out as rendered',
    async (name, data) => {
      const bitmap = renderTicket(data, defaultTicketLayout, 576);
      const job = encodeTicketJob(bitmap, settings);
      await transport.send(job, 3000);
      const [received] = await fake.waitForJobs(1);
      expect(received!.bytes.equals(job)).toBe(true);
      expect(received!).toMatchObject({
        initSeen: true,
        cancelKanjiSeen: true,
        cut: 'partial',
        feedLines: 3,
      });
      expect(received!.rasterBands.every((rows) => rows <= 255)).toBe(true);
      const decoded = pngToBitmap(received!.png);
      expect(countDifferentPixels(decoded, bitmap)).toBe(0);
      expect(decodeQr(decoded)).toBe(data.statusUrl);
      expect(job.length).toBeLessThanOrEqual(70 * 1024);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `${name}.png`), received!.png);
    },
  );

  it('58 mm tickets too', async () => {
    const data = DEMO_TICKETS[4]!.data;
    const bitmap = renderTicket(data, defaultTicketLayout, 384);
    await transport.send(encodeTicketJob(bitmap, { ...settings, width: 384, cut: 'full' }), 3000);
    const [received] = await fake.waitForJobs(1);
    expect(received!.cut).toBe('full');
    expect(received!.image.width).toBe(384);
    expect(countDifferentPixels(pngToBitmap(received!.png), bitmap)).toBe(0);
    expect(decodeQr(received!.image)).toBe(data.statusUrl);
    writeFileSync(join(ARTIFACTS, 'A-uu-tien-58mm.png'), received!.png);
  });

  it('column mode (ESC * 24-dot strips) decodes to the same image, padded to whole strips', async () => {
    const bitmap = renderTicket(demoTicket(), defaultTicketLayout, 576);
    await transport.send(encodeTicketJob(bitmap, { ...settings, mode: 'column' }), 3000);
    const [received] = await fake.waitForJobs(1);
    expect(received!.rasterBands).toEqual([]);
    expect(received!.columnStrips).toBe(Math.ceil(bitmap.height / 24));
    expect(received!.lineSpacing).toBeNull(); // ESC 3 24 … ESC 2 restores the default
    const image = received!.image;
    expect(image.height).toBe(Math.ceil(bitmap.height / 24) * 24);
    expect(countDifferentPixels({ ...image, height: bitmap.height }, bitmap)).toBe(0);
    for (let y = bitmap.height; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) expect(getPixel(image, x, y)).toBe(false);
    }
    expect(decodeQr(image)).toBe(demoTicket().statusUrl);
  });

  it('native QR: the printer receives the status URL in GS ( k and the image has no QR', async () => {
    const data = demoTicket();
    const nativeSettings = { ...settings, nativeQr: true };
    const { bitmap, qrData } = renderTicketJob(data, defaultTicketLayout, nativeSettings);
    expect(qrData).toBe(data.statusUrl);
    await transport.send(encodeTicketJob(bitmap, nativeSettings, { qrData }), 3000);
    const [received] = await fake.waitForJobs(1);
    expect(received!.qr).toMatchObject({
      data: data.statusUrl,
      printed: true,
      moduleSize: 6,
      errorLevel: 0x31,
    });
    expect(decodeQr(received!.image)).toBeNull();
  });
});

describe('TCP status and failures', () => {
  it.each([
    ['ok', 'ok'],
    ['paperNearEnd', 'paperNearEnd'],
    ['paperOut', 'paperOut'],
    ['coverOpen', 'coverOpen'],
    ['error', 'offline'],
    ['silence', 'unknown'],
    ['disconnect', 'offline'],
    ['stall', 'unknown'],
  ] as Array<[FakePrinterState, PrinterState]>)('fake printer %s → %s', async (state, expected) => {
    fake.state = state;
    await expect(transport.status(300)).resolves.toBe(expected);
  });

  it('asks DLE EOT 1, 2, 4 and answers the job confirmation', async () => {
    await transport.status(300);
    expect(fake.statusQueries).toEqual([1, 2, 4]);
    await transport.send(
      encodeTicketJob(renderTicket(demoTicket(), defaultTicketLayout, 384), settings),
      3000,
    );
    expect(fake.statusQueries).toEqual([1, 2, 4, 1]);
  });

  it('a printer that never answers status still gets the job (it closes after our end)', async () => {
    fake.state = 'silence';
    await transport.send(
      encodeTicketJob(renderTicket(demoTicket(), defaultTicketLayout, 384), settings),
      3000,
    );
    await fake.waitForJobs(1);
  });

  it('a printer that accepts but never reads fails at the deadline', async () => {
    fake.state = 'stall';
    const err = await transport.send(Buffer.alloc(64 * 1024), 300).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterIoError);
    expect((err as PrinterIoError).reason).toBe('timeout');
  });

  it('a printer that hangs up is offline', async () => {
    fake.state = 'disconnect';
    const err = await transport.send(Buffer.alloc(256 * 1024), 2000).catch((e: unknown) => e);
    expect((err as PrinterIoError).reason).toBe('offline');
  });

  it('nobody listening is offline, for status and for jobs', async () => {
    const port = fake.port;
    await fake.close();
    const gone = createTransport(`tcp://127.0.0.1:${port}`, silentLogger);
    await expect(gone.status(300)).resolves.toBe('offline');
    await expect(gone.send(Buffer.from([0x1b, 0x40]), 300)).rejects.toMatchObject({ reason: 'offline' });
    await gone.close();
    fake = await FakePrinter.start();
  });
});

describe('Printer on the fake TCP printer', () => {
  it('paper out: status paperOut, the print fails and is retried once paper is back', async () => {
    fake.state = 'paperOut';
    const printer = createPrinter({ ...settings, uri: fake.uri }, silentLogger, {
      pollIntervalMs: 20,
      retryDelaysMs: [50, 50, 50, 50, 50, 50, 50, 50],
      statusTimeoutMs: 300,
    });
    const events: PrintJobEvent[] = [];
    printer.onJob((e) => {
      events.push(e);
    });
    try {
      await until(() => printer.state === 'paperOut');
      const { bitmap } = renderTicketJob(demoTicket(), defaultTicketLayout, { ...settings, width: 576 });
      const outcome = await printer.print('A023', bitmap);
      expect(outcome).toMatchObject({ status: 'failed', reason: 'paperOut', willRetry: true });
      expect(fake.jobs).toHaveLength(0);
      fake.state = 'ok';
      await until(() => events.some((e) => e.status === 'printed'));
      expect(printer.state).toBe('ok');
      expect(fake.jobs).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ jobId: 'A023', status: 'printed' });
    } finally {
      await printer.close();
    }
  });
});
