import { parentPort } from 'node:worker_threads';
import type { PrinterSettings, TicketLayout, TicketPrintData } from '../../core/contracts/printing.js';
import { renderTicketJob, warmUpRenderer } from '../../drivers/printer/index.js';

/** Worker thread: renders ticket bitmaps (resvg, ~5–40 ms each) so the event loop never waits on them. */
export interface RenderRequest {
  id: number;
  data: TicketPrintData;
  layout: TicketLayout;
  settings: PrinterSettings;
}
export type RenderReply =
  | { id: number; width: number; height: number; bits: Uint8Array; qrData?: string }
  | { id: number; error: string };

warmUpRenderer();
parentPort?.on('message', (m: RenderRequest) => {
  try {
    const job = renderTicketJob(m.data, m.layout, m.settings);
    const bits = new Uint8Array(job.bitmap.data); // a copy: the renderer may cache the original
    const reply: RenderReply = {
      id: m.id,
      width: job.bitmap.width,
      height: job.bitmap.height,
      bits,
      ...(job.qrData ? { qrData: job.qrData } : {}),
    };
    parentPort?.postMessage(reply, [bits.buffer]);
  } catch (err) {
    parentPort?.postMessage({
      id: m.id,
      error: err instanceof Error ? err.message : String(err),
    } satisfies RenderReply);
  }
});
