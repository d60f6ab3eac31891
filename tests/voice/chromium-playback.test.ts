/**
 * The real thing in Debian's Chromium: every committed segment decodes with Web Audio, the announcer
 * plays queued calls to the end, and blocked autoplay turns into `needs-gesture` until a click.
 * The page (fixtures/voice-page.ts, served by Vite) reports through the console. Figures are printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const PAGE =
  '<!doctype html><meta charset="utf-8"><script type="module" src="/tests/voice/fixtures/voice-page.ts"></script>';

let server: ViteDevServer;
let origin = '';
const browsers: Browser[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not listen');
  origin = `http://127.0.0.1:${address.port}`;
}, 30_000);

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

type Report = Record<string, unknown> & { type: string };

/** Opens the test page with an autoplay policy; `next(type)` waits (bounded) for the page's next report. */
async function open(autoplayPolicy: string, scenario: string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...ARGS, `--autoplay-policy=${autoplayPolicy}`],
    timeout: 20_000,
  });
  browsers.push(browser);
  const page: Page = await browser.newPage();
  const reports: Report[] = [];
  const waiters: (() => void)[] = [];
  page.on('console', (m) => {
    if (!m.text().startsWith('{')) return;
    reports.push(JSON.parse(m.text()) as Report);
    for (const w of waiters.splice(0)) w();
  });
  await page.route(`${origin}/voice-test.html*`, (route) =>
    route.fulfill({ contentType: 'text/html', body: PAGE }),
  );
  await page.goto(`${origin}/voice-test.html?scenario=${scenario}`);
  const next = async (type: string, timeoutMs = 20_000): Promise<Report> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = reports.find((r) => r.type === type || r.type === 'error');
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no "${type}" report from the page within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { page, next };
}

describe('voice in Chromium', () => {
  it('decodes every segment to its listed length and plays queued calls one after another', async () => {
    const { next } = await open('no-user-gesture-required', 'kiosk');
    const r = (await next('kiosk')) as Report &
      Record<'loadMs' | 'playMs' | 'audioMs' | 'fullCallMs', number>;
    console.info(
      `chromium: ${r.available} segments decoded in ${r.loadMs.toFixed(0)} ms; two short calls played in ` +
        `${r.playMs.toFixed(0)} ms (audio ${r.audioMs.toFixed(0)} ms); ` +
        `default call "A023 → quầy 2" lasts ${(r.fullCallMs / 1000).toFixed(1)} s`,
    );
    expect(r.type).toBe('kiosk');
    expect(r.failures).toEqual([]);
    expect(r.available).toBe(r.segments);
    expect(r.off).toEqual([]);
    expect(r.ends).toEqual(['A023:played', 'A023:played']);
    expect(r.state).toBe('idle');
  }, 40_000);

  it('asks for a gesture when autoplay is blocked, then plays the waiting call after a click', async () => {
    const { page, next } = await open('document-user-activation-required', 'blocked');
    expect(await next('blocked')).toEqual({
      type: 'blocked',
      probed: 'needs-gesture',
      state: 'needs-gesture',
      waiting: 1,
    });
    await page.click('button');
    expect(await next('ended')).toEqual({ type: 'ended', label: 'B7', outcome: 'played', state: 'playing' });
  }, 40_000);
});
