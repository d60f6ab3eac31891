import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterWaiting } from '../../core/contracts/console.js';
import type { CounterState } from '../../core/contracts/queue.js';
import { launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import {
  atDesk,
  currentLabel,
  loginWithMouse,
  lobbyShows,
  openConsole,
  phaseIs,
  statusSays,
} from './console-helpers.js';

/**
 * The officials' console in headless Chromium against a real server: Lan logs in at counter 2 and
 * works with the mouse — call, recall, start, finish with a dossier code, no-show and return,
 * transfer with a reason, pause and resume — while the lobby display shows each call; a reload and
 * a server restart in the middle of a service change nothing; an admin takes the counter over.
 */
describe('console: a counter at work in Chromium', { timeout: 60_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let display: Page;
  const errors: string[] = [];
  const notes: string[] = [];
  const minh = () => new HttpClient(s.url);
  let minhClient: HttpClient;
  const click = (action: string) => page.click(`[data-action=${action}]`);

  beforeAll(async () => {
    s = await startTestServer();
    browser = await launchBrowser();
    const kiosk = new HttpClient(s.url);
    for (const [svc, priority] of [
      ['HT', null],
      ['CT', null],
      ['HT', null],
      ['CT', 'elderly'],
      ['HT', null],
      ['HT', null],
      ['CT', null],
    ] as const) {
      expect((await kiosk.issue(svc, priority ? { priority } : {})).status).toBe(201);
    }
    minhClient = minh();
    expect((await minhClient.login(DEMO.minh.username, DEMO.minh.pin, 1)).status).toBe(201);
    const opened = await openConsole(browser, s.url);
    ctx = opened.context;
    page = opened.page;
    page.on('pageerror', (e) => errors.push(e.message));
    display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await display.goto(`${s.url}/display`);
  });
  afterAll(async () => {
    if (notes.length) console.info(`console e2e notes:\n  ${[...new Set(notes)].join('\n  ')}`);
    await browser?.close();
    await s?.close(true);
  });

  it('shows who holds each counter, then logs Lan in at counter 2 (remembered on this device)', async () => {
    await page.waitForSelector('input[name=counter][value="1"]');
    const card1 = await page.textContent('label:has(input[name=counter][value="1"])');
    expect(card1).toContain('Đang dùng: Trần Văn Minh');
    await loginWithMouse(page, 'lan', '1111', 2);
    await atDesk(page);
    expect(await page.textContent('[data-testid=counter-name]')).toContain('Quầy 2');
    expect(await page.textContent('[data-testid=official-name]')).toBe('Nguyễn Thị Lan');
    expect(await page.evaluate(() => localStorage.getItem('xephang.console.counter'))).toBe('2');
    expect(await page.textContent('[data-testid=waiting-count]')).toBe('7 người');
    await page.waitForSelector('[data-testid=connection]:has-text("Đã kết nối")');
  });

  it('calls next, recalls, starts and finishes with a dossier code; the lobby shows each call', async () => {
    await click('callNext');
    const said = await statusSays(page, 'Đã gọi số');
    const label = (await currentLabel(page))!;
    expect(said).toBe(`Đã gọi số ${label}.`);
    expect(await lobbyShows(display, s.url, label, notes)).toBe(true);
    await click('recall');
    expect(await statusSays(page, 'Đã gọi lại')).toBe(`Đã gọi lại số ${label}.`);
    await click('start');
    await phaseIs(page, 'serving');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=timer]')?.textContent !== '0:00',
      null,
      {
        timeout: 5000,
      },
    );
    await page.fill('[data-testid=dossier]', 'HS-000.00.00.H00-001');
    await click('finish');
    await page.waitForSelector('[data-testid=rate-prompt]:has-text("Mời công dân đánh giá")');
    await page.waitForSelector('[data-testid=served]:has-text("1")');
    const admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
    const id = (await admin.req<{ counters: CounterState[] }>('GET', '/api/counters')).body;
    expect(id.counters.find((c) => c.number === 2)?.current).toBeNull();
    const done = await admin.req<{ ticket: { dossierCode: string } }>(
      'GET',
      `/api/tickets/${await ticketId(label)}`,
    );
    expect(done.body.ticket.dossierCode).toBe('HS-000.00.00.H00-001');
  });

  async function ticketId(label: string): Promise<number> {
    return (s.x.db.prepare('SELECT id FROM tickets WHERE label = ?').get(label) as { id: number }).id;
  }

  it('marks a no-show, lists it, and puts it back in the queue', async () => {
    await click('callNext');
    await statusSays(page, 'Đã gọi số');
    const label = (await currentLabel(page))!;
    expect(await lobbyShows(display, s.url, label, notes)).toBe(true);
    await click('noShow');
    expect(await statusSays(page, 'vắng mặt')).toContain(label);
    await page.waitForSelector(`[data-testid=no-shows] li[data-label="${label}"]`);
    await page.click(`[data-return="${label}"]`);
    expect(await statusSays(page, 'đưa lại vào hàng chờ')).toBe(`Số ${label} đã được đưa lại vào hàng chờ.`);
    await page.waitForSelector(`[data-testid=waiting] li[data-label="${label}"]`);
    expect(await page.$(`[data-testid=no-shows] li[data-label="${label}"]`)).toBeNull();
  });

  it('transfers to another counter with a reason; that counter sees it first', async () => {
    await click('callNext');
    await statusSays(page, 'Đã gọi số');
    const label = (await currentLabel(page))!;
    await click('transfer');
    await page.waitForSelector('[data-testid=transfer-dialog]');
    await page.click('[data-testid=transfer-dialog] button[type=submit]');
    await page.waitForSelector(
      '[data-testid=transfer-dialog] [role=alert]:has-text("Vui lòng chọn nơi chuyển đến")',
    );
    await page.selectOption('[data-testid=transfer-dialog] select', 'counter:1');
    await page.fill('[data-testid=transfer-dialog] input[name=reason]', 'Cần cán bộ chứng thực bản sao');
    await page.click('[data-testid=transfer-dialog] button[type=submit]');
    expect(await statusSays(page, 'Đã chuyển')).toBe(
      `Đã chuyển số ${label} đến Quầy 1 — Hộ tịch, chứng thực.`,
    );
    await phaseIs(page, 'idle');
    const atMinh = (await minhClient.req<CounterWaiting>('GET', '/api/counters/1/waiting')).body;
    expect(atMinh.waiting.find((w) => w.label === label)).toMatchObject({ targeted: true });
    expect(atMinh.nextId).toBe(await ticketId(label));
  });

  it('pauses with a reason (calls refused) and resumes', async () => {
    await click('pause');
    await page.waitForSelector('[data-testid=pause-dialog]');
    await page.click('label:has(#pause-fieldWork)');
    await page.click('[data-testid=pause-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=paused]:has-text("Công tác/đi thực địa")');
    expect(await page.isDisabled('[data-action=callNext]')).toBe(true);
    const counters = (await minh().req<{ counters: CounterState[] }>('GET', '/api/counters')).body.counters;
    expect(counters.find((c) => c.number === 2)?.paused?.reason).toBe('Công tác/đi thực địa');
    await click('resume');
    expect(await statusSays(page, 'làm việc trở lại')).toBe('Quầy đã làm việc trở lại.');
    await phaseIs(page, 'idle');
  });

  it('keeps the service through a page reload and a server restart (offline badge, then resync)', async () => {
    await click('callNext');
    await statusSays(page, 'Đã gọi số');
    await click('start');
    await phaseIs(page, 'serving');
    const label = await currentLabel(page);
    await page.reload();
    await atDesk(page);
    await phaseIs(page, 'serving');
    expect(await currentLabel(page)).toBe(label);

    const { dataDir, port } = s;
    await s.close();
    await page.waitForSelector('[data-testid=connection]:has-text("Mất kết nối")', { timeout: 15_000 });
    s = await startTestServer({ dataDir, port });
    await page.waitForSelector('[data-testid=connection]:has-text("Đã kết nối")', { timeout: 15_000 });
    await statusSays(page, 'Đã kết nối lại');
    await phaseIs(page, 'serving');
    expect(await currentLabel(page)).toBe(label);
    await click('finish');
    await page.waitForSelector('[data-testid=rate-prompt]');
  });

  it('explains an occupied counter; an admin takes it over and Lan is sent back to the login screen', async () => {
    const admin = await openConsole(browser, s.url);
    await loginWithMouse(admin.page, 'admin', '9999', 2);
    const problem = await admin.page.waitForSelector('[data-testid=login-problem]');
    expect(await problem.textContent()).toContain('Quầy đang được Nguyễn Thị Lan sử dụng');
    await admin.page.click('[data-testid=takeover]');
    await atDesk(admin.page);
    await page.waitForSelector('[data-testid=login-problem]:has-text("Phiên đăng nhập đã hết hạn")', {
      timeout: 10_000,
    });
    await admin.page.click('[data-testid=logout]');
    await admin.page.waitForSelector('[data-testid=login-problem]:has-text("Đã đăng xuất")');
    await admin.context.close();
  });

  it('a leader logs in without a counter and opens the reports page', async () => {
    const leader = await openConsole(browser, s.url);
    await loginWithMouse(leader.page, DEMO.leader.username, DEMO.leader.pin, null);
    await leader.page.waitForSelector('[data-testid=home]');
    await leader.page.click('[data-testid=link-reports]');
    await leader.page.waitForURL('**/console/reports');
    await leader.page.waitForSelector('main h1, main h2', { timeout: 10_000 });
    expect(leader.errors).toEqual([]);
    await leader.context.close();
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
