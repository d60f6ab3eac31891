import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './app.js';

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
  const base = config.publicUrl;
  app.log.info(
    { kiosk: `${base}/kiosk`, display: `${base}/display`, console: `${base}/console`, mode: config.mode },
    `Xếp Hàng is running: kiosk ${base}/kiosk · lobby screen ${base}/display · officials ${base}/console`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 8000);
    force.unref();
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

main().catch((err) => {
  process.stderr.write(`Xếp Hàng failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
