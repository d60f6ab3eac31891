import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../core/domain/clock.js';
import { buildApp, type XephangApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  x: XephangApp;
  /** stops the server; the data dir is kept unless `removeData` */
  close(removeData?: boolean): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export function tempDataDir(prefix = 'xephang-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real server on 127.0.0.1 with a temp-file SQLite database (demo site unless XEPHANG_SITE is given).
 * Pass the same `dataDir` again to simulate a restart.
 */
export async function startTestServer(
  opts: { env?: Record<string, string>; clock?: Clock; dataDir?: string; port?: number } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const port = opts.port ?? (await freePort());
  const config = loadConfig({
    XEPHANG_DATA_DIR: dataDir,
    XEPHANG_PORT: String(port),
    XEPHANG_HOST: '127.0.0.1',
    XEPHANG_PUBLIC_URL: `http://127.0.0.1:${port}`,
    XEPHANG_ISSUE_RATE_LIMIT: '0',
    ...opts.env,
  });
  const x = await buildApp({ config, ...(opts.clock ? { clock: opts.clock } : {}) });
  await x.app.listen({ port, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    x,
    close: async (removeData = false) => {
      await x.app.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
