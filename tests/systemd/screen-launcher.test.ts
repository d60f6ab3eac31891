import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSystemCommands, run, SYSTEMD_DIR } from './helpers.js';

const SCRIPT = join(SYSTEMD_DIR, 'xephang-screen.sh');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'xephang-screen-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function launcher(args: string[], env: Record<string, string> = {}) {
  return run(SCRIPT, args, { env: { ...process.env, ...env }, timeoutMs: 30_000 });
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

describe('page → URL', () => {
  it.each([
    ['kiosk', '/kiosk'],
    ['lobby', '/display'],
    ['display', '/display'],
    ['counter-3', '/display/counter/3'],
    ['counter-12', '/display/counter/12'],
    ['rate-2', '/rate/2'],
    ['console', '/console'],
  ])('%s → %s', async (page, path) => {
    const result = await launcher(['url', page], { XEPHANG_SCREEN_URL: 'http://10.0.0.5:8080/' });
    expect(result.stdout.trim()).toBe(`http://10.0.0.5:8080${path}`);
  });

  it.each(['counter-', 'counter-x', 'kitchen', ''])('rejects "%s"', async (page) => {
    expect((await launcher(['url', page])).code).toBe(2);
  });
});

describe('wait for the server', () => {
  it('returns once /api/health answers 200', async () => {
    let calls = 0;
    const { server, base } = await listen((req, res) => {
      calls++;
      res.statusCode = req.url === '/api/health' && calls >= 2 ? 200 : 503;
      res.end();
    });
    try {
      const result = await launcher(['wait', 'kiosk'], {
        XEPHANG_SCREEN_URL: base,
        XEPHANG_SCREEN_WAIT_SEC: '20',
      });
      expect(result.code).toBe(0);
      expect(calls).toBeGreaterThanOrEqual(2);
    } finally {
      server.close();
    }
  });

  it('gives up after XEPHANG_SCREEN_WAIT_SEC when nothing answers', async () => {
    const { server, base } = await listen((_req, res) => res.end());
    await new Promise((r) => server.close(r)); // now the port is closed
    const result = await launcher(['wait', 'kiosk'], {
      XEPHANG_SCREEN_URL: base,
      XEPHANG_SCREEN_WAIT_SEC: '1',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not healthy');
  });
});

describe('run', () => {
  it('execs cage with Chromium in kiosk mode on the page URL', async () => {
    const bin = fakeSystemCommands(join(tmp, 'bin'), ['cage']);
    const result = await launcher(['run', 'counter-4'], {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: tmp,
      XEPHANG_SCREEN_URL: 'http://127.0.0.1:8080',
      XEPHANG_SCREEN_FLAGS: '--force-device-scale-factor=1.5',
    });
    expect(result.code).toBe(0);
    const call = readFileSync(join(bin, 'calls.log'), 'utf8').trim();
    expect(call).toMatch(/^cage -d -s -- chromium --kiosk --ozone-platform=wayland /);
    for (const flag of [
      '--autoplay-policy=no-user-gesture-required',
      '--noerrdialogs',
      '--disable-infobars',
      '--no-first-run',
      `--user-data-dir=${tmp}/chromium-counter-4`,
      '--force-device-scale-factor=1.5',
    ]) {
      expect(call).toContain(flag);
    }
    expect(call.endsWith(' http://127.0.0.1:8080/display/counter/4')).toBe(true);
  });
});
