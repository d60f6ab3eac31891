import type { Browser, Page } from 'playwright-core';
import type { QueueSnapshot } from '../../core/contracts/queue.js';
import { artifactPath } from '../fakes/browser.js';
import { HttpClient } from '../fakes/http-client.js';

/** Shared steps of the console's Chromium tests (tests/e2e/console-*.test.ts). */

export const DESKTOP = { width: 1366, height: 768 } as const;
export const TABLET = { width: 1024, height: 768 } as const;
export const TABLET_PORTRAIT = { width: 800, height: 1280 } as const;

export async function openConsole(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = DESKTOP,
) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/console`);
  return { context, page, errors };
}

/** Logs in through the form with the mouse (username, PIN, the counter's card, the button). */
export async function loginWithMouse(page: Page, username: string, pin: string, counter: number | null) {
  await page.waitForSelector('[data-testid=login-form]', { timeout: 10_000 });
  await page.fill('input[name=username]', username);
  await page.fill('input[name=pin]', pin);
  await page.waitForSelector('input[name=counter]', { timeout: 10_000 });
  await page.click(
    counter === null ? 'input[name=counter][value=""]' : `input[name=counter][value="${counter}"]`,
  );
  await page.click('[data-testid=login-submit]');
}

export async function atDesk(page: Page) {
  await page.waitForSelector('[data-testid=desk]', { timeout: 10_000 });
  await page.waitForSelector('[data-testid=current]:not(:has-text("Đang tải"))', { timeout: 10_000 });
}

/** The status line once it says `text` (the feedback of the last action). */
export async function statusSays(page: Page, text: string, timeout = 8000): Promise<string> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=status-line]')?.textContent?.includes(t) ?? false,
    text,
    { timeout },
  );
  return (await page.textContent('[data-testid=status-line]'))?.trim() ?? '';
}

export const phase = (page: Page) => page.getAttribute('[data-testid=current]', 'data-phase');

export async function phaseIs(page: Page, want: string, timeout = 8000) {
  await page.waitForSelector(`[data-testid=current][data-phase="${want}"]`, { timeout });
}

export const currentLabel = (page: Page) => page.textContent('[data-testid=current-label]');

export function shot(page: Page, dir: string, name: string) {
  return page.screenshot({ path: artifactPath('console', dir, `${name}.png`) });
}

/**
 * Whether the lobby display page shows `label`. The display app is built in parallel: when its page
 * does not draw calls (yet), the call is checked in GET /api/queue (recent calls) instead and the
 * fallback is reported in `notes`.
 */
export async function lobbyShows(
  display: Page,
  url: string,
  label: string,
  notes: string[],
): Promise<boolean> {
  try {
    // biome-ignore lint/performance/useDomNodeTextContent: only what the screen shows counts
    await display.waitForFunction((l) => document.body.innerText.includes(l), label, { timeout: 6000 });
    return true;
  } catch {
    const snap = (await new HttpClient(url).req<QueueSnapshot>('GET', '/api/queue')).body;
    notes.push(`lobby page did not show ${label}; checked GET /api/queue recentCalls instead`);
    return snap.recentCalls.some((c) => c.label === label);
  }
}

/** Presses Tab (or Shift+Tab) until the focused element matches, bounded. Keyboard only. */
export async function tabTo(page: Page, selector: string, back = false, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}
