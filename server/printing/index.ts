import { join } from 'node:path';
import {
  defaultPrinterSettings,
  defaultTicketLayout,
  type PrinterSettings,
} from '../../core/contracts/printing.js';
import type { Logger } from '../../drivers/logger.js';
import { createPrinter } from '../../drivers/printer/index.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import { printerSettingsOf } from '../devices/device-config.js';
import type { DeviceService } from '../devices/device-service.js';
import type { EventBus } from '../event-bus.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import { type PrinterFactory, PrintService } from './print-service.js';

export { PrintService, type PrinterFactory } from './print-service.js';

/** The active printer row of the devices table (the first one), as full printing settings. */
function activePrinter(devices: DeviceService): PrinterSettings {
  const row = devices.list().find((d) => d.kind === 'printer' && d.active);
  return row ? printerSettingsOf(row.config) : { ...defaultPrinterSettings, uri: 'none' };
}

/**
 * Starts printing from the printer row of the devices table (seeded from XEPHANG_PRINTER; the
 * console edits it) and follows its changes live.
 */
export function startPrinting(d: {
  bus: EventBus;
  catalog: SiteCatalog;
  tickets: TicketRepo;
  devices: DeviceService;
  log: Logger;
  publicUrl: string;
  dataDir: string;
  factory?: PrinterFactory | undefined;
}): PrintService {
  const factory: PrinterFactory =
    d.factory ?? ((settings) => createPrinter(settings, d.log, { simulatedDir: join(d.dataDir, 'tickets') }));
  const service = new PrintService(
    {
      bus: d.bus,
      catalog: d.catalog,
      tickets: d.tickets,
      factory,
      log: d.log,
      publicUrl: d.publicUrl,
      layout: () => d.catalog.settings.ticketLayout ?? defaultTicketLayout,
    },
    activePrinter(d.devices),
  );
  d.devices.onChange((row) => {
    if (row && row.kind !== 'printer') return;
    service
      .reconfigure(activePrinter(d.devices))
      .catch((err) => d.log.error({ err }, 'printer reconfiguration failed'));
  });
  return service;
}
