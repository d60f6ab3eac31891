/**
 * A big centre (30 counters, 12 services, bench/site.json): the lobby stays inside the screen, counters
 * run down the columns, and screens for 15 counters and for all 30 are saved for people to look at.
 */
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { openScreen, shot } from './display-helpers.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ env: { XEPHANG_SITE: join(process.cwd(), 'bench', 'site.json') } });
  for (let n = 1; n <= 20; n++) {
    const c = new HttpClient(srv.url);
    expect((await c.login(`cb${n}`, '1234', n)).status).toBe(201);
    await c.issue(`S${n % 12}`);
    if (n % 5 !== 0) await c.counter(n, 'call-next');
    if (n % 7 === 0) {
      await c.counter(n, 'finish');
      await c.counter(n, 'pause', { reason: 'Nghỉ trưa' });
    }
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await srv?.close(true);
});

describe('a big centre', () => {
  it.each([
    ['?counters=1-15', 15, 'lobby-1920x1080-15-counters.png'],
    ['', 30, 'lobby-1920x1080-30-counters.png'],
  ])('lobby %s fits the screen', async (query, count, file) => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openScreen(page, `${srv.url}/display${query}`);
    const rows = page.locator('[data-testid=counter-row]');
    expect(await rows.count()).toBe(count);
    const layout = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const rowBoxes = [...document.querySelectorAll('[data-testid=counter-row]')].map((r) =>
        r.getBoundingClientRect(),
      );
      return {
        overflowX: document.documentElement.scrollWidth > window.innerWidth,
        clockRight: box('[data-testid=clock]').right,
        boardBottom: box('[data-testid=counter-board]').bottom,
        lastRowBottom: Math.max(...rowBoxes.map((b) => b.bottom)),
        secondBelowFirst: (rowBoxes[1]?.top ?? 0) > (rowBoxes[0]?.top ?? 0),
        width: window.innerWidth,
      };
    });
    expect(layout.overflowX).toBe(false);
    expect(layout.clockRight).toBeLessThanOrEqual(layout.width);
    expect(layout.lastRowBottom).toBeLessThanOrEqual(layout.boardBottom);
    expect(layout.secondBelowFirst).toBe(true); // counter 2 is under counter 1, not beside it
    await shot(page, file);
    await page.close();
  });
});
