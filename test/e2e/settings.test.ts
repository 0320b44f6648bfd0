/** Settings through the real engine: theme switching and persistence, inline validation, the audit trail. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;
let page: Page;

const documentTheme = () => page.evaluate(() => document.documentElement.dataset.theme);

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${app.uiUrl.replace('#', '#/settings&')}`);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('settings', () => {
  it('follows the system colour scheme while the theme is "system"', async () => {
    expect(await page.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    expect(await documentTheme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(documentTheme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(documentTheme).toBe('light');
    await screenshot(page, 'settings-light');
  });

  it('switches the theme, keeps it across a reload and records it in the audit log', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(documentTheme).toBe('dark');
    await expect.poll(() => page.getByText('Theme set to dark').count()).toBe(1);
    expect(app.host.engine.settings.get().theme).toBe('dark');
    await screenshot(page, 'settings-dark');

    // Forget the local paint cache so the theme after reload must come from the engine.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await documentTheme()).toBe('dark');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const row = page.getByRole('row').filter({ hasText: 'settings.update' }).first();
    await expect.poll(() => row.textContent()).toContain('theme');
    const text = await row.textContent();
    expect(text).toContain('system');
    expect(text).toContain('dark');
    await screenshot(page, 'audit-dark');
  });

  it('prepends changes made elsewhere to the audit log as they happen', async () => {
    const rows = page.getByRole('row');
    const before = await rows.count();
    await app.host.engine.call(
      'updateSettings',
      { retention: { maxAgeDays: 7 } },
      { transport: 'cli', actor: 'e2e script' },
    );
    await expect.poll(() => rows.count()).toBe(before + 1);
    // Row 0 is the header; the newest entry comes right after it.
    const newest = await rows.nth(1).textContent();
    expect(newest).toContain('e2e script');
    expect(newest).toContain('retention.maxAgeDays');
  });

  it('shows the engine\u2019s validation error beside the alert URL field', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const field = page.getByRole('textbox', { name: 'Alert URL' });
    await field.fill('not a url');
    await page.getByRole('button', { name: 'Save alert URL' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const description = await field.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description.length).toBeGreaterThan(0);
    expect(app.host.engine.settings.get().alertUrl).toBe('');
    await screenshot(page, 'settings-validation');

    await field.fill('https://alerts.example.com/hookscope');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Save alert URL' }).click();
    await expect.poll(() => page.getByText('Alert URL saved').count()).toBe(1);
    expect(app.host.engine.settings.get().alertUrl).toBe('https://alerts.example.com/hookscope');
  });

  it('shows the data folder read-only', async () => {
    const folder = page.getByRole('textbox', { name: 'Data folder' });
    expect(await folder.inputValue()).toBe(app.dataDir);
    expect(await folder.getAttribute('readonly')).not.toBeNull();
  });
});
