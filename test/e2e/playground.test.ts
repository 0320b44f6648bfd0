/**
 * The Playground on its own: the catalog search, JSON validation in the CodeMirror editor, firing to every
 * matching subscription, a one-off signed send to an ad-hoc URL with the answer inline, and a scenario run
 * stepped through on the manual clock from the status bar.
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared/contract/index.js';
import { startReceiver, type WebhookReceiver } from '../helpers/dispatcher-harness.js';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const ctx: CallContext = { transport: 'cli', actor: 'e2e' };
const BATCH_STEPS = 11;
let app: E2eHost;
let browser: Browser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  receiver = await startReceiver([{ status: 204 }]);
  await app.host.engine.call(
    'createSubscription',
    { name: 'Batch watcher', url: `${receiver.url}/batches`, events: ['batch.*'] },
    ctx,
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await receiver?.close();
});

const ui = (route: string) => app.uiUrl.replace('#', `#/${route}&`);

/** Progress sent before the page's live stream is open would never reach it. */
async function openLive(page: Page, route: string): Promise<void> {
  await page.goto(ui(route));
  await expect.poll(() => page.getByRole('status', { name: 'Live connection' }).textContent()).toBe('Live');
}

describe('playground', () => {
  it('validates the JSON payload and fires to every matching subscription', async () => {
    const page = await browser.newPage();
    await openLive(page, 'playground');
    const types = page.getByRole('listbox', { name: 'Event type' });
    await page.getByRole('searchbox', { name: 'Search event types' }).fill('batch');
    await expect.poll(() => types.getByRole('option').count()).toBe(4);
    await types.selectOption('batch.started');
    const editor = page.getByRole('textbox', { name: 'Payload JSON' });
    await expect.poll(() => editor.textContent()).toContain('"batch_id"');

    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{"batch_id": "batch_e2e", ');
    await page.getByRole('button', { name: 'Fire event' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not valid JSON' }).count()).toBe(1);
    await screenshot(page, 'playground-invalid-json');
    expect(receiver.received).toHaveLength(0);

    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('"total_forms": 3}');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Not valid JSON' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Fire event' }).click();
    const fired = page.getByRole('list', { name: /Deliveries of evt_/ });
    await expect.poll(() => fired.textContent(), { timeout: 10_000 }).toContain('Succeeded');
    expect(await fired.textContent()).toContain('Batch watcher');
    const body = JSON.parse(receiver.received[0]!.body.toString('utf8')) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({ batch_id: 'batch_e2e', total_forms: 3 });

    await page.getByRole('button', { name: 'Reset to sample' }).click();
    await expect.poll(() => editor.textContent()).not.toContain('batch_e2e');
    // The editor's own parse-error marker clears too (CodeMirror draws it; there is no role for it).
    await expect.poll(() => page.locator('.cm-lint-marker-error').count()).toBe(0);

    await app.host.engine.call('updateSettings', { theme: 'dark' }, ctx);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('heading', { name: 'Fired events' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-dark');
    await app.host.engine.call('updateSettings', { theme: 'light' }, ctx);
    await page.close();
  });

  it('sends once to an ad-hoc URL with a scheme and secret and shows the response inline', async () => {
    const adhoc = await startReceiver([
      { status: 202, headers: { 'content-type': 'application/json' }, body: '{"accepted":"adhoc"}' },
    ]);
    try {
      const page = await browser.newPage();
      await openLive(page, 'playground');
      await page.getByRole('listbox', { name: 'Event type' }).selectOption('form.completed');
      const sendTo = page.getByRole('group', { name: 'Send to' });
      await sendTo.getByRole('radio', { name: 'Ad-hoc URL' }).check();
      expect(await page.getByText('ad-hoc sends are not possible', { exact: false }).count()).toBe(0);
      const target = page.getByRole('group', { name: 'Ad-hoc URL' });
      await target.getByRole('textbox', { name: 'URL' }).fill(`${adhoc.url}/adhoc`);
      await target.getByRole('combobox', { name: 'Signing scheme' }).selectOption('instafill-hmac');
      await target.getByLabel('Secret', { exact: true }).fill('playground-secret');
      await page.getByRole('button', { name: 'Send once' }).click();

      const result = page.getByRole('region', { name: 'Ad-hoc send' });
      await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('HTTP 202');
      expect(await result.textContent()).toContain('{"accepted":"adhoc"}');
      const sent = result.getByRole('table', { name: 'Headers sent' });
      expect(await sent.textContent()).toContain('X-Instafill-Signature');
      expect(await result.getByRole('list', { name: 'Timings' }).count()).toBe(1);

      expect(adhoc.received).toHaveLength(1);
      const got = adhoc.received[0]!;
      expect(got.url).toBe('/adhoc');
      expect(got.headers['x-instafill-signature']).toBe(
        `sha256=${createHmac('sha256', 'playground-secret').update(got.body).digest('hex')}`,
      );
      await result.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'playground-adhoc');
      await page.close();
    } finally {
      await adhoc.close();
    }
  });

  it('runs a scenario and shows its progress while the clock is stepped', async () => {
    await app.host.engine.call('setClock', { mode: 'manual' }, ctx);
    const before = receiver.received.length;
    const page = await browser.newPage();
    await openLive(page, 'playground');
    await page.getByRole('button', { name: 'Run Instafill batch' }).click();
    const progress = page.getByRole('status', { name: 'Instafill batch progress text' });
    await expect.poll(() => progress.textContent()).toBe(`1 of ${BATCH_STEPS} steps fired`);
    await screenshot(page, 'playground-scenario');

    const statusClock = page.getByRole('region', { name: 'Clock (status)' });
    await expect.poll(() => statusClock.textContent()).toContain(`${BATCH_STEPS - 1} pending`);
    for (let step = 2; step <= BATCH_STEPS; step++) {
      await statusClock.getByRole('button', { name: 'Step' }).click();
      await expect.poll(() => progress.textContent()).toContain(`${step} of ${BATCH_STEPS} steps fired`);
    }
    await expect
      .poll(() => progress.textContent())
      .toBe(`${BATCH_STEPS} of ${BATCH_STEPS} steps fired · done`);
    expect(
      await page.getByRole('progressbar', { name: 'Instafill batch progress' }).getAttribute('value'),
    ).toBe(String(BATCH_STEPS));
    await expect.poll(() => receiver.received.length - before, { timeout: 10_000 }).toBe(BATCH_STEPS);
    await screenshot(page, 'playground-scenario-done');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(BATCH_STEPS + 2);
    await screenshot(page, 'clock-status-bar');
    await page.close();
  });
});
