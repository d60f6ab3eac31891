import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../core/domain/clock.js';
import type { Logger } from '../../drivers/logger.js';
import type { Config } from '../config.js';
import type { Db } from '../db/open.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import { deviceRoutes } from '../routes/devices.js';
import { installPairedDevices, pairingRoutes } from '../routes/pairing.js';
import { ratingRoutes } from '../routes/ratings.js';
import { PairingRepo } from '../services/pairing-repo.js';
import { PairingService } from '../services/pairing-service.js';
import type { QueueService } from '../services/queue-service.js';
import { RatingQueries } from '../services/rating-queries.js';
import { RatingRepo } from '../services/rating-repo.js';
import { RatingService } from '../services/rating-service.js';
import type { SiteCatalog } from '../services/site-catalog.js';
import type { DeviceDriverFactory } from './drivers.js';
import { type Devices, startDevices } from './index.js';

export interface DeviceFeatures {
  ratings: RatingService;
  queries: RatingQueries;
  pairing: PairingService;
  devices: Devices;
  close(): Promise<void>;
}

export interface DeviceFeatureDeps {
  db: Db;
  config: Config;
  catalog: SiteCatalog;
  tickets: TicketRepo;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  queue: QueueService;
  log: Logger;
  /** absent = real serial ports */
  drivers?: DeviceDriverFactory | undefined;
}

/** Ratings, pairing and the serial devices (rating boxes, ticket buttons), started from the DB. */
export async function createDeviceFeatures(d: DeviceFeatureDeps): Promise<DeviceFeatures> {
  const { db, catalog, tickets, writes, bus, clock, log } = d;
  const ratingRepo = new RatingRepo(db);
  const ratings = new RatingService({ catalog, tickets, repo: ratingRepo, writes, bus, clock, log });
  const queries = new RatingQueries({
    repo: ratingRepo,
    ratings,
    clock,
    siteId: () => catalog.siteId,
    zone: tickets.zone,
  });
  const pairing = new PairingService({ repo: new PairingRepo(db), catalog, writes, clock });
  const devices = await startDevices({
    db,
    catalog,
    writes,
    bus,
    clock,
    log,
    queue: d.queue,
    ratings,
    seeds: {
      ratingBoxes: d.config.ratingBoxes,
      ticketButtons: d.config.ticketButtons,
      printer: d.config.printer,
    },
    drivers: d.drivers,
  });
  return { ratings, queries, pairing, devices, close: () => devices.manager.close() };
}

/** The REST routes of these features (call after installAuth and installPairedDevices). */
export function registerDeviceFeatureRoutes(app: FastifyInstance, f: DeviceFeatures, config: Config): void {
  pairingRoutes(app, { pairing: f.pairing, config });
  ratingRoutes(app, { ratings: f.ratings, queries: f.queries, devices: f.devices.manager });
  deviceRoutes(app, { devices: f.devices.service });
}

export { installPairedDevices };
export type { DeviceDriverFactory } from './drivers.js';
export { wireRatingBroadcast } from '../services/rating-broadcast.js';
