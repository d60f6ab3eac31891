import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * The citizen's status page /t/<token> on a phone: a ticket taken at the kiosk, followed live
 * (no reload) while an official calls, serves and finishes it through the API.
 */
describe('status page in Chromium', () => {
  const clock = new ManualClock(Date.parse('2025-09-15T02:00:00Z')); // Monday 09:00 local
  let s: TestServer;
  let browser: Browser;
  let minh: HttpClient;
  const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('kiosk', `${name}.png`) });
  const phone = () =>
    browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  beforeAll(async () => {
    s = await startTestServer({ clock });
    browser = await launchBrowser();
    // a served visit of 7 minutes at counter 1, so the estimate has something to learn from
    const k = new HttpClient(s.url);
    const lan = new HttpClient(s.url);
    await lan.login(DEMO.lan.username, DEMO.lan.pin, 1);
    await k.issue('HT');
    await lan.counter(1, 'call-next');
    clock.advance(7 * 60_000);
    await lan.counter(1, 'finish');
    minh = new HttpClient(s.url);
    expect((await minh.login(DEMO.minh.username, DEMO.minh.pin, 2)).status).toBe(201);
    await k.issue('HT');
    await k.issue('HT');
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  async function takeAtKiosk(): Promise<{ label: string; statusUrl: string }> {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${s.url}/kiosk`);
    await kiosk.waitForSelector('[data-service="HT"]:not([disabled])', { timeout: 10_000 });
    const [res] = await Promise.all([
      kiosk.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST'),
      kiosk.click('[data-service="HT"]'),
    ]);
    const issued = (await res.json()) as { label: string; statusUrl: string };
    await kiosk.waitForSelector('text=Thời gian chờ dự kiến: khoảng 7 phút', { timeout: 5000 });
    await kiosk.screenshot({ path: artifactPath('kiosk', 'confirmation-with-estimate.png') });
    await kiosk.close();
    return issued;
  }

  it('shows waiting, then "called to counter 2" without a reload, then serving and done', async () => {
    const { label, statusUrl } = await takeAtKiosk();
    const token = new URL(statusUrl).pathname.split('/').pop()!;
    const page = await phone();
    await page.goto(`${s.url}/t/${token}`);
    expect(await page.waitForSelector('[data-testid="status-number"]').then((e) => e.textContent())).toBe(
      label,
    );
    await page.waitForSelector('text=Có 2 người chờ trước bạn');
    await page.waitForSelector('text=Thời gian chờ dự kiến: khoảng 7 phút'); // 2 ahead × 7 min ÷ 2 open counters
    await page.waitForSelector('text=Trang tự cập nhật — không cần tải lại');
    await shot(page, 'status-waiting');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    expect((await minh.counter(2, 'call', { ticket: label })).status).toBe(200);
    await page.waitForSelector('[data-status="called"] >> text=Quầy 2', { timeout: 5000 });
    await page.waitForSelector('text=Mời bạn đến');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await page.title()).toBe(`Mời số ${label} đến quầy 2`);
    await page.waitForTimeout(4200); // let the highlight's flashing settle for the picture
    await shot(page, 'status-called');

    expect((await minh.counter(2, 'start')).status).toBe(200);
    await page.waitForSelector('text=Đang được phục vụ tại quầy 2', { timeout: 5000 });
    await shot(page, 'status-serving');
    expect((await minh.counter(2, 'finish')).status).toBe(200);
    await page.waitForSelector('text=Đã phục vụ xong. Cảm ơn bạn!', { timeout: 5000 });
    await shot(page, 'status-finished');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await page.close();
  });

  it('switches to English and says so plainly for an unknown ticket', async () => {
    const k = new HttpClient(s.url);
    const t = (await k.issue('CT')).body;
    const page = await phone();
    await page.goto(new URL(t.statusUrl).pathname.replace(/^/, s.url));
    await page.waitForSelector('text=Bạn là người tiếp theo');
    await page.tap('text=English');
    await page.waitForSelector('text=You are next');
    await shot(page, 'status-waiting-english');
    await page.goto(`${s.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.waitForSelector('text=This ticket was not found. Please check the code on your ticket.');
    await page.tap('text=Tiếng Việt');
    await page.waitForSelector('text=Không tìm thấy phiếu này. Vui lòng kiểm tra lại mã trên phiếu.');
    await shot(page, 'status-unknown');
    await page.close();
  });
});
