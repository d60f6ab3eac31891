import type { Worker } from 'node:worker_threads';
import type { PrinterSettings, TicketLayout, TicketPrintData } from '../../core/contracts/printing.js';
import { renderTicketJob, type TicketJob } from '../../drivers/printer/index.js';
import { spawnWorker } from '../workers/spawn-worker.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

const TIMEOUT_MS = 10_000;
const PER_QUEUED_MS = 200;

/**
 * Renders tickets on one worker thread (started lazily, restarted after a crash); if the worker
 * cannot run, renders in-thread so a ticket always prints.
 */
export class RenderPool {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<
    number,
    { resolve: (j: TicketJob) => void; reject: (e: Error) => void }
  >();

  render(data: TicketPrintData, layout: TicketLayout, settings: PrinterSettings): Promise<TicketJob> {
    const w = this.ensure();
    if (!w) return Promise.resolve(renderTicketJob(data, layout, settings));
    const id = ++this.seq;
    return new Promise<TicketJob>((resolve, reject) => {
      // a job waits behind the ones queued before it: each of those adds time to its limit
      const limit = TIMEOUT_MS + this.pending.size * PER_QUEUED_MS;
      const timer = setTimeout(() => this.fail(id, new Error('render timed out')), limit);
      this.pending.set(id, {
        resolve: (j) => {
          clearTimeout(timer);
          resolve(j);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      w.postMessage({ id, data, layout, settings } satisfies RenderRequest);
    }).catch(() => renderTicketJob(data, layout, settings));
  }

  /** Starts the worker ahead of the first ticket, so the day's first citizen does not wait for it. */
  prepare(): void {
    this.ensure();
  }

  private ensure(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const w = spawnWorker(import.meta.url, 'render-worker', null);
      w.unref();
      w.on('message', (r: RenderReply) => {
        const p = this.pending.get(r.id);
        if (!p) return;
        this.pending.delete(r.id);
        if ('error' in r) p.reject(new Error(r.error));
        else
          p.resolve({
            bitmap: { width: r.width, height: r.height, data: r.bits },
            ...(r.qrData ? { qrData: r.qrData } : {}),
          });
      });
      w.on('error', (err) => this.crash(err));
      w.on('exit', () => this.crash(new Error('render worker exited')));
      this.worker = w;
      return w;
    } catch {
      return null;
    }
  }

  private fail(id: number, err: Error): void {
    this.pending.get(id)?.reject(err);
    this.pending.delete(id);
  }

  private crash(err: Error): void {
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.fail(id, err);
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}
