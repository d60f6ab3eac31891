/**
 * Lobby and counter screens in headless Chromium against a real server: a call shows on both screens
 * (latency printed), a recall highlights again, states of a counter, rating prompt, subset screens,
 * and screenshots at 720p, 1080p and 4K under test-artifacts/display/. Needs `npm run build:apps` first.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { callNext, emitDisplay, openScreen, seenAt, shot, WAIT_MS, watchLabel } from './display-helpers.js';

let srv: TestServer;
let browser: Browser;
let lobby: Page;
let counter1: Page;
const lan = () => new HttpClient(srv.url);
let official: HttpClient;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
  official = lan();
  expect((await official.login(DEMO.lan.username, DEMO.lan.pin, 1)).status).toBe(201);
  lobby = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  counter1 = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openScreen(lobby, `${srv.url}/display`);
  await openScreen(counter1, `${srv.url}/display/counter/1`);
});

afterAll(async () => {
  await browser?.close();
  await srv?.close(true);
});

describe('display screens', () => {
  it('show the idle states before any call', async () => {
    expect(await lobby.getByTestId('welcome').textContent()).toContain('Kính chào');
    expect(await lobby.getByTestId('centre').textContent()).toContain('Trung tâm Phục vụ hành chính công');
    expect(await lobby.getByTestId('ticker-title').textContent()).toBe('4 xin, 4 luôn');
    expect(await lobby.getByTestId('clock').textContent()).toMatch(
      /\d{2}:\d{2}\s*(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4}/,
    );
    expect(await counter1.getByTestId('counter-main').getAttribute('data-mode')).toBe('waiting');
    expect(await counter1.getByTestId('official').textContent()).toContain('Nguyễn Thị Lan');
    await shot(lobby, 'lobby-1920x1080-idle.png');
    await shot(counter1, 'counter-1920x1080-ready.png');
  });

  it('a call shows on the lobby and the counter screen (call → DOM latency printed)', async () => {
    const ticket = (await official.issue('HT')).body;
    for (const page of [lobby, counter1]) {
      await watchLabel(
        page,
        page === lobby ? '[data-testid=highlight]' : '[data-testid=counter-number]',
        ticket.label,
      );
    }
    const sentAt = Date.now();
    const called = await callNext(official, 1);
    expect(called.label).toBe(ticket.label);
    const [lobbyAt, counterAt] = [await seenAt(lobby), await seenAt(counter1)];
    console.log(
      `call_to_dom_ms lobby=${lobbyAt - sentAt} counter=${counterAt - sentAt} (HTTP call-next included)`,
    );
    const row = lobby.locator('[data-testid=counter-row][data-counter="1"] [data-testid=counter-current]');
    expect((await row.textContent())?.trim()).toBe(ticket.label);
    expect(await lobby.getByTestId('highlight').textContent()).toContain('Đến quầy số');
    await lobby.waitForTimeout(250); // mid-flash
    await shot(lobby, 'lobby-1920x1080-call-flash.png');
    await lobby.waitForTimeout(4200); // flash over, still highlighted
    await shot(lobby, 'lobby-1920x1080-call.png');
    await shot(counter1, 'counter-1920x1080-serving.png');
  });

  it('a recall highlights the number again (when its announcement starts)', async () => {
    const seq = Number(await lobby.getByTestId('highlight').getAttribute('data-seq'));
    expect((await official.counter(1, 'recall')).status).toBe(200);
    await lobby.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid=highlight]')?.getAttribute('data-seq')) > before,
      seq,
      { timeout: 30_000 },
    );
  });

  it('lists recent calls and waiting counts; fills a busy screen', async () => {
    const minh = lan();
    const hung = lan();
    expect((await minh.login(DEMO.minh.username, DEMO.minh.pin, 2)).status).toBe(201);
    expect((await hung.login(DEMO.hung.username, DEMO.hung.pin, 3)).status).toBe(201);
    for (const s of ['HT', 'CT', 'DD', 'HT', 'CT', 'DD', 'XH', 'HT', 'HT', 'CT', 'DD', 'DD', 'HT'])
      await official.issue(s);
    for (let i = 0; i < 3; i++) {
      await callNext(minh, 2);
      await callNext(hung, 3);
    }
    await callNext(official, 1);
    await lobby.waitForFunction(
      () => document.querySelectorAll('[data-testid=recent] li').length >= 6,
      undefined,
      {
        timeout: WAIT_MS,
      },
    );
    const waiting = await lobby.getByTestId('waiting').textContent();
    expect(waiting).toContain('Hộ tịch');
    await lobby.waitForTimeout(4500);
    await shot(lobby, 'lobby-1920x1080-busy.png');
    for (const [w, h] of [
      [1280, 720],
      [3840, 2160],
    ] as const) {
      await lobby.setViewportSize({ width: w, height: h });
      await lobby.waitForTimeout(300);
      await shot(lobby, `lobby-${w}x${h}-busy.png`);
    }
    // Readable from 8 m: the called number is at least a fifth of the screen height at every size.
    const ratio = await lobby.evaluate(() => {
      const n = document.querySelector('[data-testid=highlight] .number, [data-testid=last-call] .number');
      return n ? Number.parseFloat(getComputedStyle(n).fontSize) / window.innerHeight : 0;
    });
    console.log(`lobby called-number font = ${(ratio * 100).toFixed(1)} % of screen height`);
    expect(ratio).toBeGreaterThan(0.14);
    await lobby.setViewportSize({ width: 1920, height: 1080 });
  });

  it('counter screen: rating prompt when a ticket finishes, thanks, paused and closed', async () => {
    // Finishing a ticket makes the server ask for a rating at that counter (rating feature).
    expect((await official.counter(1, 'finish')).status).toBe(200);
    await counter1.getByTestId('rating-prompt').waitFor({ timeout: WAIT_MS });
    expect(await counter1.getByTestId('rating-prompt').textContent()).toContain(
      'Mời ông/bà đánh giá mức độ hài lòng',
    );
    await shot(counter1, 'counter-1920x1080-rating-prompt.png');
    // A stored rating (from a box or the tablet) is announced as `rating:received`.
    emitDisplay(srv, 'rating:received', { counter: 1, level: 1, at: new Date().toISOString() });
    await counter1.getByTestId('rating-thanks').waitFor({ timeout: WAIT_MS });
    expect(await counter1.getByTestId('rating-thanks').textContent()).toContain('Cảm ơn ông/bà');
    await shot(counter1, 'counter-1920x1080-rating-thanks.png');
    emitDisplay(srv, 'rating:requested', {
      counter: 2,
      ticketId: 1,
      label: 'A001',
      expiresAt: new Date().toISOString(),
    });
    await counter1.waitForTimeout(300);
    expect(await counter1.getByTestId('rating-prompt').count()).toBe(0);

    expect((await official.counter(1, 'pause', { reason: 'Họp giao ban' })).status).toBe(200);
    await counter1.waitForSelector('[data-testid=counter-main][data-mode=paused]', { timeout: WAIT_MS });
    expect(await counter1.getByTestId('counter-main').textContent()).toContain('Tạm nghỉ');
    await counter1.getByTestId('rating-thanks').waitFor({ state: 'detached', timeout: 15_000 });
    await shot(counter1, 'counter-1920x1080-paused.png');
    await lobby.waitForSelector('[data-testid=counter-row][data-counter="1"] >> text=Tạm nghỉ', {
      timeout: WAIT_MS,
    });
    expect((await official.counter(1, 'resume')).status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openScreen(page, `${srv.url}/display/counter/4`);
    expect(await page.getByTestId('counter-main').getAttribute('data-mode')).toBe('closed');
    expect(await page.getByTestId('counter-main').textContent()).toContain('Quầy chưa mở');
    await shot(page, 'counter-1280x720-closed.png');
    await page.close();
  });

  it('a lobby for a subset of counters shows only those', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openScreen(page, `${srv.url}/display?counters=2,3`);
    const rows = await page
      .locator('[data-testid=counter-row]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.counter));
    expect(rows).toEqual(['2', '3']);
    const chips = await page
      .locator('[data-testid=recent] li')
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    expect(chips.every((t) => /→\s*[23]$/.test(t.trim()))).toBe(true);
    await shot(page, 'lobby-1920x1080-counters-2-3.png');
    await page.close();
  });
});
