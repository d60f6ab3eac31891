import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import {
  atDesk,
  DESKTOP,
  loginWithMouse,
  openConsole,
  phaseIs,
  shot,
  statusSays,
  TABLET,
  TABLET_PORTRAIT,
} from './console-helpers.js';

/**
 * Screenshots of every console state at the counter PC's 1366×768 and on tablets (1024×768 landscape,
 * 800×1280 portrait), saved under test-artifacts/console/screens/ for people to look at (copies live in
 * docs/images/console-*.png). A morning at 09:20 with citizens who have waited a while and some ratings.
 */
const MIN = 60_000;

describe('console: screenshots of each state', { timeout: 90_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const clock = new ManualClock(Date.parse('2026-11-23T08:05:00+07:00'));
  const kiosk = () => new HttpClient(s.url);
  const sizes = { desktop: DESKTOP, tablet: TABLET, 'tablet-portrait': TABLET_PORTRAIT } as const;

  /** One state at every size; nothing may scroll sideways. */
  async function capture(name: string, p: Page = page) {
    for (const [size, viewport] of Object.entries(sizes)) {
      await p.setViewportSize(viewport);
      await p.waitForTimeout(120);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${size} scrolls sideways`).toBeLessThanOrEqual(0);
      await shot(p, 'screens', `${name}-${size}`);
    }
    await p.setViewportSize(DESKTOP);
  }

  async function reloadAt(p: Page, want: string) {
    await p.reload();
    await atDesk(p);
    await phaseIs(p, want);
  }

  beforeAll(async () => {
    s = await startTestServer({ clock });
    browser = await launchBrowser();
    const arrivals: Array<[string, string | null, number]> = [
      ['HT', null, 0],
      ['CT', null, 4],
      ['HT', null, 6],
      ['CT', 'elderly', 9],
      ['HT', null, 12],
      ['HT', null, 15],
      ['XH', null, 16],
      ['CT', null, 19],
      ['HT', 'disability', 23],
      ['HT', null, 28],
    ];
    for (const [svc, priority, at] of arrivals) {
      clock.set(Date.parse('2026-11-23T08:05:00+07:00') + at * MIN);
      await kiosk().issue(svc, priority ? { priority } : {});
    }
    clock.set(Date.parse('2026-11-23T09:20:00+07:00'));
    const minh = new HttpClient(s.url);
    await minh.login(DEMO.minh.username, DEMO.minh.pin, 1);
    page = (await openConsole(browser, s.url)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  it('login, occupied counter', async () => {
    await page.waitForSelector('input[name=counter][value="1"]');
    await capture('login');
    await loginWithMouse(page, 'lan', '1111', 1);
    await page.waitForSelector('[data-testid=login-problem]');
    await capture('login-occupied');
  });

  it('idle with a waiting list, called, serving, finished with the rating prompt', async () => {
    await page.click('input[name=counter][value="2"]');
    await page.click('[data-testid=login-submit]');
    await atDesk(page);
    // Earlier this morning: three citizens served, with ratings.
    const lan = new HttpClient(s.url);
    lan.cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    lan.csrf = await page.evaluate(
      async () => (await (await fetch('/api/sessions/current')).json()).csrfToken,
    );
    for (const minutes of [6, 9, 5]) {
      await lan.counter(2, 'call-next');
      await lan.counter(2, 'start');
      clock.advance(minutes * MIN);
      await lan.counter(2, 'finish');
    }
    const lanId = (s.x.db.prepare("SELECT id FROM officials WHERE username = 'lan'").get() as { id: number })
      .id;
    const siteId = (s.x.db.prepare('SELECT id FROM sites').get() as { id: string }).id;
    for (const level of [1, 1, 2, 3]) {
      s.x.db
        .prepare(
          `INSERT INTO ratings (site_id, at, level, scale_size, counter, official_id, source, device_id) VALUES (?, ?, ?, 4, 2, ?, 'box', 'b2')`,
        )
        .run(siteId, clock.now(), level, lanId);
    }
    await page.reload();
    await atDesk(page);
    await page.waitForSelector('[data-testid=served]:has-text("3")');
    await capture('idle');

    await page.click('[data-action=callNext]');
    await phaseIs(page, 'called');
    clock.advance(38_000); // the timers run on the server's clock: let some time pass, then reload
    await reloadAt(page, 'called');
    await capture('called');
    await page.click('[data-action=start]');
    await phaseIs(page, 'serving');
    clock.advance(6 * MIN + 42_000);
    await reloadAt(page, 'serving');
    await page.fill('[data-testid=dossier]', '000.00.16.H56-251123-0042');
    await capture('serving');
    await page.click('[data-action=finish]');
    await page.waitForSelector('[data-testid=rate-prompt]');
    await capture('finished');
  });

  it('transfer dialog, a no-show in the list, pause dialog, paused, an error', async () => {
    await page.click('[data-action=callNext]');
    await phaseIs(page, 'called');
    await page.click('[data-action=transfer]');
    await page.selectOption('[data-testid=transfer-dialog] select', 'counter:1');
    await page.fill('[data-testid=transfer-dialog] input[name=reason]', 'Cần cán bộ chứng thực bản sao');
    await capture('transfer-dialog');
    await page.keyboard.press('Escape');
    await page.click('[data-action=noShow]');
    await statusSays(page, 'vắng mặt');
    await capture('no-show');
    await page.click('[data-action=pause]');
    await page.click('label:has(#pause-meeting)');
    await capture('pause-dialog');
    await page.click('[data-testid=pause-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=paused]');
    clock.advance(12 * MIN);
    await page.reload();
    await atDesk(page);
    await capture('paused');
    await page.click('[data-action=resume]');
    await phaseIs(page, 'idle');
    await page.click('[data-action=callNext]');
    await phaseIs(page, 'called');
    await page.keyboard.press('F1');
    await statusSays(page, 'Quầy đang phục vụ số');
    await capture('blocked-key');
  });

  it('a transferred ticket at the receiving counter, offline badge, English, leader home', async () => {
    const minhPage = (await openConsole(browser, s.url)).page;
    await loginWithMouse(minhPage, 'minh', '2222', 1);
    await atDesk(minhPage);
    await page.click('[data-action=transfer]');
    await page.selectOption('[data-testid=transfer-dialog] select', 'counter:1');
    await page.fill('[data-testid=transfer-dialog] input[name=reason]', 'Cần cán bộ chứng thực bản sao');
    await page.keyboard.press('Enter');
    await statusSays(page, 'Đã chuyển');
    await minhPage.click('[data-action=callNext]');
    await phaseIs(minhPage, 'called');
    await capture('transferred-in', minhPage);

    const { dataDir, port } = s;
    await s.close();
    await page.waitForSelector('[data-testid=connection]:has-text("Mất kết nối")', { timeout: 15_000 });
    await capture('offline');
    s = await startTestServer({ dataDir, port, clock });
    await page.waitForSelector('[data-testid=connection]:has-text("Đã kết nối")', { timeout: 15_000 });

    await page.click('text=English');
    await page.waitForSelector('[data-action=callNext]:has-text("Call next")');
    await capture('english');
    await page.click('text=Tiếng Việt');

    const leader = (await openConsole(browser, s.url)).page;
    await loginWithMouse(leader, DEMO.leader.username, DEMO.leader.pin, null);
    await leader.waitForSelector('[data-testid=home]');
    await capture('leader-home', leader);
  });
});
