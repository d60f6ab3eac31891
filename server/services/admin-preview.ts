import type { PrinterSettings, TicketLayout } from '../../core/contracts/printing.js';
import { bitmapToPng, renderTicketJob } from '../../drivers/printer/index.js';
import { ticketPrintData } from '../printing/ticket-print-data.js';
import { sampleTicket } from './admin-day-service.js';
import type { SiteCatalog } from './site-catalog.js';

/**
 * The ticket layout's live preview: a sample ticket of the site's first service drawn by the very
 * renderer the printer uses, as PNG. The QR code is always drawn into the image here.
 */
export function ticketPreviewPng(
  d: { catalog: SiteCatalog; printer: PrinterSettings; timeZone: string; publicUrl: string; now: number },
  layout: TicketLayout,
  width?: PrinterSettings['width'],
): Buffer {
  const svc = d.catalog.site.services.find((s) => s.active) ?? d.catalog.site.services[0];
  const ticket = sampleTicket(svc?.code ?? 'TEST', d.now, 'waiting', svc?.prefix);
  const data = ticketPrintData(ticket, d.catalog, { ahead: 5, timeZone: d.timeZone, publicUrl: d.publicUrl });
  const category = d.catalog.site.categories.find((c) => c.active !== false);
  const withPriority = category ? { ...data, priorityName: category.name } : data;
  const settings = { ...d.printer, width: width ?? d.printer.width, nativeQr: false };
  return bitmapToPng(renderTicketJob(withPriority, layout, settings).bitmap);
}
