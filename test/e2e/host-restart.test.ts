/**
 * The host going away and coming back with a new token (a restart without --token): the status bar shows
 * the lost connection, and once the new host refuses the old token the window asks for the new one.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let first: E2eHost;
let second: E2eHost | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  first = await startE2eHost();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await first?.stop();
  await second?.stop();
});

describe('host restart', () => {
  it('shows the live connection lost, then asks for the new token', async () => {
    await page.goto(first.uiUrl);
    const live = page.getByRole('status', { name: 'Live connection' });
    await expect.poll(() => live.textContent()).toBe('Live');
    await page.getByText('No webhooks here yet').waitFor();

    await first.stop();
    await expect.poll(() => live.textContent()).not.toBe('Live');
    await screenshot(page, 'host-offline');

    const port = Number(new URL(first.host.api.url).port);
    second = await startE2eHost({ port, token: 'a-new-token-5678' });
    const alert = page.getByRole('alert').filter({ hasText: 'stopped accepting' });
    await alert.waitFor({ timeout: 20_000 });
    await screenshot(page, 'connect-token-expired');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connect to Hookscope');

    await page.getByRole('textbox', { name: 'Hookscope URL or token' }).fill(second.uiUrl);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => live.textContent()).toBe('Live');
  });
});
