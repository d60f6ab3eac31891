import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/domain/clock.js';
import { launchBrowser } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { DESKTOP, openSection, saved, shot } from './admin-helpers.js';
import { atDesk, loginWithMouse } from './console-helpers.js';

/**
 * A new administrator sets up a 6-counter centre from an empty production database, in the browser
 * alone: first-start setup (setup code from setup-code.txt), centre, a service with prefix D,
 * counters serving it, an official. The kiosk shows D at once (no restart), the official logs in at
 * the new counter and calls a D ticket, and the change log shows every step.
 */
describe('admin: first start of a production centre, in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  let admin: Page;
  let kiosk: Page;
  const errors: string[] = [];
  // Monday 09:00 in Vietnam: inside the default issuing hours
  const clock = new ManualClock(Date.parse('2026-11-23T09:00:00+07:00'));

  beforeAll(async () => {
    s = await startTestServer({
      clock,
      env: { XEPHANG_MODE: 'production', XEPHANG_SITE: join(import.meta.dirname, '../../sites/blank.json') },
    });
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    admin = await ctx.newPage();
    admin.on('pageerror', (e) => errors.push(e.message));
    const kctx = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
    kiosk = await kctx.newPage();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  it('forces creating the administrator first (no default account)', async () => {
    expect((await new HttpClient(s.url).login('admin', '9999')).status).toBe(401);
    await admin.goto(`${s.url}/console`);
    await admin.waitForSelector('[data-testid=setup-form]', { timeout: 10_000 });
    await shot(admin, '01-setup');
    await admin.fill('input[name=setupCode]', '00000000');
    await admin.fill('input[name=username]', 'quantri');
    await admin.fill('input[name=displayName]', 'Nguyễn Văn Quản');
    await admin.fill('input[name=password]', 'Mat-khau-2026');
    await admin.fill('input[name=password2]', 'Mat-khau-2026');
    await admin.click('[data-testid=setup-submit]');
    const problem = await admin.waitForSelector('[data-testid=setup-problem]');
    expect(await problem.textContent()).toContain('Mã thiết lập không đúng');
    const code = readFileSync(join(s.dataDir, 'setup-code.txt'), 'utf8').trim();
    await admin.fill('input[name=setupCode]', code);
    await admin.click('[data-testid=setup-submit]');
    await admin.waitForURL(/\/console\/admin/, { timeout: 10_000 });
    await admin.waitForSelector('[data-testid=section-centre]', { timeout: 10_000 });
  });

  it('fills in the centre', async () => {
    await admin.fill('input[name=province]', 'Tỉnh Đồng Tháp');
    await admin.fill('input[name=commune]', 'Ủy ban nhân dân xã Mỹ An');
    await admin.fill('input[name=name]', 'Trung tâm Phục vụ hành chính công xã Mỹ An');
    await admin.fill('input[name=address]', 'Ấp Mỹ Thới, xã Mỹ An, tỉnh Đồng Tháp');
    await admin.fill('input[name=hotline]', '0277 3 861 234');
    expect(await saved(admin, () => admin.click('[data-testid=centre-form] button.primary'))).toContain(
      'Đã lưu',
    );
    await shot(admin, '02-centre');
  });

  it('adds service D while a kiosk is open, and the kiosk shows it without a restart', async () => {
    await kiosk.goto(`${s.url}/kiosk`);
    await kiosk.waitForSelector('[data-service="CHUNG"]', { timeout: 10_000 });
    expect(await kiosk.$('[data-service="DD"]')).toBeNull();
    await openSection(admin, 'services');
    await admin.click('[data-testid=service-add]');
    await admin.fill('[data-testid=service-form] input[name=code]', 'DD');
    await admin.fill('[data-testid=service-form] input[name=prefix]', 'A');
    await admin.fill('[data-testid=service-form] input[name=name]', 'Đất đai');
    await admin.fill('[data-testid=service-form] input[name=nameEn]', 'Land');
    await admin.fill('[data-testid=service-form] input[name=dailyCap]', '120');
    await shot(admin, '03-service-form');
    const taken = await saved(admin, () => admin.click('[data-testid=service-save]')).catch(
      (e: Error) => e.message,
    );
    expect(taken).toContain('Chữ cái "A" đã dùng cho lĩnh vực "CHUNG"');
    await shot(admin, '04-service-refused');
    await admin.fill('[data-testid=service-form] input[name=prefix]', 'D');
    await saved(admin, () => admin.click('[data-testid=service-save]'));
    await admin.waitForSelector('[data-testid=services-table] >> text=Đất đai');
    await shot(admin, '05-services');
    await kiosk.waitForSelector('[data-service="DD"]', { timeout: 10_000 });
    await kiosk.screenshot({
      path: (await import('../fakes/browser.js')).artifactPath('admin', '06-kiosk-shows-D.png'),
    });
  });

  it('adds counters 2–6; counter 2 serves D', async () => {
    await openSection(admin, 'counters');
    for (let n = 2; n <= 6; n++) {
      await admin.click('[data-testid=counter-add]');
      expect(await admin.inputValue('[data-testid=counter-form] input[name=number]')).toBe(String(n));
      await admin.check(`[data-testid=serves-${n === 2 ? 'DD' : 'CHUNG'}]`);
      if (n === 6) await admin.check('[data-testid=serves-DD]');
      if (n === 2) await shot(admin, '07a-counter-form');
      await saved(admin, () => admin.click('[data-testid=counter-save]'));
    }
    await admin.waitForSelector('[data-testid=counters-table] tbody tr:nth-child(6)');
    await shot(admin, '07-counters');
  });

  it('adds an official with a PIN', async () => {
    await openSection(admin, 'officials');
    await admin.click('[data-testid=official-add]');
    await admin.fill('[data-testid=official-form] input[name=username]', 'mai');
    await admin.fill('[data-testid=official-form] input[name=displayName]', 'Lê Thị Mai');
    await admin.fill('[data-testid=official-form] input[name=agency]', 'Văn phòng đăng ký đất đai');
    await admin.fill('[data-testid=official-form] input[name=pin]', '12');
    const short = await saved(admin, () => admin.click('[data-testid=official-save]')).catch(
      (e: Error) => e.message,
    );
    expect(short).toContain('ít nhất 4');
    await admin.fill('[data-testid=official-form] input[name=pin]', '2468');
    await shot(admin, '08-official-form');
    await saved(admin, () => admin.click('[data-testid=official-save]'));
    await admin.waitForSelector('[data-testid=officials-table] >> text=Lê Thị Mai');
    await shot(admin, '09-officials');
  });

  it('a citizen takes a D ticket at the kiosk; the official logs in at counter 2 and calls it', async () => {
    await kiosk.click('[data-service="DD"]');
    await kiosk.waitForSelector('[data-testid=ticket-number]', { timeout: 10_000 });
    expect((await kiosk.textContent('[data-testid=ticket-number]'))?.trim()).toBe('D001');
    const ctx = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const desk = await ctx.newPage();
    await desk.goto(`${s.url}/console`);
    await loginWithMouse(desk, 'mai', '2468', 2);
    await atDesk(desk);
    await desk.click('[data-action=callNext]');
    await desk.waitForSelector('[data-testid=current-label]:has-text("D001")', { timeout: 10_000 });
    await desk.screenshot({
      path: (await import('../fakes/browser.js')).artifactPath('admin', '10-official-calls-D001.png'),
    });
    await ctx.close();
  });

  it('the change log shows each change, who made it, before and after', async () => {
    await openSection(admin, 'audit');
    await admin.waitForSelector('[data-testid=audit-table] tbody tr');
    const text = (await admin.textContent('[data-testid=audit-table]')) ?? '';
    for (const words of [
      'Sửa thông tin trung tâm',
      'Thêm lĩnh vực: Đất đai',
      'Thêm quầy',
      'Thêm cán bộ: Lê Thị Mai',
    ])
      expect(text).toContain(words);
    expect(text).toContain('Nguyễn Văn Quản');
    await admin.click('[data-testid=audit-table] tbody tr:first-child button');
    await shot(admin, '11-audit');
    expect(errors).toEqual([]);
  });

  it('every section draws at 1366×768 (screenshots under test-artifacts/admin/)', async () => {
    const sections = [
      'centre',
      'services',
      'counters',
      'officials',
      'priority',
      'calendar',
      'rating',
      'screens',
      'voice',
      'ticket',
      'devices',
      'day',
      'data',
      'audit',
    ];
    for (const [i, section] of sections.entries()) {
      await openSection(admin, section);
      if (section === 'ticket')
        await admin.waitForSelector('[data-testid=ticket-preview]', { timeout: 10_000 });
      if (section === 'voice') await admin.waitForSelector('[data-testid=voice-segments] tbody tr');
      if (section === 'day') await admin.waitForSelector('[data-testid=day-status] h3');
      await admin.waitForTimeout(150);
      await shot(admin, `section-${String(i + 1).padStart(2, '0')}-${section}`);
    }
    await admin.click('[data-testid=nav-services]');
    await admin.click('[data-testid=services-table] tbody tr:nth-child(2) button:has-text("Sửa")');
    await shot(admin, 'section-02b-service-edit');
    expect(errors).toEqual([]);
  });
});
