import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { freePort, startTestServer, type TestServer, tempDataDir } from '../fakes/test-server.js';

/** A server restart: the kiosk shows its offline state (never stale buttons), then recovers by itself. */
describe('kiosk: server restart', () => {
  let browser: Browser;
  let s: TestServer | null = null;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  it('goes offline while the server is down and issues again once it is back', async () => {
    const port = await freePort();
    s = await startTestServer({ dataDir, port });
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${s.url}/kiosk`);
    await page.waitForSelector('[data-service="HT"]:not([disabled])', { timeout: 10_000 });

    await s.close();
    s = null;
    await page.waitForSelector('[data-screen="offline"]', { timeout: 10_000 });
    await page.waitForSelector('text=Máy lấy số đang kết nối lại…');
    expect(await page.$('[data-service]')).toBeNull();
    await page.screenshot({ path: artifactPath('kiosk', 'offline-portrait.png') });

    s = await startTestServer({ dataDir, port });
    await page.waitForSelector('[data-service="HT"]:not([disabled])', { timeout: 15_000 });
    await page.click('[data-service="HT"]');
    const label = await page
      .waitForSelector('[data-testid="ticket-number"]', { timeout: 10_000 })
      .then((e) => e.textContent());
    expect(label).toBe('A001');
    await page.close();
  });
});
