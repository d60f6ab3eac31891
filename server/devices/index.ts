import type { PrinterSettings } from '../../core/contracts/printing.js';
import type { Clock } from '../../core/domain/clock.js';
import type { Logger } from '../../drivers/logger.js';
import type { Db } from '../db/open.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import type { QueueService } from '../services/queue-service.js';
import type { RatingService } from '../services/rating-service.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import { DeviceManager } from './device-manager.js';
import { DeviceRepo } from './device-repo.js';
import { DeviceService } from './device-service.js';
import type { DeviceDriverFactory } from './drivers.js';
import type { DeviceSeed } from './env-format.js';
import { serialDrivers } from './serial-drivers.js';

export type { DeviceDriverFactory } from './drivers.js';
export { DeviceManager } from './device-manager.js';
export { DeviceService } from './device-service.js';

export interface DevicesDeps {
  db: Db;
  catalog: SiteCatalog;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  log: Logger;
  queue: QueueService;
  ratings: RatingService;
  /** from the environment; fill the table on first start only */
  seeds: { ratingBoxes: DeviceSeed[]; ticketButtons: DeviceSeed[]; printer: PrinterSettings | null };
  /** absent = real serial ports */
  drivers?: DeviceDriverFactory | undefined;
}

export interface Devices {
  service: DeviceService;
  manager: DeviceManager;
}

/** Seeds the devices table from the environment (first start), then starts the configured devices. */
export async function startDevices(d: DevicesDeps): Promise<Devices> {
  const repo = new DeviceRepo(d.db);
  const printer: DeviceSeed[] = d.seeds.printer
    ? [
        {
          id: 'printer',
          kind: 'printer',
          name: 'Máy in phiếu',
          counter: null,
          config: { ...d.seeds.printer },
        },
      ]
    : [];
  const added = repo.seed([...printer, ...d.seeds.ratingBoxes, ...d.seeds.ticketButtons], d.clock.now());
  if (added.length) d.log.info({ devices: added.map((s) => s.id) }, 'devices added from the environment');
  const service = new DeviceService({
    repo,
    catalog: d.catalog,
    writes: d.writes,
    clock: d.clock,
    scale: () => d.ratings.scale(),
  });
  const manager = new DeviceManager({
    repo,
    drivers: d.drivers ?? serialDrivers({ clock: d.clock, logger: d.log }),
    bus: d.bus,
    clock: d.clock,
    log: d.log,
    context: () => service.context(),
    onRatingPress: (p) => d.ratings.handleBoxPress(p),
    issue: (body) => d.queue.issue(body),
  });
  service.attach(manager);
  d.bus.on('siteChanged', () => void manager.apply());
  await manager.apply();
  return { service, manager };
}
