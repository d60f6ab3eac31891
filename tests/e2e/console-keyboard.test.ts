import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyToday } from '../../core/contracts/console.js';
import { launchBrowser } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { atDesk, currentLabel, openConsole, phaseIs, shot, statusSays, tabTo } from './console-helpers.js';

/**
 * A simulated morning worked from the keyboard alone: no click, no mouse, no touch. Citizens arrive
 * at the kiosk while Lan logs in, calls, recalls, starts, types dossier codes, finishes, marks a
 * no-show and returns it, transfers with a reason, calls a specific number, takes a break, serves
 * the rest until nobody waits, and logs out. Pointer events in the page are counted: none allowed.
 */
describe('console: a morning from the keyboard alone', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const kiosk = () => new HttpClient(s.url);
  const key = (k: string) => page.keyboard.press(k);
  const focused = () =>
    page.evaluate(
      () => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.tagName,
    );
  let keys = 0;
  const press = async (...ks: string[]) => {
    for (const k of ks) {
      keys += 1;
      await key(k);
    }
  };
  const type = async (text: string) => {
    keys += text.length;
    await page.keyboard.type(text);
  };

  beforeAll(async () => {
    s = await startTestServer();
    browser = await launchBrowser();
    for (const svc of ['HT', 'CT', 'HT', 'HT']) expect((await kiosk().issue(svc)).status).toBe(201);
    page = (await openConsole(browser, s.url)).page;
    await page.evaluate(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const ev of ['pointerdown', 'mousedown', 'touchstart', 'wheel']) {
        window.addEventListener(ev, () => (w.pointerEvents += 1), true);
      }
    });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  // A long scenario: on a loaded CI machine it can take several times its usual ~6 s.
  it('serves a whole morning without touching the mouse', { timeout: 120_000 }, async () => {
    const t0 = Date.now();
    // Log in: username (focused), Tab, PIN, Tab into the counter list, ↓ to counter 2, Tab to the button, Enter.
    await page.waitForSelector('input[name=username]:focus', { timeout: 10_000 });
    await type('lan');
    await press('Tab');
    await type('1111');
    await press('Tab');
    await tabTo(page, 'input[name=counter]');
    await press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('2');
    await press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'login-submit',
    );
    await press('Enter');
    await atDesk(page);

    // Citizen 1: Space calls (nothing focused), Enter starts (focus moved to "Bắt đầu"), Alt+M dossier, F4 finishes.
    await press('Space');
    await phaseIs(page, 'called');
    expect(await focused()).toBe('start');
    await press('Enter');
    await phaseIs(page, 'serving');
    expect(await focused()).toBe('finish');
    await press('Alt+M');
    await type('HS-001');
    await press('F4');
    await page.waitForSelector('[data-testid=rate-prompt]');
    await shot(page, 'keyboard', 'after-finish');

    // Citizen 2 does not come: Enter calls (focus is on "Gọi số tiếp theo"), F2 calls again, F6 no-show.
    expect(await focused()).toBe('callNext');
    await press('Enter');
    await phaseIs(page, 'called');
    const absent = (await currentLabel(page))!;
    await press('F2');
    await statusSays(page, `Đã gọi lại số ${absent}`);
    await press('F6');
    await page.waitForSelector(`[data-testid=no-shows] li[data-label="${absent}"]`);

    // Citizen 3 needs another field: F1, F7, ↓ picks the first service, Tab, reason, Enter.
    await press('F1');
    await phaseIs(page, 'called');
    const moved = (await currentLabel(page))!;
    await press('F7');
    await page.waitForSelector('[data-testid=transfer-dialog] select:focus');
    await press('ArrowDown', 'Tab');
    await type('Hồ sơ thuộc lĩnh vực khác');
    await press('Enter');
    expect(await statusSays(page, 'Đã chuyển')).toContain(moved);
    await phaseIs(page, 'idle');

    // More citizens arrive; F8 goes to the waiting list, ↓ picks the second one, Enter calls it.
    for (const svc of ['HT', 'CT', 'HT']) await kiosk().issue(svc);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=waiting] li').length >= 4,
      null,
      { timeout: 5000 },
    );
    const second = await page.getAttribute('[data-testid=waiting] li:nth-child(2)', 'data-label');
    await press('F8', 'ArrowDown', 'Enter');
    await phaseIs(page, 'called');
    expect(await currentLabel(page)).toBe(second);
    await press('Enter');
    await phaseIs(page, 'serving');
    await press('F4');
    await page.waitForSelector('[data-testid=rate-prompt]');

    // The absent citizen is back: Tab to "Gọi lại vào hàng", Enter.
    await tabTo(page, `[data-return="${absent}"]`);
    await press('Enter');
    await statusSays(page, `Số ${absent} đã được đưa lại vào hàng chờ.`);

    // A break: F9, 1 (Nghỉ giải lao), Enter; back with F9.
    await press('F9');
    await page.waitForSelector('[data-testid=pause-dialog]');
    await press('1', 'Enter');
    await page.waitForSelector('[data-testid=paused]:has-text("Nghỉ giải lao")');
    await press('F1');
    await statusSays(page, 'Quầy đang tạm nghỉ');
    await press('F9');
    await phaseIs(page, 'idle');

    // The rest of the morning: F1, F3, F4 until the server says nobody waits.
    let served = 2;
    for (let i = 0; i < 20; i++) {
      await press('F1');
      const outcome = await Promise.race([
        phaseIs(page, 'called').then(() => 'called'),
        statusSays(page, 'Chưa có công dân chờ').then(() => 'empty'),
      ]);
      if (outcome === 'empty') break;
      await press('F3');
      await phaseIs(page, 'serving');
      await press('F4');
      await page.waitForSelector('[data-testid=rate-prompt]');
      served += 1;
    }
    await page.waitForSelector(`[data-testid=served]:has-text("${served}")`);
    expect(served).toBe(7);

    // Log out from the keyboard.
    await tabTo(page, '[data-testid=logout]', true);
    await press('Enter');
    await page.waitForSelector('[data-testid=login-problem]:has-text("Đã đăng xuất")');

    expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    const lan = new HttpClient(s.url);
    await lan.login('lan', '1111', 2);
    const today = (await lan.req<MyToday>('GET', '/api/me/today')).body;
    expect(today).toMatchObject({ served: 7, noShows: 1 });
    console.info(
      `keyboard morning: ${served} citizens served, 1 no-show, 1 transfer, ${keys} key presses, ${Date.now() - t0} ms`,
    );
  });
});
