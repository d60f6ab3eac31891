import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPrinterSettings, defaultTicketLayout } from '../../../core/contracts/printing.js';
import { silentLogger } from '../../../drivers/logger.js';
import { createTransport } from '../../../drivers/printer/create-transport.js';
import { encodeTicketJob } from '../../../drivers/printer/escpos.js';
import { countDifferentPixels } from '../../../drivers/printer/mono-bitmap.js';
import { renderTicket } from '../../../drivers/printer/render-ticket.js';
import type { PrinterTransport } from '../../../drivers/printer/transport.js';
import { FakePrinter } from '../../fakes/fake-printer.js';
import { demoTicket } from '../../fakes/fake-printer-tickets.js';

/** A real pty pair from socat: `host` is the printer port we open, `device` is the printer's end. */
let dir: string;
let socat: ChildProcess;
let devicePort: SerialPort;
let fake: FakePrinter;
let transport: PrinterTransport;

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-pty-'));
  const host = join(dir, 'host');
  const device = join(dir, 'device');
  socat = spawn('/usr/bin/socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], {
    stdio: 'ignore',
  });
  await waitFor(() => existsSync(host) && existsSync(device));
  devicePort = new SerialPort({ path: device, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => devicePort.open((err) => (err ? reject(err) : resolve())));
  fake = await FakePrinter.start();
  fake.attach(devicePort);
  transport = createTransport(`serial:${host}?baud=9600`, silentLogger);
});

afterEach(async () => {
  await transport.close();
  if (devicePort.isOpen) await new Promise<void>((resolve) => devicePort.close(() => resolve()));
  socat.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serial: transport over a real pty pair', () => {
  it('delivers a ticket the printer decodes to the same image, and reads DLE EOT status', async () => {
    const bitmap = renderTicket(demoTicket(), defaultTicketLayout, 384);
    const job = encodeTicketJob(bitmap, { ...defaultPrinterSettings, width: 384 });
    await transport.send(job, 5000);
    const [received] = await fake.waitForJobs(1);
    expect(received!.bytes.equals(job)).toBe(true);
    expect(countDifferentPixels(received!.image, bitmap)).toBe(0);
    await expect(transport.status(500)).resolves.toBe('ok');
    fake.state = 'paperOut';
    await expect(transport.status(500)).resolves.toBe('paperOut');
    fake.state = 'silence';
    await expect(transport.status(200)).resolves.toBe('unknown');
  });

  it('an unplugged adapter (pty gone) is offline, and does not hang', async () => {
    await expect(transport.status(500)).resolves.toBe('ok');
    socat.kill('SIGKILL');
    await waitFor(() => !existsSync(join(dir, 'host')));
    await expect(transport.status(500)).resolves.toMatch(/offline|unknown/);
    await expect(transport.status(500)).resolves.toBe('offline');
    await expect(transport.send(Buffer.from([0x1b, 0x40]), 500)).rejects.toMatchObject({ reason: 'offline' });
  });
});
