import type { Config } from '../config.js';
import type { PrintService } from '../printing/print-service.js';
import type { AuthService } from '../services/auth-service.js';
import type { CounterService } from '../services/counter-service.js';
import type { HealthService } from '../services/health-service.js';
import type { QueueService } from '../services/queue-service.js';
import type { SnapshotService } from '../services/snapshot-service.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { SiteCatalog } from '../services/site-catalog.js';

/** What route plugins may use: services only, never the database directly. */
export interface RouteDeps {
  config: Config;
  catalog: SiteCatalog;
  queue: QueueService;
  counters: CounterService;
  auth: AuthService;
  snapshot: SnapshotService;
  health: HealthService;
  tickets: TicketRepo;
  deviceAllowed: (ip: string) => boolean;
  printing: PrintService;
}
