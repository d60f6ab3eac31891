import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
export const CHROMIUM_PATH = process.env.XEPHANG_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Where E2E screenshots and decoded tickets are saved for people to look at. */
export function artifactPath(...parts: string[]): string {
  const dir = join(process.cwd(), 'test-artifacts', ...parts.slice(0, -1));
  mkdirSync(dir, { recursive: true });
  return join(dir, parts[parts.length - 1]!);
}
