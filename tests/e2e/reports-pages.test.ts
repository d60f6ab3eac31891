import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { hashPinSync } from '../../server/auth/pin-hash.js';
import { openDatabase } from '../../server/db/open.js';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer, tempDataDir } from '../fakes/test-server.js';
import { seedYear } from '../fixtures/reports/year-seed.js';
import { SATURDAY_COUNTERS } from '../fixtures/reports/year-site.js';
import { loginWithMouse } from './console-helpers.js';

/**
 * The leader's reports and live dashboard in Chromium, on a 12-counter centre with four months of
 * history (August to yesterday, 55,000 tickets) and a busy Thursday morning, 26 November 2026 (after
 * the machine's real date, so the browser keeps the session cookie). Screenshots in test-artifacts/reports/.
 */
const at = (hhmm: string) => Date.parse(`2026-11-26T${hhmm}:00+07:00`);
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: artifactPath('reports', `${name}.png`), fullPage });

describe('reports and dashboard pages', { timeout: 120_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const clock = new ManualClock(at('07:30'));

  async function liveMorning(): Promise<void> {
    const c = Object.fromEntries(
      ['cb01', 'cb02', 'cb10', 'cb16', 'kiosk'].map((u) => [u, new HttpClient(s.url)]),
    );
    const step = async (hhmm: string, fn: () => Promise<unknown>) => {
      clock.set(at(hhmm));
      await fn();
    };
    for (const [u, n] of [
      ['cb01', 1],
      ['cb02', 2],
      ['cb10', 10],
      ['cb16', 16],
    ] as const) {
      await step('07:30', () => c[u]!.login(u, '1111', n));
    }
    const issue = (hhmm: string, service: string) => step(hhmm, () => c.kiosk!.issue(service));
    for (const [hhmm, svc] of [
      ['07:50', 'HT'],
      ['07:55', 'CT'],
      ['08:05', 'DD'],
      ['08:10', 'DD'],
      ['08:20', 'HT'],
    ] as const) {
      await issue(hhmm, svc);
    }
    await step('08:00', () => c.cb01!.counter(1, 'call-next'));
    await step('08:12', () => c.cb01!.counter(1, 'finish'));
    for (const [hhmm, svc] of [
      ['08:40', 'HT'],
      ['08:55', 'XH'],
      ['09:05', 'DD'],
      ['09:10', 'HT'],
      ['09:20', 'CT'],
      ['09:30', 'HT'],
    ] as const) {
      await issue(hhmm, svc);
    }
    await step('09:15', () => c.cb10!.counter(10, 'pause', { reason: 'Họp' }));
    await step('09:25', () => c.cb01!.counter(1, 'call-next'));
    await step('09:26', () => c.cb01!.counter(1, 'start'));
    await step('09:35', () => c.cb02!.counter(2, 'call-next'));
    clock.set(at('09:40'));
    s.x.bus.emit('deviceStatus', {
      id: 'printer',
      kind: 'printer',
      name: 'Máy in phiếu',
      state: 'paperOut',
      since: new Date(clock.now()).toISOString(),
    });
  }

  beforeAll(async () => {
    const dataDir = tempDataDir('xephang-reports-e2e-');
    const db = openDatabase(dataDir);
    seedYear(db, {
      tickets: 55_000,
      year: 2026,
      from: '2026-08-01',
      until: '2026-11-26',
      counters: SATURDAY_COUNTERS,
    });
    db.prepare("UPDATE officials SET pin_hash = ? WHERE username IN ('cb01', 'cb02', 'cb10', 'cb16')").run(
      hashPinSync('1111'),
    );
    db.prepare("UPDATE officials SET pin_hash = ? WHERE username = 'chutich'").run(hashPinSync('5555'));
    db.close();
    s = await startTestServer({ dataDir, clock });
    await liveMorning();
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${s.url}/console`);
    await loginWithMouse(page, 'chutich', '5555', null);
    await page.waitForSelector('header.topbar nav', { timeout: 15_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  const table = () => page.locator('[data-testid=report-table]');
  const loaded = () => page.waitForSelector('[data-testid=report-table]:not(.x)', { timeout: 20_000 });

  it('shows this year by official with charts, definitions and the printed header', async () => {
    await page.goto(`${s.url}/console/reports`);
    await loaded();
    await page.click('[data-testid=preset-year]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=period-label]')?.textContent?.includes('Năm 2026'),
    );
    await page.waitForSelector('[data-testid=charts] svg rect', { timeout: 10_000 });
    expect(await table().locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    expect(await page.textContent('[data-testid=definitions]')).toContain(
      'Từ lúc lấy số đến lần gọi đầu tiên',
    );
    await shot(page, 'reports-this-year');
  });

  it('answers in two clicks who kept citizens waiting longest last quarter, and who was rated best', async () => {
    await page.click('[data-testid=preset-lastQuarter]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=period-label]')?.textContent?.includes('Quý III/2026'),
    );
    await page.click('[data-testid=sort-waitAvg]');
    const waits = await table().locator('tbody td[data-col=waitAvg]').allTextContents();
    const asNumbers = waits.map((w) => Number(w.replace(',', '.')));
    expect(asNumbers).toEqual([...asNumbers].sort((a, b) => b - a));
    await shot(page, 'reports-last-quarter-longest-wait', false);
    await page.click('[data-testid=sort-satisfaction]');
    await shot(page, 'reports-last-quarter-best-rated', false);
  });

  it('groups by hour and by service, and prints on A4 landscape', async () => {
    await page.click('[data-testid=group-hour]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=report-table] th.name')?.textContent === 'Giờ',
    );
    await shot(page, 'reports-by-hour');
    await page.click('[data-testid=group-service]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=report-table] th.name')?.textContent === 'Lĩnh vực',
    );
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await shot(page, 'reports-print-preview');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.pdf({
      path: artifactPath('reports', 'reports-print.pdf'),
      landscape: true,
      format: 'A4',
      printBackground: true,
    });
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads the Excel file of the period', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-xlsx]'),
    ]);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-07-01_2026-09-30.xlsx');
  });

  it('shows the live dashboard with alerts and every counter', async () => {
    await page.goto(`${s.url}/console/dashboard`);
    await page.waitForSelector('[data-testid=alerts] li', { timeout: 15_000 });
    const alerts = await page.textContent('[data-testid=alerts]');
    expect(alerts).toContain('Đất đai, xây dựng: có công dân đã chờ 95 phút');
    expect(alerts).toContain('Máy in phiếu: hết giấy');
    expect(await page.textContent('[data-testid=counter-1]')).toContain('Đang phục vụ');
    expect(await page.textContent('[data-testid=counter-10]')).toContain('Tạm nghỉ: Họp');
    await shot(page, 'dashboard');
  });
});
