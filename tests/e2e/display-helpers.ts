/** Shared steps for the display E2E tests (not a test file). */
import type { Page } from 'playwright-core';
import { artifactPath } from '../fakes/browser.js';
import type { HttpClient } from '../fakes/http-client.js';
import type { TestServer } from '../fakes/test-server.js';

export const WAIT_MS = 10_000;

/** Opens a screen and waits until it has drawn the first snapshot. */
export async function openScreen(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: WAIT_MS });
  await page.waitForFunction(
    () => {
      const root = document.querySelector('[data-testid=lobby],[data-testid=counter-screen]');
      return root !== null && document.querySelector('[data-testid=clock]') !== null;
    },
    undefined,
    { timeout: WAIT_MS },
  );
  await page.waitForFunction(() => !document.querySelector('[data-testid=offline]'), undefined, {
    timeout: WAIT_MS,
  });
}

/**
 * Arms a watcher in the page that records Date.now() when `selector` carries data-label=`label`.
 * Node and Chromium share the machine clock, so (seen - sentAt) is the call → DOM latency.
 */
export async function watchLabel(page: Page, selector: string, label: string): Promise<void> {
  await page.evaluate(
    ([sel, want]) => {
      const w = window as unknown as { __seen?: Promise<number> };
      w.__seen = new Promise<number>((resolve) => {
        const check = () => {
          const el = document.querySelector<HTMLElement>(sel as string);
          if (el?.dataset.label === want) {
            observer.disconnect();
            resolve(Date.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        check();
      });
    },
    [selector, label],
  );
}

export async function seenAt(page: Page): Promise<number> {
  return page.evaluate(() =>
    Promise.race([
      (window as unknown as { __seen: Promise<number> }).__seen,
      new Promise<number>((_, reject) => setTimeout(() => reject(new Error('label never shown')), 10_000)),
    ]),
  );
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = artifactPath('display', name);
  await page.screenshot({ path });
  return path;
}

/** Finishes whatever the counter holds, then calls the next ticket. */
export async function callNext(http: HttpClient, counter: number) {
  await http.counter(counter, 'finish');
  const r = await http.counter(counter, 'call-next');
  if (r.status !== 200) throw new Error(`call-next at ${counter}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket;
}

/** Stores display settings as an admin would (settings row 'display') and makes the server see them. */
export function storeDisplaySettings(srv: TestServer, value: unknown): void {
  const siteId = srv.x.deps.catalog.siteId;
  srv.x.db
    .prepare('INSERT OR REPLACE INTO settings (site_id, key, value_json) VALUES (?, ?, ?)')
    .run(siteId, 'display', JSON.stringify(value));
  srv.x.deps.catalog.reload();
}

/** Emits an event on /display as the rating feature will (`rating:requested`, `rating:received`). */
export function emitDisplay(srv: TestServer, event: string, payload: unknown): void {
  (srv.x.realtime.io.of('/display') as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
