import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../core/contracts/admin-rules.js';
import { ManualClock } from '../../core/domain/clock.js';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer, tempDataDir } from '../fakes/test-server.js';

/**
 * Hours, caps and limits as the citizen sees them: the friendly closed screen outside all sessions,
 * closed services with their opening time, a full service, eight services without scrolling on
 * every screen, and the gentle answers to DAILY_CAP_REACHED and RATE_LIMITED.
 */
const OFFICE = DEFAULT_HOURS;
const ALL_DAY = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]]),
);
const EXTRA = [
  ['TP', 'Tư pháp, hòa giải', 'Justice', 'E', '#00838F'],
  ['LD', 'Lao động, việc làm', 'Labour and jobs', 'F', '#AD1457'],
  ['TN', 'Tài nguyên, môi trường', 'Environment', 'G', '#558B2F'],
  ['KD', 'Đăng ký kinh doanh', 'Business registration', 'H', '#4E342E'],
] as const;

type Site = { services: Array<Record<string, unknown>> } & Record<string, unknown>;

function siteFile(edit: (site: Site) => void): string {
  const site = JSON.parse(readFileSync(join(process.cwd(), 'sites', 'demo.json'), 'utf8')) as Site;
  edit(site);
  const file = join(tempDataDir('xephang-site-'), 'site.json');
  writeFileSync(file, JSON.stringify(site));
  return file;
}

const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

describe('kiosk: hours, caps and limits', () => {
  let browser: Browser;
  const servers: TestServer[] = [];
  const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('kiosk', `${name}.png`) });
  async function serve(edit: (site: Site) => void, clock: ManualClock, env: Record<string, string> = {}) {
    const s = await startTestServer({ clock, env: { XEPHANG_SITE: siteFile(edit), ...env } });
    servers.push(s);
    return s;
  }
  async function open(s: TestServer, v: keyof typeof VIEWPORTS, ready = '[data-service]'): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORTS[v], hasTouch: true });
    await page.goto(`${s.url}/kiosk`);
    await page.waitForSelector(ready, { timeout: 10_000 });
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close(true);
  });

  it('shows a friendly closed screen outside all sessions, with when it opens', async () => {
    const clock = new ManualClock(Date.parse('2025-09-15T11:00:00Z')); // Monday 18:00 local
    const s = await serve((site) => {
      for (const svc of site.services) svc.hours = OFFICE;
    }, clock);
    for (const v of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      const page = await open(s, v, '[data-screen="closed"]');
      await page.waitForSelector('text=Hiện đã hết giờ cấp số');
      await page.waitForSelector('text=Mời quý vị quay lại');
      await page.waitForSelector('text=lúc 07:30 ngày mai');
      await page.waitForSelector('text=Đường dây nóng: 0277 3 800 000');
      expect(await page.$('[data-service]')).toBeNull();
      await shot(page, `closed-${v}`);
      await page.close();
    }
  });

  it('fits eight services without scrolling, shows closed and full ones plainly, and says a cap is reached', async () => {
    const clock = new ManualClock(Date.parse('2025-09-15T05:00:00Z')); // Monday 12:00 local, lunch break
    const s = await serve((site) => {
      for (const svc of site.services) svc.hours = svc.code === 'HT' || svc.code === 'CT' ? OFFICE : ALL_DAY;
      const dd = site.services.find((x) => x.code === 'DD')!;
      dd.dailyCap = 2;
      for (const [code, name, nameEn, prefix, color] of EXTRA) {
        site.services.push({
          code,
          name,
          nameEn,
          prefix,
          color,
          dailyCap: 200,
          hours: ALL_DAY,
          active: true,
        });
      }
    }, clock);
    const k = new HttpClient(s.url);
    for (const svc of ['XH', 'XH', 'TP', 'DD']) expect((await k.issue(svc)).status).toBe(201);

    const page = await open(s, 'landscape', '[data-service="DD"]:not([disabled])');
    expect(await page.textContent('[data-service="HT"]')).toContain(
      'Ngoài giờ cấp số — mở lại lúc 13:30 hôm nay',
    );
    expect((await k.issue('DD')).status).toBe(201); // the last number, taken elsewhere meanwhile
    await page.tap('[data-service="DD"]');
    await page.waitForSelector('[data-refusal="cap"]');
    await page.waitForSelector('text=Lĩnh vực này đã hết số hôm nay');
    await page
      .waitForSelector('text=Lĩnh vực Đất đai, xây dựng đã hết số trong ngày hôm nay (2 số).', {
        timeout: 2000,
      })
      .catch(() => page.waitForSelector('[data-refusal="cap"] .message'));
    await shot(page, 'refusal-cap-reached');
    await page.waitForSelector('[data-service="DD"][disabled]', { timeout: 10_000 }); // back by itself, now marked full
    expect(await page.textContent('[data-service="DD"]')).toContain('Đã hết số hôm nay');
    await page.close();

    for (const v of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      const p = await open(s, v, '[data-priority], [data-priority-open]');
      const fit = await p.evaluate(() => ({
        scroll: document.documentElement.scrollHeight - window.innerHeight,
        services: document.querySelectorAll('[data-service]').length,
        minTarget: Math.min(
          ...[...document.querySelectorAll('button')].map((b) => b.getBoundingClientRect().height),
        ),
        offscreen: [...document.querySelectorAll('button')].filter(
          (b) => b.getBoundingClientRect().bottom > innerHeight + 1,
        ).length,
      }));
      await shot(p, `start-8-services-${v}`);
      expect(fit.services).toBe(8);
      expect(fit.scroll).toBe(0);
      expect(fit.offscreen, v).toBe(0);
      expect(fit.minTarget, v).toBeGreaterThanOrEqual(64);
      await p.close();
    }
  });

  it('answers a rate-limited kiosk gently', async () => {
    const clock = new ManualClock(Date.parse('2025-09-15T02:00:00Z'));
    const s = await serve(() => {}, clock, { XEPHANG_ISSUE_RATE_LIMIT: '2' });
    const page = await open(s, 'portrait', '[data-service="HT"]:not([disabled])');
    const k = new HttpClient(s.url);
    await k.issue('HT');
    await k.issue('HT'); // this machine (127.0.0.1) has used its two per minute
    await page.tap('[data-service="HT"]');
    await page.waitForSelector('[data-refusal="busy"]');
    await page.waitForSelector('text=Bạn thao tác quá nhanh. Vui lòng chờ một chút rồi thử lại.');
    await shot(page, 'refusal-rate-limited');
    await page.close();
  });
});
