/**
 * Sending, end to end in Chromium: an event fired from the Playground to a flaky receiver (500, 502, then
 * 200) is walked through its retries on the manual clock from the Deliveries timeline; a subscription to
 * the host's own receiver succeeds; a final failure raises an alert toast.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, HealthInfo } from '../../shared/contract/index.js';
import { startReceiver, type WebhookReceiver } from '../helpers/dispatcher-harness.js';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const ctx: CallContext = { transport: 'cli', actor: 'e2e' };
let app: E2eHost;
let browser: Browser;
let flaky: WebhookReceiver;
let broken: WebhookReceiver;

beforeAll(async () => {
  app = await startE2eHost();
  browser = await launchBrowser();
  flaky = await startReceiver([
    { status: 500, body: 'boom' },
    { status: 502, body: 'bad gateway' },
    { status: 200, body: '{"ok":true}' },
  ]);
  broken = await startReceiver([{ status: 503, body: 'down' }]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await flaky?.close();
  await broken?.close();
});

const ui = (route: string) => app.uiUrl.replace('#', `#/${route}&`);

/** Events sent before the page's live stream is open would never reach it. */
async function openLive(page: Page, route: string): Promise<void> {
  await page.goto(ui(route));
  await expect.poll(() => page.getByRole('status', { name: 'Live connection' }).textContent()).toBe('Live');
}

describe('deliveries', () => {
  it('fires from the Playground and steps a flaky receiver through its retries on the manual clock', async () => {
    await app.host.engine.call(
      'createSubscription',
      { name: 'Flaky receiver', url: `${flaky.url}/hooks`, events: ['form.completed'] },
      ctx,
    );
    const page = await browser.newPage();
    await openLive(page, 'playground');
    await page.getByRole('searchbox', { name: 'Search event types' }).fill('form.comp');
    await page.getByRole('listbox', { name: 'Event type' }).selectOption('form.completed');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Payload JSON' }).textContent())
      .toContain('"form_id"');
    await page.getByRole('radio', { name: 'Only these subscriptions' }).check();
    await page.getByRole('checkbox', { name: /Flaky receiver/ }).check();
    await page.getByLabel('Workspace id').fill('ws_sales');
    await page.getByRole('button', { name: 'Fire event' }).click();

    const fired = page.getByRole('list', { name: /Deliveries of evt_/ });
    await expect.poll(() => fired.textContent(), { timeout: 10_000 }).toContain('attempt 1/6 · 500');
    expect(await fired.textContent()).toContain('Pending');
    await page.getByRole('heading', { name: 'Fired events' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-fired');

    await fired.getByRole('link', { name: 'Flaky receiver' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /form\.completed to Flaky receiver/ }).count())
      .toBe(1);
    const clock = page.getByRole('region', { name: 'Clock', exact: true });
    await clock.getByRole('radio', { name: 'Manual' }).check();
    await expect.poll(() => clock.textContent()).toContain('1 pending');
    const timeline = page.getByRole('list', { name: 'Attempts' });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(6);
    expect(await timeline.getByRole('listitem').nth(0).textContent()).toContain('500');
    expect(await timeline.getByRole('listitem').nth(1).textContent()).toMatch(/Due .*\(in (1m 00s|\d+s)\)/);
    expect(await timeline.getByRole('listitem').nth(2).textContent()).toContain('Planned about');
    await screenshot(page, 'clock-manual');

    await page.getByRole('button', { name: 'Step clock' }).click();
    await expect.poll(() => timeline.getByRole('listitem').nth(1).textContent()).toContain('502');
    expect(await timeline.getByRole('listitem').nth(1).textContent()).toContain('+1m');
    await page.getByRole('button', { name: 'Step clock' }).click();
    await expect.poll(() => timeline.getByRole('listitem').nth(2).textContent()).toContain('200 OK');
    expect(await timeline.getByRole('listitem').nth(2).textContent()).toContain('+6m');
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(3);
    await expect.poll(() => page.getByText('Succeeded', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Response' }).textContent()).toContain('{"ok":true}');
    expect(await page.getByRole('list', { name: 'Timings' }).textContent()).toMatch(/First byte[\d.]+ ms/);
    expect(flaky.received).toHaveLength(3);
    expect(flaky.received[0]!.headers['x-instafill-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    await screenshot(page, 'deliveries-timeline');

    // An older attempt opens on a click: its request as sent, its response.
    await timeline.getByRole('button', { name: /Attempt 1: 500/ }).click();
    expect(await page.getByRole('region', { name: 'Response' }).textContent()).toContain('boom');
    // The first attempt opened a new connection, so it has a connect phase in its waterfall.
    await expect
      .poll(() => page.getByRole('list', { name: 'Timings' }).textContent())
      .toMatch(/Connect[\d.]+ ms/);
    expect(await page.getByRole('table', { name: 'Request headers' }).textContent()).toContain(
      'X-Instafill-Signaturesha256=',
    );
    await page.close();
  });

  it('delivers to an endpoint on the host’s own receiver and lists it live', async () => {
    const health = (await app.host.engine.call('health', {}, ctx)) as HealthInfo;
    await app.host.engine.call('createEndpoint', { path: '/hooks/own', name: 'Own receiver' }, ctx);
    await app.host.engine.call(
      'createSubscription',
      { name: 'Own receiver', url: `${health.receiverUrl}/hooks/own`, events: ['batch.completed'] },
      ctx,
    );
    const page = await browser.newPage();
    await openLive(page, 'deliveries');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2); // header + the flaky one
    await app.host.engine.call('fireEvent', { type: 'batch.completed' }, ctx);
    const row = page.getByRole('row', { name: /batch\.completed to Own receiver/ });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Succeeded');
    expect(await row.textContent()).toContain('1/6');

    await page.getByRole('combobox', { name: 'Status' }).selectOption('succeeded');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(3);
    await page.getByRole('combobox', { name: 'Subscription' }).selectOption({ label: 'Own receiver' });
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Subscription' }).selectOption({ label: 'All subscriptions' });
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(3);
    await screenshot(page, 'deliveries-list');

    await page.getByRole('link', { name: 'batch.completed to Own receiver' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Attempts' }).textContent()).toMatch(/20\d OK/);
    await screenshot(page, 'deliveries-detail');
    await page.getByRole('heading', { name: 'Timings' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'deliveries-attempt');
    await app.host.engine.call('updateSettings', { theme: 'dark' }, ctx);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'deliveries-detail-dark');
    await app.host.engine.call('updateSettings', { theme: 'light' }, ctx);
    await page.close();
  });

  it('raises an alert toast when a delivery fails for good', async () => {
    await app.host.engine.call(
      'createSubscription',
      {
        name: 'Broken receiver',
        url: `${broken.url}/hooks`,
        events: ['payment.failed'],
        retry: { preset: 'none' },
      },
      ctx,
    );
    const page = await browser.newPage();
    await openLive(page, 'deliveries');
    await expect.poll(() => page.getByRole('table').count()).toBe(1);
    await app.host.engine.call('fireEvent', { type: 'payment.failed' }, ctx);
    const toast = page.getByRole('alert').filter({ hasText: 'Delivery failed for good' });
    await expect.poll(() => toast.count(), { timeout: 10_000 }).toBe(1);
    expect(await toast.textContent()).toContain('Broken receiver');
    await expect
      .poll(() => page.getByRole('row', { name: /payment\.failed to Broken receiver/ }).textContent())
      .toContain('Failed');
    await screenshot(page, 'deliveries-alert');
    await page.close();
  });

  it('cancels pending retries and switches the clock to scaled', async () => {
    await app.host.engine.call(
      'createSubscription',
      { name: 'Down receiver', url: `${broken.url}/down`, events: ['quota.exceeded'] },
      ctx,
    );
    const fired = (await app.host.engine.call('fireEvent', { type: 'quota.exceeded' }, ctx)) as {
      deliveries: { id: string }[];
    };
    const page = await browser.newPage();
    await openLive(page, `deliveries/${fired.deliveries[0]!.id}`);
    const timeline = page.getByRole('list', { name: 'Attempts' });
    await expect
      .poll(() => timeline.getByRole('listitem').first().textContent(), { timeout: 10_000 })
      .toContain('503');

    const clock = page.getByRole('region', { name: 'Clock', exact: true });
    await clock.getByRole('radio', { name: 'Scaled' }).check();
    await expect.poll(() => clock.getByRole('combobox', { name: 'Clock speed' }).inputValue()).toBe('60');
    await clock.getByRole('combobox', { name: 'Clock speed' }).selectOption('600');
    await expect
      .poll(async () => ((await app.host.engine.call('getClock', {}, ctx)) as { speed: number }).speed)
      .toBe(600);
    await screenshot(page, 'clock-scaled');
    await clock.getByRole('radio', { name: 'Manual' }).check();
    await expect
      .poll(async () => ((await app.host.engine.call('getClock', {}, ctx)) as { mode: string }).mode)
      .toBe('manual');

    await page.getByRole('button', { name: 'Cancel retries' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: /quota\.exceeded to Down receiver/ })
          .locator('..')
          .textContent(),
      )
      .toContain('Canceled');
    // The scaled clock may have run the +1 min retry already; whatever was left is now marked as never run.
    await expect.poll(() => timeline.getByText('Not run').count()).toBeGreaterThanOrEqual(4);
    expect(await timeline.getByRole('listitem').count()).toBe(6);
    expect(await timeline.getByText(/^Due /).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel retries' }).count()).toBe(0);
    await screenshot(page, 'deliveries-canceled');
    await page.close();
  });
});
