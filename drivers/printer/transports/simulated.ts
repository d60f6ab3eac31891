import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrinterState } from '../../../core/contracts/devices.js';
import type { Logger } from '../../logger.js';
import { JobAssembler } from '../escpos-jobs.js';
import { EscPosParser } from '../escpos-parse.js';
import { bitmapToPng } from '../mono-bitmap.js';
import { type PrinterTransport, toIoError } from '../transport.js';

/**
 * No hardware: decodes each ESC/POS job back into a picture and writes it as a PNG, logging the
 * path. For demos, development and training without a printer.
 */
export class SimulatedTransport implements PrinterTransport {
  readonly kind = 'simulated' as const;
  private seq = 0;
  /** Path of the last PNG written. */
  lastPath: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  get description(): string {
    return `simulated:${this.dir}`;
  }

  async send(job: Buffer): Promise<void> {
    const assembler = new JobAssembler();
    for (const cmd of new EscPosParser().push(job)) assembler.add(cmd);
    assembler.flush();
    try {
      await mkdir(this.dir, { recursive: true });
      for (const decoded of assembler.finished) {
        if (decoded.image.height === 0) continue;
        this.seq += 1;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const path = join(this.dir, `ticket-${stamp}-${String(this.seq).padStart(4, '0')}.png`);
        await writeFile(path, bitmapToPng(decoded.image));
        this.lastPath = path;
        this.logger.info({ path, cut: decoded.cut, qr: decoded.qr?.data }, 'simulated printer wrote ticket');
      }
    } catch (err) {
      throw toIoError(err, `simulated printer ${this.dir}`);
    }
  }

  async status(): Promise<PrinterState> {
    return 'ok';
  }

  async close(): Promise<void> {}
}
