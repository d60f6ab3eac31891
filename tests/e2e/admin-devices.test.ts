import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../fakes/browser.js';
import { FakePrinter } from '../fakes/fake-printer.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { type PtyPair, startPtyPair } from '../fakes/pty.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { change, DESKTOP, openSection, saved, shot } from './admin-helpers.js';

/**
 * The devices section against real parts: a fake thermal printer on TCP (set through the page,
 * test ticket decoded from its ESC/POS bytes) and a rating box on a real pty (added through the
 * page; live state; the key pressed shows up). Paired devices: create a code, pair, revoke.
 * Day operations: find, reprint, cancel with a reason, end the day.
 */
describe('admin: devices and day operations, in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let printer: FakePrinter;
  let box: PtyPair;
  const errors: string[] = [];

  beforeAll(async () => {
    printer = await FakePrinter.start();
    box = await startPtyPair();
    s = await startTestServer();
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.url}/console`);
    await page.waitForSelector('[data-testid=login-form]');
    await page.fill('input[name=username]', DEMO.admin.username);
    await page.fill('input[name=pin]', DEMO.admin.pin);
    await page.click('input[name=counter][value=""]');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=home]');
    await page.goto(`${s.url}/console/admin#devices`);
    await page.waitForSelector('[data-testid=printer-form]', { timeout: 10_000 });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
    await box?.close();
    await printer?.close();
  });

  it('points the printer at a (fake) network printer and prints a test ticket', async () => {
    await page.fill('[data-testid=printer-form] input[name=uri]', printer.uri);
    await saved(page, () => page.click('[data-testid=printer-form] button.primary'));
    const before = printer.jobs.length;
    const text = await saved(page, () => page.click('[data-testid=print-test]'));
    expect(text).toContain('Đã in phiếu thử');
    expect(printer.jobs.length).toBe(before + 1);
    writeFileSync(artifactPath('admin', 'devices-test-ticket.png'), printer.jobs.at(-1)!.png);
    await page.waitForSelector('[data-testid=printer-state]:has-text("Sẵn sàng")', { timeout: 10_000 });
    await shot(page, 'devices-01-printer');
  });

  it('adds a rating box on a pty; it connects and the key pressed shows up', async () => {
    await page.click('button:has-text("Thêm hộp đánh giá")');
    const form = '[data-testid=serial-devices] form';
    await page.fill(`${form} label:has-text("Tên thiết bị") input`, 'Hộp đánh giá quầy 1');
    await page.fill(`${form} label:has-text("Cổng nối tiếp") input`, box.devicePath);
    await saved(page, () => page.click(`${form} button.primary`));
    const row = '[data-testid=device-box-1]';
    await page.waitForSelector(`${row} >> text=Đã kết nối`, { timeout: 10_000 });
    await box.write('K2\r\n');
    await page.waitForSelector('[data-testid=last-key-box-1]:has-text("Mức 2")', { timeout: 10_000 });
    await shot(page, 'devices-02-rating-box');
  });

  it('makes a pairing code, a tablet pairs with it, the admin revokes it', async () => {
    await saved(page, () => page.click('[data-testid=create-code]'));
    const code = ((await page.textContent('[data-testid=pairing-code]')) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    const tablet = new HttpClient(s.url);
    expect((await tablet.req('POST', '/api/pair', { code, name: 'Máy tính bảng quầy 1' })).status).toBe(201);
    await openSection(page, 'day');
    await openSection(page, 'devices');
    await page.waitForSelector('[data-testid=paired-devices] >> text=Máy tính bảng quầy 1');
    await shot(page, 'devices-03-paired');
    await page.click('[data-testid=paired-devices] button:has-text("Thu hồi")');
    await page.waitForSelector('[data-testid=confirm-dialog]');
    await shot(page, 'devices-04-confirm-revoke');
    await change(page, () => page.click('[data-testid=confirm-yes]'));
    await page.waitForSelector('[data-testid=paired-devices] >> text=Đã thu hồi');
    expect(
      (await tablet.req<{ code: string }>('POST', '/api/ratings', { counter: 1, level: 1 })).body.code,
    ).toBe('DEVICE_NOT_ALLOWED');
  });

  it('day operations: find a ticket, reprint it, cancel another with a reason, end the day', async () => {
    const kiosk = new HttpClient(s.url);
    const a = (await kiosk.issue('HT')).body;
    const b = (await kiosk.issue('HT')).body;
    await kiosk.issue('CT');
    await openSection(page, 'day');
    await page.fill('[data-testid=section-day] input.q', a.label);
    await page.click('[data-testid=section-day] button:has-text("Tìm")');
    await page.waitForSelector(`[data-testid=section-day] strong.label:has-text("${a.label}")`);
    const jobs = printer.jobs.length;
    await saved(page, () => page.click('[data-testid=section-day] button:has-text("In lại")'));
    await expect.poll(() => printer.jobs.length, { timeout: 5000 }).toBeGreaterThan(jobs);
    await page.fill('[data-testid=section-day] input.q', b.label);
    await page.click('[data-testid=section-day] button:has-text("Tìm")');
    await page.waitForSelector(`[data-testid=section-day] strong.label:has-text("${b.label}")`);
    await page.click('[data-testid=section-day] button:has-text("Hủy phiếu")');
    await page.waitForSelector('[data-testid=cancel-dialog]');
    await shot(page, 'day-01-cancel-reason');
    await page.fill('[data-testid=cancel-dialog] input', 'Công dân đã về');
    await saved(page, () => page.click('[data-testid=cancel-dialog] button.danger'));
    await page.click('[data-testid=end-day]');
    await page.waitForSelector('[data-testid=confirm-dialog]');
    await shot(page, 'day-02-confirm-end');
    const text = await saved(page, () => page.click('[data-testid=confirm-yes]'));
    expect(text).toMatch(/Đã kết thúc ngày: hủy \d+ phiếu/);
    await page.waitForSelector('[data-testid=day-status] >> text=Đã dừng cấp số hôm nay');
    await shot(page, 'day-03-ended');
    expect((await kiosk.issue('HT')).body.code).toBe('SERVICE_CLOSED');
    expect(errors).toEqual([]);
  });
});
