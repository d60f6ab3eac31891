import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPrinterSettings, defaultTicketLayout } from '../../../core/contracts/printing.js';
import { type Logger, silentLogger } from '../../../drivers/logger.js';
import { createTransport } from '../../../drivers/printer/create-transport.js';
import { encodeTicketJob } from '../../../drivers/printer/escpos.js';
import { countDifferentPixels, pngToBitmap } from '../../../drivers/printer/mono-bitmap.js';
import { renderTicket } from '../../../drivers/printer/render-ticket.js';
import { PrinterIoError } from '../../../drivers/printer/transport.js';
import { demoTicket } from '../../fakes/fake-printer-tickets.js';

let dir: string;
const bitmap = renderTicket(demoTicket(), defaultTicketLayout, 384);
const job = encodeTicketJob(bitmap, { ...defaultPrinterSettings, width: 384 });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xephang-printer-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** Reads everything currently buffered in a non-blocking fd. */
function drain(fd: number): Buffer {
  const parts: Buffer[] = [];
  const buf = Buffer.alloc(65536);
  for (;;) {
    try {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      parts.push(Buffer.from(buf.subarray(0, n)));
    } catch {
      break;
    }
  }
  return Buffer.concat(parts);
}

describe('file: transport', () => {
  it('appends exactly the encoded bytes of each job', async () => {
    const path = join(dir, 'jobs.bin');
    const t = createTransport(`file:${path}`, silentLogger);
    await t.send(job, 2000);
    expect(readFileSync(path).equals(job)).toBe(true);
    await t.send(job, 2000);
    expect(readFileSync(path).equals(Buffer.concat([job, job]))).toBe(true);
    await expect(t.status(100)).resolves.toBe('ok');
    await t.close();
  });

  it('an unwritable path fails as a PrinterIoError, not a crash', async () => {
    const t = createTransport(`file:${join(dir, 'missing-dir', 'x.bin')}`, silentLogger);
    await expect(t.send(job, 500)).rejects.toBeInstanceOf(PrinterIoError);
  });
});

describe('usblp: transport (non-blocking device file)', () => {
  it('a FIFO with no reader is offline at once (ENXIO), for jobs and status', async () => {
    const t = createTransport(`usblp:${fifo('lp0')}`, silentLogger);
    const err = await t.send(job, 5000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterIoError);
    expect((err as PrinterIoError).reason).toBe('offline');
    expect((err as Error).message).toContain('ENXIO');
    await expect(t.status(500)).resolves.toBe('offline');
    await t.close();
  });

  it('a missing device is offline', async () => {
    const t = createTransport(`usblp:${join(dir, 'lp9')}`, silentLogger);
    await expect(t.send(job, 500)).rejects.toMatchObject({ reason: 'offline' });
    await expect(t.status(500)).resolves.toBe('offline');
  });

  it('a reader that never reads: the write gives up at the deadline instead of blocking', async () => {
    const path = fifo('lp-stall');
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const t = createTransport(`usblp:${path}`, silentLogger);
      const big = Buffer.alloc(256 * 1024, 0x55); // more than the 64 KiB pipe buffer
      const err = await t.send(big, 300).catch((e: unknown) => e);
      expect((err as PrinterIoError).reason).toBe('timeout');
      await t.close();
    } finally {
      closeSync(reader);
    }
  });

  it('a reader gets every byte of the job', async () => {
    const path = fifo('lp-ok');
    const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const t = createTransport(`usblp:${path}`, silentLogger);
      expect(job.length).toBeLessThan(64 * 1024);
      await t.send(job, 2000);
      expect(drain(reader).equals(job)).toBe(true);
      await expect(t.status(200)).resolves.toBe('unknown'); // a FIFO cannot answer DLE EOT
    } finally {
      closeSync(reader);
    }
  });

  it('a character device that never answers DLE EOT is unknown, not an error', async () => {
    const t = createTransport('usblp:/dev/null', silentLogger);
    await expect(t.status(200)).resolves.toBe('unknown');
    await t.send(job, 1000);
  });
});

describe('simulated transport', () => {
  it('decodes the job and writes the ticket as a PNG, logging its path', async () => {
    const logged: string[] = [];
    const logger: Logger = {
      ...silentLogger,
      info: (obj) => {
        logged.push(String((obj as { path?: string }).path));
      },
    };
    const out = join(dir, 'png');
    const t = createTransport('simulated', logger, { simulatedDir: out });
    await t.send(job, 1000);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(logged).toEqual([join(out, files[0]!)]);
    expect(countDifferentPixels(pngToBitmap(readFileSync(join(out, files[0]!))), bitmap)).toBe(0);
    await expect(t.status(100)).resolves.toBe('ok');
  });

  it('the URI may name the directory', async () => {
    const t = createTransport(`simulated:${join(dir, 'here')}`, silentLogger);
    await t.send(job, 1000);
    expect(readdirSync(join(dir, 'here'))).toHaveLength(1);
  });
});

describe('none transport', () => {
  it('drops jobs and knows nothing', async () => {
    const t = createTransport('none', silentLogger);
    await t.send(job, 10);
    await expect(t.status(10)).resolves.toBe('unknown');
  });
});
