import type { IssuedTicket } from '../../core/contracts/api.js';
import {
  defaultTicketLayout,
  type PrinterSettings,
  type PrintOutcome,
  type TicketLayout,
} from '../../core/contracts/printing.js';
import type { Ticket } from '../../core/domain/ticket.js';
import type { Logger } from '../../drivers/logger.js';
import type { Printer, TicketJob } from '../../drivers/printer/index.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { EventBus } from '../event-bus.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import { RenderPool } from './render-pool.js';
import { ticketPrintData } from './ticket-print-data.js';

export type PrinterFactory = (settings: PrinterSettings) => Printer;
export type PrintState = NonNullable<IssuedTicket['print']>;

const PRINTER_ID = 'printer';
/** How long the kiosk's request waits for the paper before answering "queued". */
export const KIOSK_PRINT_WAIT_MS = 3000;
const OUTCOMES_KEPT = 500;

/**
 * Prints every issued ticket (kiosk, ticket buttons, staff) after its commit, from the printer's
 * own queue with retries; a printer fault never blocks or rolls back issuing. Printer status
 * becomes `deviceStatus` events (health, screens, console).
 */
export class PrintService {
  private printer: Printer | null = null;
  private readonly outcomes = new Map<number, Promise<PrintOutcome>>();
  private stopStatus: (() => void) | null = null;
  private readonly renderer = new RenderPool();

  constructor(
    private readonly d: {
      bus: EventBus;
      catalog: SiteCatalog;
      tickets: TicketRepo;
      factory: PrinterFactory;
      log: Logger;
      publicUrl: string;
      layout: () => TicketLayout;
    },
    private settings: PrinterSettings,
  ) {
    this.start(settings);
    d.bus.on('committed', ({ tickets, events }) => {
      for (const e of events) {
        if (e.type !== 'issued' || e.ticketId === null) continue;
        const t = tickets.find((x) => x.id === e.ticketId);
        if (t) this.print(t);
      }
    });
  }

  get current(): PrinterSettings {
    return this.settings;
  }

  /** Replaces the printer when the admin changes its settings (live, no restart). */
  async reconfigure(settings: PrinterSettings): Promise<void> {
    await this.stop();
    this.settings = settings;
    this.start(settings);
  }

  private start(settings: PrinterSettings): void {
    const p = this.d.factory(settings);
    this.printer = p;
    if (settings.uri !== 'none') this.renderer.prepare();
    this.stopStatus = p.onStatus((s) =>
      this.d.bus.emit('deviceStatus', {
        id: PRINTER_ID,
        kind: 'printer',
        name: `Máy in phiếu (${settings.uri})`,
        state: settings.uri === 'none' ? 'disabled' : s.state,
        since: s.since,
        ...(s.lastError ? { lastError: s.lastError } : {}),
      }),
    );
    this.d.bus.emit('deviceStatus', {
      id: PRINTER_ID,
      kind: 'printer',
      name: `Máy in phiếu (${settings.uri})`,
      state: settings.uri === 'none' ? 'disabled' : p.state,
      since: new Date().toISOString(),
    });
  }

  /** The exact bitmap that is (or would be) printed for this ticket, rendered off the event loop. */
  render(t: Ticket): Promise<TicketJob> {
    const ahead = t.status === 'waiting' ? this.d.tickets.waitingBefore(t, t.priority !== null) : 0;
    const data = ticketPrintData(t, this.d.catalog, {
      ahead,
      timeZone: this.d.tickets.zone,
      publicUrl: this.d.publicUrl,
    });
    return this.renderer.render(data, this.d.layout() ?? defaultTicketLayout, this.settings);
  }

  /** Queues a print (or a reprint: the same job id replaces a queued one). Never throws. */
  print(t: Ticket): Promise<PrintOutcome> {
    const failed: PrintOutcome = { status: 'failed', reason: 'io', willRetry: false, attempts: 0 };
    if (this.settings.uri === 'none') return Promise.resolve({ status: 'disabled' }); // nothing to render for
    const guarded = this.render(t)
      .then((job) =>
        this.printer
          ? this.printer.print(`ticket-${t.id}`, job.bitmap, job.qrData ? { qrData: job.qrData } : {})
          : failed,
      )
      .catch((err): PrintOutcome => {
        this.d.log.error({ err, ticket: t.label }, 'ticket print failed');
        return failed;
      });
    this.outcomes.set(t.id, guarded);
    if (this.outcomes.size > OUTCOMES_KEPT) this.outcomes.delete(this.outcomes.keys().next().value!);
    return guarded;
  }

  /** What the kiosk tells the citizen: waits up to `waitMs` for the paper, then says "queued". */
  async stateFor(ticketId: number, waitMs = KIOSK_PRINT_WAIT_MS): Promise<PrintState> {
    const pending = this.outcomes.get(ticketId);
    if (!pending) return { state: this.settings.uri === 'none' ? 'disabled' : 'queued' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => {
      timer = setTimeout(() => r(null), waitMs);
    });
    const o = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    if (!o) return { state: 'queued' };
    if (o.status === 'printed') return { state: 'printed' };
    if (o.status === 'disabled') return { state: 'disabled' };
    return { state: 'failed', reason: o.reason };
  }

  /** Stops the printer (settings change); `close()` also ends the render worker. */
  async close(): Promise<void> {
    await this.stop();
    await this.renderer.close();
  }

  async stop(): Promise<void> {
    this.stopStatus?.();
    const p = this.printer;
    this.printer = null;
    await p?.close();
  }
}
