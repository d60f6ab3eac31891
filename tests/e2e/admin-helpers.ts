import type { Page } from 'playwright-core';
import { artifactPath } from '../fakes/browser.js';

/** Shared steps of the admin page's Chromium tests (tests/e2e/admin-*.test.ts). */

export const DESKTOP = { width: 1366, height: 768 } as const;

export function shot(page: Page, name: string, fullPage = false) {
  return page.screenshot({ path: artifactPath('admin', `${name}.png`), fullPage });
}

/** Opens a section from the left menu and waits for it. */
export async function openSection(page: Page, section: string) {
  await page.click(`[data-testid=nav-${section}]`);
  await page.waitForSelector(`[data-testid=section-${section}]`, { timeout: 10_000 });
}

const runs = async (page: Page) => Number(await page.getAttribute('[data-testid=admin-status]', 'data-runs'));

/**
 * Does something that runs one change (a click on a save button…), waits for its outcome and
 * returns the status line: `{ ok, text }`.
 */
export async function change(page: Page, action: () => Promise<unknown>, timeout = 10_000) {
  const before = await runs(page);
  await action();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=admin-status]')?.getAttribute('data-runs')) > n,
    before,
    { timeout },
  );
  const text = (await page.textContent('[data-testid=admin-status]'))?.trim() ?? '';
  const ok = (await page.$('[data-testid=admin-notice]')) !== null;
  return { ok, text };
}

/** Like change(), but throws with the page's message when the change was refused. */
export async function saved(page: Page, action: () => Promise<unknown>) {
  const r = await change(page, action);
  if (!r.ok) throw new Error(`admin page refused: ${r.text}`);
  return r.text;
}
