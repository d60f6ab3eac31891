import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../fakes/browser.js';
import { DEMO, HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';
import { DESKTOP, saved, shot } from './admin-helpers.js';

/**
 * Voice segments in the browser: a file uploaded from disk, and a recording made with the
 * microphone (Chromium's fake audio device, on http://127.0.0.1 — a secure context), both decoded
 * for their duration, stored, listed in the manifest the screens load, then reverted.
 */
describe('admin: voice segments, upload and recording, in Chromium', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  type Manifest = { segments: Record<string, { file: string; durationMs: number }> };
  const manifest = async () => (await (await fetch(`${s.url}/voice/vi/manifest.json`)).json()) as Manifest;

  beforeAll(async () => {
    s = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', permissions: ['microphone'] });
    page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const admin = new HttpClient(s.url);
    await admin.login(DEMO.admin.username, DEMO.admin.pin);
    const [name, value] = admin.cookie.split('=') as [string, string];
    await ctx.addCookies([{ name, value, url: s.url }]);
    await page.goto(`${s.url}/console/admin#voice`);
    await page.waitForSelector('[data-testid=voice-segments] tbody tr', { timeout: 10_000 });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close(true);
  });

  const row = (text: string) => `[data-testid=voice-segments] tr:has(strong:text-is("${text}"))`;

  it('uploads a file for one segment; the manifest serves it with its decoded length', async () => {
    await page.fill('[data-testid=voice-segments] input.filter', 'đến quầy số');
    const file = join(import.meta.dirname, '../../voice/segments/vi/chime.ogg');
    const text = await saved(page, () => page.setInputFiles(`${row('đến quầy số')} input[type=file]`, file));
    expect(text).toContain('Đã thay đoạn "đến quầy số"');
    await page.waitForSelector(`${row('đến quầy số')} .tag`);
    const m = await manifest();
    expect(m.segments['den-quay-so']?.file).toMatch(/^den-quay-so-[0-9a-f]{10}\.ogg$/);
    expect(m.segments['den-quay-so']?.durationMs).toBeGreaterThan(1000);
    expect(m.segments['den-quay-so']?.durationMs).toBeLessThan(1600);
    await shot(page, 'voice-01-uploaded');
  });

  it('records a segment with the microphone and stores it', async () => {
    await page.fill('[data-testid=voice-segments] input.filter', 'mời số thứ tự');
    await page.click(`${row('mời số thứ tự')} button:has-text("Thu âm")`);
    await page.waitForSelector(`${row('mời số thứ tự')} button:has-text("Dừng thu")`, { timeout: 10_000 });
    await shot(page, 'voice-02-recording');
    await page.waitForTimeout(1200);
    await saved(page, () => page.click(`${row('mời số thứ tự')} button:has-text("Dừng thu")`));
    const seg = (await manifest()).segments['moi-so-thu-tu'];
    expect(seg?.file).toMatch(/^moi-so-thu-tu-[0-9a-f]{10}\.(webm|ogg)$/);
    expect(seg?.durationMs).toBeGreaterThan(800);
    expect((await fetch(`${s.url}/voice/vi/${seg?.file}`)).status).toBe(200);
  });

  it('reverts a segment to the original after asking', async () => {
    await page.fill('[data-testid=voice-segments] input.filter', 'đến quầy số');
    await page.click(`${row('đến quầy số')} button:has-text("Dùng lại bản gốc")`);
    await saved(page, () => page.click('[data-testid=confirm-yes]'));
    expect((await manifest()).segments['den-quay-so']?.file).toBe('den-quay-so.ogg');
    expect(errors).toEqual([]);
  });
});
