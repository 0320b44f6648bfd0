/**
 * Verify through the real engine: an RSA key generated in the UI, its public key copied from Keys, a body
 * signed by the signBody API; valid as sent, invalid once tampered with the doctor's reason and the
 * DigestInfo opened from the signature. Then a captured webhook picked from the receiver.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;
let page: Page;

const ctx = { transport: 'cli', actor: 'e2e' } as const;
const BODY =
  '{"id":"evt_1","name":"Transaction accepted","type":"transaction.accepted","data":{"amount":42}}';
const report = () => page.getByRole('region', { name: 'Signature report' });
const lines = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

beforeAll(async () => {
  app = await startE2eHost();
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

describe('verify', () => {
  it('shows valid for a body signed with a generated RSA key, checked with its copied public key', async () => {
    // This host's receiver runs plain HTTP: the certificate card says so in the engine's words.
    await expect
      .poll(() => page.getByRole('region', { name: 'Receiver HTTPS certificate' }).textContent())
      .toContain('plain HTTP');
    await page.getByRole('textbox', { name: 'Name' }).fill('Instnt signer');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await page.getByRole('button', { name: 'Copy public key of Instnt signer' }).click();
    await page.getByText('Public key of Instnt signer copied').waitFor();
    const publicPem = await page.evaluate(() => navigator.clipboard.readText());
    expect(publicPem).toContain('-----BEGIN PUBLIC KEY-----');

    const [key] = (await app.host.engine.call('listKeys', {}, ctx)) as { id: string }[];
    const signed = (await app.host.engine.call(
      'signBody',
      { scheme: 'instnt-rsa', body: BODY, keyId: key!.id },
      ctx,
    )) as { headers: Record<string, string> };

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify' }).waitFor();
    await page.getByRole('textbox', { name: 'Body' }).fill(BODY);
    await page.getByRole('textbox', { name: 'Headers' }).fill(lines(signed.headers));
    await page.getByRole('combobox', { name: 'Scheme' }).selectOption('instnt-rsa');
    await page.getByRole('combobox', { name: 'Verify with' }).selectOption('pem');
    await page.getByRole('textbox', { name: 'Public key PEM' }).fill(publicPem);
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await report().getByText('Valid', { exact: true }).waitFor();
    await screenshot(page, 'verify-valid');
  });

  it('shows invalid for a tampered body, with the doctor\u2019s reason and the DigestInfo', async () => {
    await page.getByRole('textbox', { name: 'Body' }).fill(BODY.replace('42', '4200'));
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await report().getByText('Invalid', { exact: true }).waitFor();
    const findings = report().getByRole('list', { name: 'Findings' }).getByRole('listitem');
    expect(await findings.count()).toBeGreaterThan(0);
    const finding = (await findings.first().textContent()) ?? '';
    expect(finding).toMatch(/rsa_digest_of_other_body|signed_content_mismatch|no_match/);
    const digestInfo = report()
      .getByRole('definition')
      .filter({ hasText: /^[0-9a-f]{64}$/ });
    await expect.poll(() => digestInfo.count()).toBeGreaterThan(0);
    expect(await report().getByText('RSA DigestInfo').count()).toBe(1);
    expect(await report().textContent()).toContain('2.16.840.1.101.3.4.2.1');
    await screenshot(page, 'verify-invalid');
  });

  it('verifies with a stored key and says which field is wrong in the headers', async () => {
    await page.getByRole('combobox', { name: 'Verify with' }).selectOption('stored');
    await page.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'Instnt signer (rsa 2048)' });
    await page.getByRole('textbox', { name: 'Body' }).fill(BODY);
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await report().getByText('Valid', { exact: true }).waitFor();

    const headers = page.getByRole('textbox', { name: 'Headers' });
    await headers.fill('this line has no colon');
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await expect.poll(() => headers.getAttribute('aria-invalid')).toBe('true');
  });

  it('verifies the exact bytes of a picked capture (Instafill HMAC, pretty-printed by a proxy)', async () => {
    const secret = 'e2e-instafill-secret';
    const body = '{"event":"form.submitted","data":{"form_id":"f_1"}}';
    const signed = (await app.host.engine.call(
      'signBody',
      { scheme: 'instafill-hmac', body, secret },
      ctx,
    )) as {
      headers: Record<string, string>;
    };
    const health = (await app.host.engine.call('health', {}, ctx)) as { receiverUrl: string };
    // A proxy re-serialised the JSON: same data, different bytes.
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const res = await fetch(`${health.receiverUrl}/hooks/instafill`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers },
      body: pretty,
    });
    expect(res.status).toBeLessThan(500);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Verify' }).waitFor();
    await page.getByRole('radio', { name: 'From a capture' }).check();
    const picker = page.getByRole('combobox', { name: 'Capture' });
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption({ index: 1 });
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Headers' }).inputValue())
      .toContain('X-Instafill-Signature');
    expect(await page.getByRole('textbox', { name: 'Body' }).inputValue()).toBe(pretty);
    await page.getByRole('combobox', { name: 'Scheme' }).selectOption('instafill-hmac');
    await page.getByRole('combobox', { name: 'Verify with' }).selectOption('secret');
    await page.getByRole('textbox', { name: 'Secret' }).fill(secret);
    await page.getByRole('button', { name: 'Verify signature' }).click();
    await report().getByText('Invalid', { exact: true }).waitFor();
    expect(await report().textContent()).toContain('body_reserialised');

    await screenshot(page, 'verify-capture-light');

    // Other screens link to one capture: #/verify?capture=<id> loads its bytes and headers.
    await page.getByRole('textbox', { name: 'Body' }).fill('edited');
    await page.getByRole('textbox', { name: 'Headers' }).fill('');
    const captures = (await app.host.engine.call('listCaptures', {}, ctx)) as { items: { id: string }[] };
    const id = captures.items[0]!.id;
    await page.evaluate((capture) => {
      window.location.hash = `#/verify?capture=${capture}`;
    }, id);
    await expect.poll(() => page.getByRole('textbox', { name: 'Body' }).inputValue()).toBe(pretty);
    expect(await page.getByRole('textbox', { name: 'Headers' }).inputValue()).toContain(
      'X-Instafill-Signature',
    );

    await app.host.engine.call('updateSettings', { theme: 'dark' }, ctx);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'verify-dark');
  });
});
