import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier, senderCommand, watchdogIntervalMs } from '../../server/platform/sd-notify.js';
import { type FakeNotifySocket, startFakeNotifySocket } from './fake-notify-socket.js';

const run = promisify(execFile);

describe('watchdogIntervalMs', () => {
  it.each([
    [{}, null],
    [{ WATCHDOG_USEC: '30000000' }, 15_000],
    [{ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '42' }, 15_000],
    [{ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '43' }, null],
    [{ WATCHDOG_USEC: 'x' }, null],
    [{ WATCHDOG_USEC: '0' }, null],
  ])('%j → %s', (env, expected) => {
    expect(watchdogIntervalMs(env, 42)).toBe(expected);
  });
});

describe('createNotifier without NOTIFY_SOCKET', () => {
  it('does nothing and never throws', () => {
    const n = createNotifier({ WATCHDOG_USEC: '1000' });
    expect(n.enabled).toBe(false);
    n.ready();
    n.watchdog();
    n.stopping();
    n.startWatchdog()();
  });
});

describe('createNotifier with a real datagram socket', () => {
  let dir: string;
  let sock: FakeNotifySocket;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xephang-notify-'));
    sock = await startFakeNotifySocket(join(dir, 'notify.sock'));
  });
  afterEach(async () => {
    await sock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers READY=1, WATCHDOG=1 and STOPPING=1', async () => {
    const n = createNotifier({ NOTIFY_SOCKET: sock.address });
    expect(n.enabled).toBe(true);
    n.ready();
    expect(await sock.waitFor('READY=1')).toContain('STATUS=');
    n.watchdog();
    await sock.waitFor('WATCHDOG=1');
    n.stopping();
    await sock.waitFor('STOPPING=1');
  });

  it('pings the watchdog periodically at WATCHDOG_USEC/2 until stopped', async () => {
    const n = createNotifier({ NOTIFY_SOCKET: sock.address, WATCHDOG_USEC: '200000' });
    expect(n.watchdogIntervalMs).toBe(100);
    const stop = n.startWatchdog();
    try {
      await sock.waitFor('WATCHDOG=1');
    } finally {
      stop();
    }
  });

  it('skips the ping while isHealthy() is false or throws', async () => {
    const n = createNotifier({ NOTIFY_SOCKET: sock.address, WATCHDOG_USEC: '100000' });
    let checks = 0;
    const stop = n.startWatchdog(() => {
      checks++;
      if (checks < 3) throw new Error('db down');
      return checks >= 5;
    });
    try {
      await sock.waitFor('WATCHDOG=1');
      expect(checks).toBeGreaterThanOrEqual(5);
    } finally {
      stop();
    }
  });

  it('python3 fallback sends the same datagram (used where systemd-notify is absent)', async () => {
    const [cmd, args] = senderCommand('READY=1', null);
    await run(cmd, args, { env: { ...process.env, NOTIFY_SOCKET: sock.address }, timeout: 10_000 });
    expect(await sock.waitFor('READY=1')).toBe('READY=1');
  });
});

describe('abstract-namespace NOTIFY_SOCKET (@name)', () => {
  it('both senders reach it', async () => {
    const sock = await startFakeNotifySocket(`@xephang-test-${process.pid}-${Date.now()}`);
    try {
      createNotifier({ NOTIFY_SOCKET: sock.address }).ready();
      await sock.waitFor('READY=1');
      const [cmd, args] = senderCommand('WATCHDOG=1', null);
      await run(cmd, args, { env: { ...process.env, NOTIFY_SOCKET: sock.address }, timeout: 10_000 });
      await sock.waitFor('WATCHDOG=1');
    } finally {
      await sock.close();
    }
  });
});

describe('a dead NOTIFY_SOCKET', () => {
  it('is reported to the logger once, never thrown', async () => {
    const warnings: unknown[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (o: unknown) => warnings.push(o) };
    const n = createNotifier({ NOTIFY_SOCKET: '/nonexistent/xephang/notify.sock' }, logger);
    n.watchdog();
    n.watchdog();
    const deadline = Date.now() + 10_000;
    while (warnings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500)); // the second failure arrives too, and must not be logged
    expect(warnings).toHaveLength(1);
  });
});
