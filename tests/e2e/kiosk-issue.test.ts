import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../core/contracts/queue.js';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * The kiosk in headless Chromium against a real server: start screens on a portrait and a
 * landscape kiosk and a phone, one touch → a real ticket with its number very large, priority,
 * double taps, and the printer-failed confirmation (the print field stubbed in the page).
 */
const VIEWPORTS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

describe('kiosk: issuing in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  const api = () => new HttpClient(s.url);
  const waiting = async (service: string) =>
    (await api().req<QueueSnapshot>('GET', '/api/queue')).body.services.find((x) => x.code === service)!
      .waiting;

  async function open(viewport: keyof typeof VIEWPORTS): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORTS[viewport], hasTouch: true });
    await page.goto(`${s.url}/kiosk`);
    await page.waitForSelector('[data-service="HT"]:not([disabled])', { timeout: 10_000 });
    await page.waitForSelector('[data-priority], [data-priority-open]', { timeout: 10_000 });
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('kiosk', `${name}.png`) });
  const number = (page: Page) =>
    page.waitForSelector('[data-testid="ticket-number"]', { timeout: 10_000 }).then((e) => e.textContent());
  /** Touch the confirmation once the double-tap guard is over; the start screen comes back. */
  async function backToStart(page: Page) {
    await page.waitForTimeout(1600);
    await page.click('[data-testid="ticket-number"]');
    await page.waitForSelector('[data-service="HT"]:not([disabled])', { timeout: 5000 });
  }

  beforeAll(async () => {
    s = await startTestServer();
    browser = await launchBrowser();
    const k = api();
    for (const svc of ['HT', 'HT', 'HT', 'DD', 'XH']) expect((await k.issue(svc)).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  it('draws the start screen on a portrait kiosk, a landscape kiosk and a phone without scrolling', async () => {
    for (const v of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      const page = await open(v);
      expect(await page.textContent('[data-service="HT"]')).toContain('3 người đang chờ');
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollHeight - window.innerHeight,
        small: [...document.querySelectorAll('button')].filter((b) => {
          const r = b.getBoundingClientRect();
          return r.height < 64 || r.bottom > window.innerHeight + 1;
        }).length,
      }));
      expect(fit).toEqual({ scroll: 0, small: 0 });
      await shot(page, `start-${v}`);
      await page.close();
    }
  });

  it('one touch issues a ticket, shows its number very large, and returns to the start on a touch', async () => {
    const page = await open('portrait');
    const before = await waiting('HT');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST'),
      page.tap('[data-service="HT"]'),
    ]);
    const issued = (await res.json()) as { id: number; label: string };
    expect(await number(page)).toBe(issued.label);
    expect(await waiting('HT')).toBe(before + 1);
    const size = await page.$eval('[data-testid="ticket-number"]', (e) =>
      Number.parseFloat(getComputedStyle(e).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(300);
    await page.waitForSelector('text=Vui lòng giữ phiếu và chờ gọi số');
    await shot(page, 'confirmation-portrait');

    const lan = api();
    expect((await lan.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
    const called = await lan.counter(1, 'call', { ticket: issued.label });
    expect(called.status).toBe(200);
    expect(called.body.ticket.id).toBe(issued.id);
    expect((await lan.counter(1, 'finish')).status).toBe(200);

    await backToStart(page);
    await page.close();
  });

  it('a double tap gives one ticket', async () => {
    const page = await open('landscape');
    const before = await waiting('CT');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) posts++;
    });
    await page.dblclick('[data-service="CT"]');
    await number(page);
    await page.click('[data-testid="ticket-number"]'); // the tail of a double tap on the confirmation: ignored
    await page.waitForTimeout(500);
    expect(await page.$('[data-testid="ticket-number"]')).not.toBeNull();
    expect(posts).toBe(1);
    expect(await waiting('CT')).toBe(before + 1);
    await shot(page, 'confirmation-landscape');
    await page.close();
  });

  it('issues a priority ticket when a category is chosen on the same first screen', async () => {
    const page = await open('portrait');
    await page.tap('[data-priority="elderly"]');
    await page.waitForSelector('text=Đã chọn ưu tiên: Người cao tuổi (từ 75 tuổi). Bây giờ chọn lĩnh vực.');
    await shot(page, 'start-priority-chosen');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST'),
      page.tap('[data-service="XH"]'),
    ]);
    const issued = (await res.json()) as { id: number; priority: string | null };
    expect(issued.priority).toBe('elderly');
    await number(page);
    await page.waitForSelector('text=★ Ưu tiên: Người cao tuổi (từ 75 tuổi)');
    const leader = api();
    expect((await leader.login(DEMO.leader.username, DEMO.leader.pin)).status).toBe(201);
    const seen = await leader.req<{ ticket: { priority: string } }>('GET', `/api/tickets/${issued.id}`);
    expect(seen.body.ticket.priority).toBe('elderly');
    await backToStart(page);
    expect(await page.$('[data-priority="elderly"][aria-pressed="true"]')).toBeNull();
    await page.close();
  });

  it.each([
    ['printed', { state: 'printed' }],
    ['printer-failed', { state: 'failed', reason: 'paperOut' }],
  ] as const)('shows the %s confirmation', async (name, print) => {
    for (const v of ['portrait', 'landscape', 'phone'] as const) {
      const page = await open(v);
      await page.route('**/api/tickets', async (route) => {
        const real = await route.fetch();
        route.fulfill({ response: real, json: { ...(await real.json()), print } });
      });
      await page.tap('[data-service="HT"]');
      const label = await number(page);
      if (print.state === 'failed') {
        await page.waitForSelector(`text=Máy in hết giấy — vui lòng ghi nhớ số ${label} hoặc báo cán bộ`);
        await page.waitForSelector('text=Vui lòng ghi nhớ số và chờ gọi số');
        await page.waitForSelector('svg[role="img"]'); // the status page QR, since no paper came out
        const fits = await page.evaluate(() => {
          const box = document.querySelector('.confirm')!;
          return [...box.querySelectorAll('span, svg')].every((e) => {
            const r = e.getBoundingClientRect();
            return r.top >= box.getBoundingClientRect().top - 1 && r.bottom <= innerHeight + 1;
          });
        });
        expect(fits, v).toBe(true);
      } else {
        await page.waitForSelector('text=Phiếu đã in — mời nhận phiếu');
      }
      await shot(page, `confirmation-${name}-${v}`);
      await page.close();
    }
  });

  it('switches to English on the first screen', async () => {
    const page = await open('landscape');
    await page.tap('text=English');
    await page.waitForSelector('text=Choose a service to take a number');
    expect(await page.textContent('[data-service="HT"]')).toContain('Civil status');
    await shot(page, 'start-english');
    await page.close();
  });
});
