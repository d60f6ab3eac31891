import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_SCALE_PRESETS } from '../../core/domain/rating-scales.js';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * The tablet rating page /rate/1 in headless Chromium against a real server: pairing with a
 * one-time code, the idle buttons, the prompt after the official finishes, a low rating with a
 * reason, thanks; portrait and English; an unpaired tablet. Screenshots in test-artifacts/rate/.
 * Needs the built apps (npm run build:apps).
 */

const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

let s: TestServer;
let browser: Browser;
let tablet: BrowserContext;
let page: Page;
let lan: HttpClient;

const shot = (p: Page, name: string) => p.screenshot({ path: artifactPath('rate', `${name}.png`) });
const phase = (p: Page, name: string) =>
  p.waitForSelector(`[data-testid="rate-page"][data-phase="${name}"]`, { timeout: 10_000 });

/** Every level button lies wholly inside the viewport, its label too (the page never scrolls). */
const allButtonsVisible = (p: Page) =>
  p.$$eval('[data-level]', (els) =>
    els.every((el) => {
      const r = el.getBoundingClientRect();
      const label = el.querySelector('.label')?.getBoundingClientRect();
      return (
        r.top >= 0 &&
        r.bottom <= window.innerHeight &&
        r.right <= window.innerWidth &&
        !!label &&
        label.bottom <= r.bottom
      );
    }),
  );

async function tabletCode(counter: number): Promise<string> {
  const r = await lan.req<{ code: string }>('POST', '/api/pairing-codes', { kind: 'tablet', counter });
  expect(r.status).toBe(201);
  return r.body.code;
}

beforeAll(async () => {
  s = await startTestServer();
  browser = await launchBrowser();
  lan = new HttpClient(s.url);
  expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
  tablet = await browser.newContext({ viewport: LANDSCAPE, hasTouch: true });
  page = await tablet.newPage();
});

afterAll(async () => {
  await browser?.close();
  await s?.close(true);
});

describe('tablet rating page', () => {
  it('an unpaired tablet shows the pairing form; a wrong code is explained', async () => {
    await page.goto(`${s.url}/rate/1`);
    await phase(page, 'unpaired');
    await shot(page, '01-pair');
    await page.fill('input[name="code"]', '000000');
    await page.click('form[data-testid="rate-pair"] button[type="submit"]');
    await page.waitForSelector('.error', { timeout: 5000 });
    expect(await page.textContent('.error')).toMatch(/Mã ghép nối không đúng/);
    await shot(page, '02-pair-wrong-code');
  });

  it('the official’s code pairs it; the big buttons wait for a citizen', async () => {
    await page.fill('input[name="code"]', await tabletCode(1));
    await page.click('form[data-testid="rate-pair"] button[type="submit"]');
    await phase(page, 'ready');
    const labels = await page.$$eval('[data-level] .label', (els) => els.map((e) => e.textContent));
    expect(labels).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']);
    expect(await allButtonsVisible(page)).toBe(true);
    await shot(page, '03-idle');
    await page.reload();
    await phase(page, 'ready'); // the cookie keeps it paired
  });

  it('finish → the prompt with the ticket number → a low rating → reason → thanks', async () => {
    await new HttpClient(s.url).issue('HT');
    const called = await lan.counter(1, 'call-next');
    expect((await lan.counter(1, 'finish')).status).toBe(200);
    await page.waitForSelector('[data-testid="rate-ticket"]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid="rate-ticket"]')).toBe(called.body.ticket.label);
    await shot(page, '04-prompt');
    await page.click('[data-level="4"]');
    await phase(page, 'reason');
    await shot(page, '05-reason');
    await page.click('[data-reason="wait"]');
    await phase(page, 'thanks');
    await shot(page, '06-thanks');
    const leader = new HttpClient(s.url);
    await leader.login(DEMO.leader.username, DEMO.leader.pin);
    await expect
      .poll(async () => (await leader.req<{ ratings: unknown[] }>('GET', '/api/ratings')).body.ratings, {
        timeout: 5000,
      })
      .toEqual([
        expect.objectContaining({
          level: 4,
          reason: 'wait',
          ticketLabel: called.body.ticket.label,
          officialName: 'Nguyễn Thị Lan',
          source: 'tablet',
        }),
      ]);
    await phase(page, 'ready');
  });

  it('portrait and English layouts fit without scrolling', async () => {
    const portrait = await tablet.newPage();
    await portrait.setViewportSize(PORTRAIT);
    await portrait.goto(`${s.url}/rate/1`);
    await phase(portrait, 'ready');
    expect(await allButtonsVisible(portrait)).toBe(true);
    await shot(portrait, '07-portrait');
    await page.goto(`${s.url}/rate/1?lang=en`);
    await phase(page, 'ready');
    expect(await page.textContent('[data-level="1"] .label')).toBe('Very satisfied');
    await shot(page, '08-english');
  });

  it('a tablet paired for counter 1 cannot rate counter 2', async () => {
    await page.goto(`${s.url}/rate/2`);
    await phase(page, 'unpaired');
    await page.waitForSelector('.warn');
    await shot(page, '09-other-counter');
  });

  it('a 5-level scale set by the admin shows five buttons that fit', async () => {
    const admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
    const five = RATING_SCALE_PRESETS[5];
    expect(
      (await admin.req('PUT', '/api/ratings/settings', { levels: five.levels, satisfied: five.satisfied }))
        .status,
    ).toBe(200);
    await page.goto(`${s.url}/rate/1`);
    await phase(page, 'ready');
    expect(await page.$$eval('[data-level]', (els) => els.length)).toBe(5);
    expect(await allButtonsVisible(page)).toBe(true);
    await shot(page, '10-five-levels');
  });
});
