import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerProcess } from '../fakes/server-process.js';
import { freePort, tempDataDir } from '../fakes/test-server.js';
import { startFakeNotifySocket } from './fake-notify-socket.js';

/** Issue 10: the server sends READY=1 only after the database is open and it listens; STOPPING=1 on SIGTERM. */
describe('systemd readiness of the real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xephang-ready-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('READY=1 arrives when /api/health already answers; WATCHDOG pings; STOPPING=1 on stop', async () => {
    const sock = await startFakeNotifySocket(join(dir, 'notify.sock'));
    const p = new ServerProcess(
      await freePort(),
      tempDataDir(),
      { NOTIFY_SOCKET: sock.address, WATCHDOG_USEC: '1000000' },
      'dist',
    );
    const started = p.start();
    await sock.waitFor('READY=1', 30_000);
    // at READY the port is open and the database answers
    expect((await fetch(`${p.url}/api/health`)).status).toBe(200);
    await started;
    await sock.waitFor('WATCHDOG=1', 5_000);
    await p.stop();
    await sock.waitFor('STOPPING=1', 5_000);
    await sock.close();
  }, 60_000);
});
