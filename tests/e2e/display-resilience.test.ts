/**
 * Screens that are never stuck: a server restart on the same data dir and port, a screen that loses
 * its network and misses a call, stored HTML shown as text, and the "Bấm để bật âm thanh" overlay when
 * the browser blocks autoplay. Needs `npm run build:apps` first.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { callNext, openScreen, shot, storeDisplaySettings, WAIT_MS } from './display-helpers.js';

let srv: TestServer;
let browser: Browser;
let lobby: Page;
let counter1: Page;
let official: HttpClient;
const dialogs: string[] = [];

const highlighted = (page: Page, label: string) =>
  // the voice may still be speaking an earlier call: a call is highlighted when its own turn comes
  page.waitForSelector(`[data-testid=highlight][data-label="${label}"]`, { timeout: 30_000 });
const counterShows = (page: Page, label: string) =>
  page.waitForSelector(`[data-testid=counter-number][data-label="${label}"]`, { timeout: WAIT_MS });

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
  official = new HttpClient(srv.url);
  expect((await official.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
  lobby = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  counter1 = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  for (const p of [lobby, counter1]) {
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await srv?.close(true);
});

describe('display resilience', () => {
  it('shows stored HTML/script as plain text', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script> Nghỉ lễ ngày 2/9';
    storeDisplaySettings(srv, {
      sloganLists: [{ title: '<b>5 không</b>', items: [img], active: true }],
      announcements: [{ text: script, from: null, to: null }],
      tickerSeconds: 3,
    });
    await openScreen(lobby, `${srv.url}/display`);
    await openScreen(counter1, `${srv.url}/display/counter/1`);
    await lobby.waitForFunction(
      (t) => document.querySelector('[data-testid=ticker]')?.textContent?.includes(t),
      img,
      {
        timeout: WAIT_MS,
      },
    );
    expect(
      await lobby
        .locator('[data-testid=ticker] img, [data-testid=ticker] b, [data-testid=ticker] script')
        .count(),
    ).toBe(0);
    expect(await lobby.getByTestId('ticker-title').textContent()).toBe('<b>5 không</b>');
    await shot(lobby, 'lobby-1920x1080-html-as-text.png');
    await lobby.waitForFunction(
      (t) => document.querySelector('[data-testid=ticker]')?.textContent?.includes(t),
      script,
      {
        timeout: WAIT_MS,
      },
    );
    expect(dialogs).toEqual([]);
    storeDisplaySettings(srv, {});
  });

  it('a screen that lost its network resyncs from the snapshot and announces the call it missed', async () => {
    const t = (await official.issue('HT')).body;
    await lobby.context().setOffline(true);
    await lobby.getByTestId('offline').waitFor({ timeout: 30_000 });
    await callNext(official, 1);
    await counterShows(counter1, t.label);
    expect(await lobby.locator(`[data-testid=highlight][data-label="${t.label}"]`).count()).toBe(0);
    await lobby.context().setOffline(false);
    await highlighted(lobby, t.label);
    await lobby.getByTestId('offline').waitFor({ state: 'detached', timeout: WAIT_MS });
  });

  it('reconnects after a server restart (same data dir and port) and shows the right state', async () => {
    const before = (await official.issue('CT')).body;
    await callNext(official, 1);
    await counterShows(counter1, before.label);
    const { dataDir, port } = srv;
    await srv.close();
    for (const p of [lobby, counter1]) await p.getByTestId('offline').waitFor({ timeout: WAIT_MS });
    await shot(lobby, 'lobby-1920x1080-offline.png');
    await shot(counter1, 'counter-1280x720-offline.png');

    srv = await startTestServer({ dataDir, port });
    for (const p of [lobby, counter1])
      await p.getByTestId('offline').waitFor({ state: 'detached', timeout: 15_000 });
    await counterShows(counter1, before.label);
    const row = lobby.locator('[data-testid=counter-row][data-counter="1"] [data-testid=counter-current]');
    expect((await row.textContent())?.trim()).toBe(before.label);

    // The official's session survives the restart; a new call shows at once.
    const after = (await official.issue('HT')).body;
    await callNext(official, 1);
    await highlighted(lobby, after.label);
    await counterShows(counter1, after.label);
    expect(dialogs).toEqual([]);
  });

  it('reloads itself when the server comes back with a new app version', async () => {
    const apps = mkdtempSync(join(tmpdir(), 'xephang-apps-'));
    try {
      cpSync(join(process.cwd(), 'dist', 'apps'), apps, { recursive: true });
      writeFileSync(join(apps, 'build.json'), JSON.stringify({ buildId: 'old' }));
      const { dataDir, port } = srv;
      await srv.close();
      srv = await startTestServer({ dataDir, port, env: { XEPHANG_APPS_DIR: apps } });
      await openScreen(counter1, `${srv.url}/display/counter/1`);
      const version = await counter1.getAttribute('[data-testid=counter-screen]', 'data-version');
      expect(version).toMatch(/\+old$/);
      await counter1.evaluate(() => {
        (window as unknown as { __before: boolean }).__before = true;
      });
      await srv.close();
      writeFileSync(join(apps, 'build.json'), JSON.stringify({ buildId: 'new' }));
      srv = await startTestServer({ dataDir, port, env: { XEPHANG_APPS_DIR: apps } });
      await counter1.waitForFunction(
        () => !(window as unknown as { __before?: boolean }).__before,
        undefined,
        {
          timeout: 20_000,
        },
      );
      await openScreen(counter1, `${srv.url}/display/counter/1`);
      expect(await counter1.getAttribute('[data-testid=counter-screen]', 'data-version')).toMatch(/\+new$/);
    } finally {
      const { dataDir, port } = srv;
      await srv.close();
      srv = await startTestServer({ dataDir, port });
      rmSync(apps, { recursive: true, force: true });
    }
  });

  it('asks for a tap when the browser blocks sound, and the tap turns it on', async () => {
    const strict = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=document-user-activation-required'],
    });
    try {
      const page = await strict.newPage({ viewport: { width: 1920, height: 1080 } });
      await openScreen(page, `${srv.url}/display`);
      const overlay = page.getByTestId('sound-overlay');
      await overlay.waitFor({ timeout: WAIT_MS });
      expect(await overlay.textContent()).toContain('Bấm để bật âm thanh');
      await shot(page, 'lobby-1920x1080-sound-blocked.png');
      await page.mouse.click(960, 540);
      await overlay.waitFor({ state: 'detached', timeout: WAIT_MS });
    } finally {
      await strict.close();
    }
  });
});
