/** Keys through the real engine: generate, copy and download a public key, reveal a secret, import, delete, certificate. */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;
let page: Page;

const keys = () =>
  app.host.engine.call('listKeys', {}, { transport: 'cli', actor: 'e2e' }) as Promise<
    { id: string; name: string; type: string; hasPrivate: boolean }[]
  >;
const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

beforeAll(async () => {
  app = await startE2eHost({ receiverHttps: true });
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(app.baseUrl).origin,
  });
  page = await browser.newPage();
  await page.goto(app.uiUrl.replace('#', '#/keys&'));
  await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('keys', () => {
  it('teaches with an empty state and shows the receiver certificate', async () => {
    await page.getByText('No keys yet').waitFor();
    const cert = page.getByRole('region', { name: 'Receiver HTTPS certificate' });
    await cert.getByText('SHA-256 fingerprint').waitFor();
    expect(await cert.textContent()).toContain('localhost');
    const download = page.waitForEvent('download');
    await cert.getByRole('button', { name: 'Download certificate PEM' }).click();
    const file = await (await download).path();
    expect(readFileSync(file, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    await screenshot(page, 'keys-empty');
  });

  it('generates an RSA key, copies and downloads its public key', async () => {
    await page.getByRole('combobox', { name: 'Key type' }).selectOption('rsa');
    await page.getByRole('combobox', { name: 'Key size' }).selectOption('3072');
    await page.getByRole('textbox', { name: 'Name' }).fill('Instnt e2e');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await row('Instnt e2e').waitFor();
    expect(await row('Instnt e2e').textContent()).toContain('RSA 3072');
    await page.getByText('Generated Instnt e2e').waitFor();
    const [stored] = await keys();
    const pem = (await app.host.engine.call(
      'getPublicKeyPem',
      { id: stored!.id },
      { transport: 'cli', actor: 'e2e' },
    )) as string;

    await page.getByRole('button', { name: 'Copy public key of Instnt e2e' }).click();
    await page.getByText('Public key of Instnt e2e copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pem);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download public key of Instnt e2e' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Instnt-e2e.public.pem');
    expect(readFileSync(await file.path(), 'utf8')).toBe(pem);
  });

  it('generates a Standard Webhooks secret and reveals it as whsec_…', async () => {
    await page.getByRole('combobox', { name: 'Key type' }).selectOption('hmac');
    await page.getByRole('combobox', { name: 'Scheme' }).selectOption('standard-webhooks');
    await page.getByRole('textbox', { name: 'Name' }).fill('Svix e2e');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await row('Svix e2e').waitFor();
    await page.getByRole('button', { name: 'Reveal secret of Svix e2e' }).click();
    const secret = page.getByRole('textbox', { name: 'Secret of Svix e2e' });
    await expect.poll(() => secret.inputValue()).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await screenshot(page, 'keys-list');
    await page.getByRole('button', { name: 'Hide secret of Svix e2e' }).click();
    expect(await secret.count()).toBe(0);
  });

  it('imports a pasted public key and shows the engine\u2019s error for a bad one', async () => {
    await page.getByRole('radio', { name: 'Import PEM' }).check();
    const pemField = page.getByRole('textbox', { name: 'PEM' });
    await pemField.fill('-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----');
    await page.getByRole('textbox', { name: 'Name' }).fill('Broken');
    await page.getByRole('button', { name: 'Import key' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /./ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'keys-import-error');

    // The engine refuses a key it already holds, so the partner's key is a fresh one.
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await pemField.fill(pem);
    await page.getByRole('textbox', { name: 'Name' }).fill('Partner public key');
    await page.getByRole('button', { name: 'Import key' }).click();
    await row('Partner public key').waitFor();
    expect(await row('Partner public key').textContent()).toContain('public only');
  });

  it('deletes a key only after confirmation, in the dark theme too', async () => {
    await page.getByRole('button', { name: 'Delete Partner public key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Partner public key?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await row('Partner public key').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete Partner public key' }).click();
    await dialog.getByRole('button', { name: 'Delete key' }).click();
    await expect.poll(() => row('Partner public key').count()).toBe(0);
    expect((await keys()).map((k) => k.name)).not.toContain('Partner public key');

    await app.host.engine.call('updateSettings', { theme: 'dark' }, { transport: 'cli', actor: 'e2e' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'keys-dark');
  });
});
