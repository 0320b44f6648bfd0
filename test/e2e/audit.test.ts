/** The audit log pages backwards with "Load older" over more entries than one page holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const ENTRIES = 75;
const PAGE_SIZE = 50;

let app: E2eHost;
let browser: Browser;

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  const ctx = { transport: 'cli', actor: 'seed script' } as const;
  for (let i = 0; i < ENTRIES; i++) {
    await app.host.engine.call('updateSettings', { retention: { maxAgeDays: 10 + i } }, ctx);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('audit log', () => {
  it('shows the newest page first and loads older entries on demand', async () => {
    const page = await browser.newPage();
    await page.goto(app.uiUrl.replace('#', '#/audit&'));
    const body = page.getByRole('table').getByRole('rowgroup').nth(1);
    await expect.poll(() => body.getByRole('row').count()).toBe(PAGE_SIZE);
    expect(await body.getByRole('row').first().textContent()).toContain(`${10 + ENTRIES - 1}`);
    await screenshot(page, 'audit-page');

    await page.getByRole('button', { name: 'Load older' }).click();
    await expect.poll(() => body.getByRole('row').count()).toBe(ENTRIES);
    expect(await page.getByRole('button', { name: 'Load older' }).count()).toBe(0);
    expect(await page.getByText(`Start of the log · ${ENTRIES} entries`).isVisible()).toBe(true);
    await page.close();
  });
});
