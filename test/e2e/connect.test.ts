/** Browser tabs without a (valid) token get a screen that explains how to connect, and can paste one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('connect screen', () => {
  it('explains where the token comes from when there is none, and accepts the pasted URL', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Connect to Hookscope');
    const text = await page.getByRole('main').textContent();
    expect(text).toContain('npm start');
    expect(text).toContain('hookscope serve');
    expect(text).toContain(`${app.host.api.url}/#token=…`);
    await screenshot(page, 'connect-no-token');

    await page.getByRole('textbox', { name: 'Hookscope URL or token' }).fill(app.uiUrl);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox');
    await page.close();
  });

  it('says the token was refused when it is wrong, and lets a right one in', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}#token=wrong-token-0000`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('That token was not accepted');
    expect(await alert.textContent()).toContain('Wrong token');
    expect(page.url()).not.toContain('wrong-token-0000');
    expect(await page.evaluate(() => sessionStorage.getItem('hookscope.token'))).toBeNull();
    await screenshot(page, 'connect-wrong-token');

    await page.getByRole('textbox', { name: 'Hookscope URL or token' }).fill(app.host.token);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Live connection' }).textContent()).toBe('Live');
    await page.close();
  });

  it('rejects something that is not a token without asking the host', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl);
    const input = page.getByRole('textbox', { name: 'Hookscope URL or token' });
    await input.fill('http://127.0.0.1:1/no-token-here');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('That URL has no "#token=…" part').isVisible()).toBe(true);
    await page.close();
  });
});
