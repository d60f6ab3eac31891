import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';
import { startPlatformChecks } from './platform-checks.js';

/** Process entry: validate config, build, listen, print the URLs, shut down gracefully. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = process.stdout.isTTY
    ? { level: config.logLevel, transport: undefined }
    : { level: config.logLevel };
  let built: Awaited<ReturnType<typeof buildApp>>;
  try {
    built = await buildApp({ config, logger });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const { app } = built;
  await app.listen({ port: config.port, host: config.host });
  // READY=1 only now: the database is open and the server listens
  const stopPlatform = startPlatformChecks({
    health: built.deps.health,
    log: app.log,
    dataDir: config.dataDir,
    dbAnswers: () => built.deps.health.report().db.state === 'ok',
  });
  const base = config.publicUrl;
  if (process.stdout.isTTY) process.stdout.write(banner(base, config.mode));
  app.log.info(
    { kiosk: `${base}/kiosk`, display: `${base}/display`, console: `${base}/console`, mode: config.mode },
    `Xếp Hàng is running: kiosk ${base}/kiosk · lobby screen ${base}/display · officials ${base}/console`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopPlatform();
    const force = setTimeout(() => process.exit(1), 8000);
    force.unref();
    // In-flight requests finish; keep-alive connections that become idle are closed at once, and after
    // a 3 s grace period whatever is left is cut so systemd's stop stays bounded.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    idle.unref();
    setTimeout(() => app.server.closeAllConnections(), 3000).unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function banner(base: string, mode: string): string {
  const demo =
    mode === 'demo'
      ? '\n  Tài khoản demo (demo accounts): lan/1111 · minh/2222 · hung/3333 · thu/4444 · chutich/5555 (lãnh đạo) · admin/9999\n'
      : '';
  return `
  Xếp Hàng đang chạy (is running) — ${mode}
  Máy cấp số (kiosk):            ${base}/kiosk
  Màn hình sảnh (lobby screen):  ${base}/display
  Màn hình quầy (counter 1):     ${base}/display/counter/1
  Cán bộ, quản trị (console):    ${base}/console
  Tình trạng (health):           ${base}/api/health
${demo}
`;
}

main().catch((err) => {
  process.stderr.write(`Xếp Hàng failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
