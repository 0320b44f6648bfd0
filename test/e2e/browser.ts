/**
 * Real Chromium for the end-to-end tests: Debian's package (or CHROME_PATH), driven by playwright-core,
 * with a fresh profile per launch so no state leaks between files.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = join('test-results', 'screens');

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** A new tab (its own sessionStorage, as a person opening the URL again would have). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROME_PATH}: install it (apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'hookscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // The persistent context opens with one blank tab; tests use their own.
  for (const page of context.pages()) await page.close();
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves `test-results/screens/<name>.png` for people to look at (CI keeps test-results/). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  // Park the pointer in an empty corner so no hover state leaks into the picture.
  await page.mouse.move(1, 1);
  await page.screenshot({ path });
  return path;
}
