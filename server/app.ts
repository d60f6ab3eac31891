import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type Clock, systemClock } from '../core/domain/clock.js';
import { type Config, ROOT_DIR } from './config.js';
import { type Db, openDatabase } from './db/open.js';
import {
  createDeviceFeatures,
  type DeviceDriverFactory,
  type DeviceFeatures,
  installPairedDevices,
  registerDeviceFeatureRoutes,
  wireRatingBroadcast,
} from './devices/features.js';
import { SessionRepo } from './db/session-repo.js';
import { TicketRepo } from './db/ticket-repo.js';
import { type PrinterFactory, startPrinting } from './printing/index.js';
import { WriteQueue } from './db/write-queue.js';
import { EventBus } from './event-bus.js';
import { deviceAllowList, installAuth } from './http/auth-hooks.js';
import { frameworkErrors, installErrorHandling } from './http/error-handler.js';
import { appVersion, serveApps } from './http/static-apps.js';
import { type Realtime, startRealtime } from './realtime/socket-server.js';
import { consoleViewRoutes } from './routes/console-views.js';
import { counterRoutes } from './routes/counters.js';
import { displaySettingsRoutes } from './routes/display-settings.js';
import { registerAdmin } from './routes/admin-routes.js';
import type { RouteDeps } from './routes/deps.js';
import { printingRoutes } from './routes/printing.js';
import { queueRoutes } from './routes/queue.js';
import { reportRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/sessions.js';
import { setupRoutes } from './routes/setup.js';
import { statusRoutes } from './routes/status.js';
import { ticketRoutes } from './routes/tickets.js';
import { loadSecrets } from './secrets.js';
import { AuthService } from './services/auth-service.js';
import { CounterService } from './services/counter-service.js';
import { HealthService } from './services/health-service.js';
import { QueueService } from './services/queue-service.js';
import { initialiseDatabase } from './services/setup-service.js';
import { SiteCatalog } from './services/site-catalog.js';
import { SnapshotService } from './services/snapshot-service.js';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** ticket printer driver (tests: fakes); absent = the real printer from the devices table */
  printerFactory?: PrinterFactory;
  /** serial device drivers (tests: real ptys or fakes); absent = the real serial ports */
  devices?: DeviceDriverFactory;
}

/** Every registered route (the route × role matrix and the fuzzer walk them). */
export interface RouteInfo {
  method: string;
  url: string;
}

export interface XephangApp {
  routes: RouteInfo[];
  app: FastifyInstance;
  db: Db;
  bus: EventBus;
  deps: RouteDeps;
  realtime: Realtime;
  writes: WriteQueue;
  /** ratings, pairing, rating boxes and ticket buttons */
  features: DeviceFeatures;
}

const PKG_VERSION = (JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Builds the whole server (database, services, routes, sockets) without listening. */
export async function buildApp(opts: AppOptions): Promise<XephangApp> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    frameworkErrors,
  });
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  // TypeBox validates bodies strictly (no type coercion) and converts only params/querystring/headers.
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  const db = openDatabase(config.dataDir);
  const secrets = loadSecrets(config.dataDir);
  initialiseDatabase(db, config, clock, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) });

  const bus = new EventBus((err, ev) => app.log.error({ err, event: ev }, 'event listener failed'));
  const writes = new WriteQueue(db);
  const catalog = new SiteCatalog(db);
  const tickets = new TicketRepo(db, config.timeZone);
  const sessions = new SessionRepo(db);
  const version = appVersion(config.appsDir, PKG_VERSION);
  const queue = new QueueService({
    catalog,
    tickets,
    sessions,
    writes,
    bus,
    clock,
    publicUrl: config.publicUrl,
  });
  const auth = new AuthService({
    catalog,
    sessions,
    tickets,
    writes,
    bus,
    clock,
    sessionHours: config.sessionHours,
  });
  const counters = new CounterService({ catalog, sessions, tickets, writes, bus, clock, queue });
  const snapshot = new SnapshotService({ catalog, tickets, sessions, clock, version });
  const health = new HealthService({ db, bus, clock, version, mode: config.mode, timeZone: config.timeZone });
  const deviceAllowed = deviceAllowList(config.deviceAllow);
  const features = await createDeviceFeatures({
    db,
    config,
    catalog,
    tickets,
    writes,
    bus,
    clock,
    queue,
    log: app.log,
    drivers: opts.devices,
  });
  const printing = startPrinting({
    bus,
    catalog,
    tickets,
    devices: features.devices.service,
    log: app.log,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    factory: opts.printerFactory,
  });
  const deps: RouteDeps = {
    config,
    catalog,
    queue,
    counters,
    auth,
    snapshot,
    health,
    tickets,
    deviceAllowed,
    printing,
  };

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret: secrets.cookieSecret });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'RATE_LIMITED', retryAfterMs: ctx.ttl }),
  });
  installErrorHandling(app);
  // A POST without a body is an empty object, so routes whose fields are all optional accept it.
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined || req.body === null) req.body = {};
  });
  installAuth(app, auth);
  installPairedDevices(app, features.pairing);
  for (const routes of [
    ticketRoutes,
    counterRoutes,
    sessionRoutes,
    queueRoutes,
    statusRoutes,
    printingRoutes,
  ])
    routes(app, deps);
  displaySettingsRoutes(app, deps);
  setupRoutes(app, { db, config, clock });
  consoleViewRoutes(app, deps, { db, clock });
  reportRoutes(app, deps, { db, clock });
  registerDeviceFeatureRoutes(app, features, config);
  registerAdmin(app, { deps, db, writes, bus, clock, features });
  await serveApps(app, config.appsDir, join(config.dataDir, 'voice'));

  const realtime = startRealtime(app.server, {
    bus,
    snapshot,
    auth,
    deviceAllowed,
    pairedDevice: (token) => features.pairing.identify(token) !== null,
  });
  app.addHook('preClose', async () => {
    await realtime.close();
  });
  wireRatingBroadcast(bus, realtime.io);
  app.addHook('preClose', () => features.close());
  app.addHook('preClose', () => printing.close());
  app.addHook('onClose', async () => {
    db.close();
  });
  return { routes, app, db, bus, deps, realtime, writes, features };
}
