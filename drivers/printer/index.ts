/**
 * Ticket printing driver: render (SVG → resvg → 1 bit), encode (ESC/POS), deliver (transports by
 * URI), queue (retries, status). The server constructs one Printer in main.ts and talks to it
 * through this API only.
 */
import type { PrinterSettings, TicketLayout, TicketPrintData } from '../../core/contracts/printing.js';
import type { Logger } from '../logger.js';
import { createTransport, type TransportOptions } from './create-transport.js';
import type { MonoBitmap } from './mono-bitmap.js';
import { Printer, type PrinterOptions } from './print-queue.js';
import { validatePrinterSettings } from './printer-uri.js';
import { renderTicket } from './render-ticket.js';

export type { DecodedJob } from './escpos-jobs.js';
export { encodeTicketJob } from './escpos.js';
export { parseStatus, statusToState } from './status.js';
export { type MonoBitmap, bitmapToPng, pngToBitmap } from './mono-bitmap.js';
export { Printer, type PrinterOptions, type PrinterStatusEvent, type PrintJobEvent } from './print-queue.js';
export {
  PRINTER_URI_FORMS,
  PrinterConfigError,
  type PrinterTarget,
  parsePrinterUri,
  validatePrinterSettings,
} from './printer-uri.js';
export { layoutTicketScene, renderTicket, warmUpRenderer } from './render-ticket.js';
export { PrinterIoError, type PrinterTransport } from './transport.js';
export { createTransport, type TransportOptions };

/** What to hand to Printer.print for one ticket with these settings. */
export interface TicketJob {
  bitmap: MonoBitmap;
  /** Set when the printer prints the QR natively (settings.nativeQr). */
  qrData?: string;
}

/** Renders a ticket for a printer's settings (width; QR in the image or native). */
export function renderTicketJob(
  data: TicketPrintData,
  layout: TicketLayout,
  settings: PrinterSettings,
): TicketJob {
  const nativeQr = settings.nativeQr && layout.showQr;
  const bitmap = renderTicket(data, layout, settings.width, { qrInImage: !nativeQr });
  return nativeQr ? { bitmap, qrData: data.statusUrl } : { bitmap };
}

/**
 * Validates the settings (PrinterConfigError naming the bad one) and starts a Printer on the
 * transport its URI names. Re-create it when the console changes the settings.
 */
export function createPrinter(
  settings: PrinterSettings,
  logger: Logger,
  options: TransportOptions & Omit<PrinterOptions, 'transport' | 'settings' | 'logger'> = {},
): Printer {
  const target = validatePrinterSettings(settings);
  const transport = createTransport(target, logger, options);
  return new Printer({ ...options, transport, settings, logger });
}
