/** The app shell against the real host: live health in the status bar, token handling, routing. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { E2E_TOKEN, type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('app shell', () => {
  it('shows live health in the status bar: version, host, receiver URL, data folder, ticking uptime', async () => {
    await page.goto(app.uiUrl);
    const bar = page.getByRole('contentinfo', { name: 'Status bar' });
    const health = app.host.engine.health();

    await expect.poll(() => bar.getByRole('status', { name: 'Live connection' }).textContent()).toBe('Live');
    expect(await bar.textContent()).toContain(`v${health.version}`);
    expect(await bar.textContent()).toContain('Headless host');
    expect(await bar.getByText(health.receiverUrl, { exact: true }).isVisible()).toBe(true);
    expect(await bar.getByText(app.dataDir, { exact: true }).count()).toBe(1);
    await expect.poll(() => bar.getByRole('button', { name: 'Copy receiver URL' }).count()).toBe(1);
    // The headless host keeps secrets with file permissions only, and says so.
    expect(await bar.getByText('Secrets not encrypted').isVisible()).toBe(true);

    const uptime = bar.getByRole('timer', { name: 'Uptime' });
    const first = await uptime.textContent();
    await expect.poll(() => uptime.textContent(), { timeout: 5000 }).not.toBe(first);
    // The home area is the inbox (the lowest navigation order).
    await page.getByText('No webhooks here yet').waitFor();
    await screenshot(page, 'shell-home');
  });

  it('takes the token out of the address bar and keeps it for this tab only', async () => {
    expect(page.url()).not.toContain('token');
    expect(page.url()).not.toContain(E2E_TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('hookscope.token'))).toBe(E2E_TOKEN);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Inbox');
  });

  it('routes between areas from the navigation and the hash', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links[0]).toBe('Inbox');
    expect(links).toEqual(expect.arrayContaining(['Audit log', 'Settings']));

    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    expect(new URL(page.url()).hash).toBe('#/settings');
    expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Settings · Hookscope');

    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox');
  });

  it('says when a route names no area', async () => {
    await page.goto(`${app.baseUrl}#/no-such-area`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await screenshot(page, 'not-found');
    await page.getByRole('link', { name: 'Go to Inbox' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox');
  });
});
