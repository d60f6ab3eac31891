import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../core/domain/clock.js';
import { ROOT_DIR } from '../config.js';
import type { Db } from '../db/open.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { DeviceFeatures } from '../devices/features.js';
import type { EventBus } from '../event-bus.js';
import { AdminChanges } from '../services/admin-changes.js';
import { AdminCounterService } from '../services/admin-counter-service.js';
import { AdminDayService } from '../services/admin-day-service.js';
import { AdminOfficialsService } from '../services/admin-officials-service.js';
import { AdminPrivacy } from '../services/admin-privacy.js';
import { RetentionJob } from '../services/admin-retention.js';
import { AdminSettingsService } from '../services/admin-settings-service.js';
import { AdminSiteService } from '../services/admin-site-service.js';
import { AdminVoice } from '../services/admin-voice.js';
import { auditOtherAdminRoutes } from '../services/audit-routes.js';
import { adminDayRoutes } from './admin-day.js';
import { adminOfficialRoutes } from './admin-officials.js';
import { adminSettingsRoutes } from './admin-settings.js';
import { adminSiteRoutes } from './admin-site.js';
import { adminSystemRoutes } from './admin-system.js';
import { adminVoiceRoutes } from './admin-voice.js';
import type { RouteDeps } from './deps.js';

export interface AdminDeps {
  deps: RouteDeps;
  db: Db;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  features: DeviceFeatures;
}

/**
 * Site administration in the browser (/api/admin/*, role admin): every change audited in its own
 * transaction and applied live. Also starts the daily retention job (stopped on close).
 */
export function registerAdmin(app: FastifyInstance, a: AdminDeps): void {
  const { deps } = a;
  const { config, catalog } = deps;
  const changes = new AdminChanges({ db: a.db, writes: a.writes, catalog, bus: a.bus, clock: a.clock });
  const officials = new AdminOfficialsService(changes, deps.tickets);
  const retention = new RetentionJob(changes, config.timeZone, app.log);

  adminSiteRoutes(app, { site: new AdminSiteService(changes), counters: new AdminCounterService(changes) });
  adminOfficialRoutes(app, { officials, privacy: new AdminPrivacy(changes, officials) });
  adminSettingsRoutes(app, {
    settings: new AdminSettingsService(changes, a.features.ratings),
    catalog,
    printing: deps.printing,
    timeZone: config.timeZone,
    publicUrl: config.publicUrl,
    now: () => a.clock.now(),
  });
  adminDayRoutes(app, { day: new AdminDayService(changes, deps.tickets, deps.printing) });
  adminSystemRoutes(app, {
    changes,
    retention,
    db: a.db,
    dataDir: config.dataDir,
    timeZone: config.timeZone,
  });
  adminVoiceRoutes(app, {
    voice: new AdminVoice(changes, join(ROOT_DIR, 'voice', 'segments', 'vi'), config.dataDir),
  });
  auditOtherAdminRoutes(app, {
    changes,
    devices: a.features.devices.service,
    pairing: a.features.pairing,
    ratings: a.features.ratings,
  });

  app.addHook('onReady', async () => retention.start());
  app.addHook('preClose', () => retention.stop());
}
