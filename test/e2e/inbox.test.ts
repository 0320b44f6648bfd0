/**
 * The inbox in real Chromium against the headless host: webhooks sent with real curl appear live and are
 * judged (valid / invalid with the doctor's reason); replay with an edited body; HAR export then import;
 * the endpoint editor's inline errors; the keyboard and the `?` overlay.
 */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail, Endpoint } from '../../shared/contract/index.js';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const run = promisify(execFile);
const ctx = { transport: 'cli', actor: 'e2e' } as const;
const SECRET = 'instafill-e2e-secret';

let app: E2eHost;
let browser: Browser;
let page: Page;
let endpoint: Endpoint;
let receiverUrl: string;
const replayed: { body: string; headers: http.IncomingHttpHeaders }[] = [];
let target: http.Server;
let targetUrl: string;

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

async function curlPost(path: string, body: string, signature: string): Promise<string> {
  const { stdout } = await run('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '-w',
    '%{http_code}',
    '-X',
    'POST',
    `${receiverUrl}${path}`,
    '-H',
    'Content-Type: application/json',
    '-H',
    'X-Instafill-Event: form.submitted',
    '-H',
    `X-Instafill-Signature: ${signature}`,
    '--data-binary',
    body,
  ]);
  return stdout;
}

const rows = () => page.getByRole('listbox', { name: 'Captures' }).getByRole('option');

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  endpoint = (await app.host.engine.call(
    'createEndpoint',
    { path: '/hooks/instafill', name: 'Instafill', verify: { scheme: 'instafill-hmac', secret: SECRET } },
    ctx,
  )) as Endpoint;
  receiverUrl = ((await app.host.engine.call('health', {}, ctx)) as { receiverUrl: string }).receiverUrl;
  target = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      replayed.push({ body: Buffer.concat(chunks).toString(), headers: req.headers });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"replayed":true}');
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/replay-target`;
  page = await browser.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
  await page.goto(app.uiUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((r) => target?.close(r));
});

describe('inbox', () => {
  it('teaches with a ready curl command that really sends a valid signed webhook', async () => {
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText('No webhooks here yet').waitFor();
    await page.getByLabel(/Sign with secret/).fill(SECRET);
    const command = page.locator('.inbox-empty pre').first();
    await expect.poll(() => command.textContent()).toMatch(/sha256=[0-9a-f]{64}/);
    await screenshot(page, 'inbox-empty');
    // Paste it into a shell, as a person would.
    await run('bash', ['-c', `${(await command.textContent()) ?? ''} -o /dev/null -w '%{http_code}'`]);
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => rows().first().textContent()).toContain('test.webhook');
    expect(await rows().first().getByText('valid', { exact: true }).count()).toBe(1);
  });

  it('shows a signed Instafill webhook sent with curl live, as valid', async () => {
    const body = JSON.stringify({
      event: 'form.submitted',
      event_id: 'evt_valid_1',
      data: { formId: 'f_1' },
    });
    expect(await curlPost(endpoint.path, body, sign(body))).toBe('200');
    await expect.poll(() => rows().count()).toBe(2);
    const row = rows().first();
    await expect.poll(() => row.getByText('valid', { exact: true }).count()).toBe(1);
    await row.click();
    const detail = page.getByRole('region', { name: 'Capture detail' });
    await detail.getByText('X-Instafill-Signature', { exact: true }).waitFor();
    await detail.getByText('evt_valid_1', { exact: false }).first().waitFor();
    await screenshot(page, 'inbox-valid');
    await detail.getByRole('heading', { name: 'Body' }).scrollIntoViewIfNeeded();
    await detail.getByRole('radio', { name: 'Pretty' }).waitFor();
    await screenshot(page, 'inbox-body');
    await detail.getByRole('radio', { name: 'Hex' }).check();
    await detail.getByText(/^00000000 {2}7b 22/m).waitFor();
  });

  it('shows a tampered webhook as invalid with the doctor’s reason', async () => {
    const signed = JSON.stringify({ event: 'form.submitted', event_id: 'evt_bad_1', data: { amount: 10 } });
    const tampered = signed.replace('10', '1000');
    await curlPost(endpoint.path, tampered, sign(signed));
    await expect.poll(() => rows().count()).toBe(3);
    const first = rows().first();
    await expect.poll(() => first.textContent()).toMatch(/invalid/);
    await first.click();
    const list = (await app.host.engine.call('listCaptures', { limit: 1 }, ctx)) as {
      items: { id: string }[];
    };
    const detail = (await app.host.engine.call(
      'getCapture',
      { id: list.items[0]!.id },
      ctx,
    )) as CaptureDetail;
    const reason = detail.verification!.diagnosis[0]!;
    const panel = page.getByRole('region', { name: 'Capture detail' });
    await panel.getByRole('list', { name: 'Signature doctor findings' }).getByText(reason.title).waitFor();
    expect(await panel.getByText('invalid', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'inbox-invalid');
  });

  it('moves with j/k, opens with Enter, and lists the shortcuts on ?', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Capture detail' }).count()).toBe(0);
    await page.keyboard.press('j');
    await expect.poll(() => rows().nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => rows().nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Capture detail' }).waitFor();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search captures',
    );
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await overlay.getByText('Replay the open capture').waitFor();
    await overlay.getByText('Select or deselect the focused capture').waitFor();
    await screenshot(page, 'inbox-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
  });

  it('copies the open capture as curl with c', async () => {
    await page.keyboard.press('c');
    await page.getByText('Copied as curl').waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toMatch(/\bcurl /);
    expect(clip).toContain('X-Instafill-Signature');
  });

  it('replays with an edited body to a local server and shows its answer', async () => {
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Replay capture' });
    await dialog.getByLabel('Send to URL').fill(targetUrl);
    await dialog.getByLabel('Body', { exact: true }).fill('{"edited":true}');
    await dialog.getByRole('button', { name: 'Send replay' }).click();
    await dialog.getByRole('region', { name: 'Replay response' }).getByText('{"replayed":true}').waitFor();
    expect(replayed.at(-1)?.body).toBe('{"edited":true}');
    await screenshot(page, 'inbox-replay');
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await page
      .getByRole('region', { name: 'Capture detail' })
      .getByRole('heading', { name: 'Replays' })
      .waitFor();
  });

  it('exports HAR and imports it back', async () => {
    await page.getByLabel('Export scope').selectOption('all');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export HAR', exact: true }).first().click(),
    ]);
    const file = await download.path();
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(3);

    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import captures' });
    await dialog.getByLabel('HAR file').setInputFiles(file);
    await expect.poll(() => dialog.getByRole('textbox').inputValue()).toContain('"entries"');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 3 captures').waitFor();
    await expect.poll(() => rows().count()).toBe(6);
    await expect.poll(() => rows().filter({ hasText: 'imported' }).count()).toBe(3);
    await screenshot(page, 'inbox-imported');
  });

  it('imports a pasted curl command', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import captures' });
    await dialog
      .getByLabel('Or paste HAR JSON or a curl command')
      .fill(`curl -X POST ${receiverUrl}/from-curl -H 'Content-Type: application/json' --data '{"a":1}'`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 1 capture').waitFor();
    await expect.poll(() => rows().filter({ hasText: '/from-curl' }).count()).toBe(1);
  });

  it('edits an endpoint and shows the API’s problems beside the fields', async () => {
    await page.getByRole('button', { name: 'New endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'New endpoint' });
    await dialog.getByLabel('Path', { exact: true }).fill('no-slash here');
    await dialog.getByLabel('Status', { exact: true }).fill('99');
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    await dialog.getByText(/a path starts with \//).waitFor();
    await dialog
      .getByRole('alert')
      .getByText(/fix the 2 marked fields/)
      .waitFor();
    await screenshot(page, 'inbox-editor');
    await dialog.getByLabel('Path', { exact: true }).fill('/hooks/flaky');
    await dialog.getByLabel('Status', { exact: true }).fill('200');
    await dialog.getByLabel('Name', { exact: true }).fill('Flaky');
    await dialog.getByLabel('Fail the first N').fill('2');
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();
    await page.getByRole('listitem', { name: 'Endpoint Flaky' }).waitFor();
    const endpoints = (await app.host.engine.call('listEndpoints', {}, ctx)) as Endpoint[];
    expect(endpoints.find((e) => e.path === '/hooks/flaky')?.response.failFirst).toBe(2);

    await page.getByRole('button', { name: 'Edit Flaky' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Flaky' });
    await edit.getByRole('button', { name: 'Delete endpoint' }).click();
    await edit.getByRole('button', { name: /Really delete/ }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Endpoint Flaky' }).count()).toBe(0);
  });

  it('exports and deletes exactly the checked captures', async () => {
    for (const n of [1, 2, 3]) {
      const body = JSON.stringify({ event: 'form.submitted', event_id: `evt_sel_${n}`, data: { n } });
      expect(await curlPost(endpoint.path, body, sign(body))).toBe('200');
    }
    const before = await rows().count();
    const newest = (await app.host.engine.call('listCaptures', { limit: 3 }, ctx)) as {
      items: { id: string }[];
    };
    await expect.poll(() => rows().count()).toBe(before);
    const [third, second, first] = newest.items.map((c) => c.id);
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    const box = (i: number) =>
      rows()
        .nth(i)
        .getByRole('checkbox', { name: /^Select POST \/hooks\/instafill at / });
    // Tick the newest, shift-tick the third down (a range of three), then untick the middle one.
    await box(0).click();
    await box(2).click({ modifiers: ['Shift'] });
    await bar.getByText('3 captures selected').waitFor();
    await box(1).click();
    await bar.getByText('2 captures selected').waitFor();
    expect(await box(0).isChecked()).toBe(true);
    expect(await box(1).isChecked()).toBe(false);
    await screenshot(page, 'inbox-selection');

    await page.getByLabel('Export scope').selectOption('selected');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export HAR', exact: true }).first().click(),
    ]);
    const har = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      log: { entries: { _hookscope: { captureId: string } }[] };
    };
    expect(har.log.entries.map((e) => e._hookscope.captureId).sort()).toEqual([third, first].sort());

    await bar.getByRole('button', { name: 'Delete selected' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 2 captures?' })
      .getByRole('button', { name: 'Delete 2 captures' })
      .click();
    await expect.poll(() => rows().count()).toBe(before - 2);
    await bar.getByText(/None selected/).waitFor();
    const left = (await app.host.engine.call('listCaptures', { limit: 500 }, ctx)) as {
      items: { id: string }[];
    };
    const ids = left.items.map((c) => c.id);
    expect(ids).toContain(second);
    expect(ids).not.toContain(third);
    expect(ids).not.toContain(first);
    // x ticks the cursor's row.
    await page.keyboard.press('x');
    await bar.getByText('1 capture selected').waitFor();
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await bar.getByText(/None selected/).waitFor();
  });

  it('deletes a capture', async () => {
    const before = await rows().count();
    await rows().first().click();
    await page
      .getByRole('region', { name: 'Capture detail' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => rows().count()).toBe(before - 1);
  });
});
