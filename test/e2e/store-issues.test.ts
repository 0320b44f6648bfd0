/** A store file damaged before start-up is moved aside by the engine, and the UI says so plainly. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;

beforeAll(async () => {
  app = await startE2eHost({
    prepare: (dataDir) => {
      mkdirSync(join(dataDir, 'config'), { recursive: true });
      writeFileSync(join(dataDir, 'config', 'settings.json'), '{"settings": {"theme": "dark",');
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('store issues', () => {
  it('warns in a banner and in the status bar, and the banner can be dismissed and reopened', async () => {
    expect(app.host.engine.health().storeIssues.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(app.uiUrl);
    const banner = page.getByRole('region', { name: /damaged file/ });
    await expect.poll(() => banner.count()).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await banner.textContent()).toContain('settings.json');
    expect(await banner.textContent()).toContain('Nothing was deleted');
    await screenshot(page, 'store-issues');

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await page
      .getByRole('contentinfo')
      .getByRole('button', { name: /damaged file/ })
      .click();
    await expect.poll(() => banner.count()).toBe(1);
    await page.close();
  });
});
