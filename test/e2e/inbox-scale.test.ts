/**
 * The capture list stays virtual with thousands of captures: only the rows in view are in the DOM, older
 * pages load (with the `before` cursor) as the list scrolls, and the keyboard cursor walks past page
 * edges. Also the inbox in the dark theme, for the screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const ctx = { transport: 'cli', actor: 'e2e' } as const;
const CAPTURES = 2000;
/** More than a page of the slice (200) but far fewer than the captures. */
const MAX_ROWS_IN_DOM = 120;

let app: E2eHost;
let browser: Browser;
let page: Page;

function har(count: number): string {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const entries = Array.from({ length: count }, (_, i) => ({
    startedDateTime: new Date(start + i * 1000).toISOString(),
    request: {
      method: 'POST',
      url: `http://127.0.0.1/hooks/bulk/${i}`,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      postData: { mimeType: 'application/json', text: JSON.stringify({ event: 'form.submitted', n: i }) },
    },
    response: { status: 200, headers: [] },
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries } });
}

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  await app.host.engine.call('importCaptures', { har: har(CAPTURES) }, ctx);
  page = await browser.newPage();
  await page.goto(app.uiUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const list = () => page.getByRole('listbox', { name: 'Captures' });

describe('inbox at scale', () => {
  it('keeps the DOM small and pages older captures in while scrolling', async () => {
    await list().getByRole('option').first().waitFor();
    expect(await list().getByRole('option').count()).toBeLessThan(MAX_ROWS_IN_DOM);
    await expect
      .poll(() => list().getByRole('option').first().textContent())
      .toContain(`/hooks/bulk/${CAPTURES - 1}`);

    // Scroll to the end repeatedly: each time an older page arrives, until the oldest capture is shown.
    await expect
      .poll(
        async () => {
          await list().evaluate((el) => {
            el.scrollTop = el.scrollHeight;
          });
          return list().getByText('/hooks/bulk/0', { exact: true }).count();
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(1);
    expect(await list().getByRole('option').count()).toBeLessThan(MAX_ROWS_IN_DOM);
  });

  it('walks the keyboard cursor across a page edge', async () => {
    await list().evaluate((el) => {
      el.scrollTop = 0;
    });
    await list().focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    await expect
      .poll(() => list().locator('[aria-selected="true"]').textContent())
      .toContain(`/hooks/bulk/${CAPTURES - 6}`);
  });

  it('looks right in the dark theme', async () => {
    await app.host.engine.call('updateSettings', { theme: 'dark' }, ctx);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await list().getByRole('option').first().click();
    await page.getByRole('region', { name: 'Capture detail' }).getByText('Overview').waitFor();
    await screenshot(page, 'inbox-dark');
  });
});
