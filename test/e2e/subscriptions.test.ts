/**
 * Subscriptions through the real engine: the engine's validation beside the fields, events from the
 * catalog, the live condition preview, a custom retry schedule drawn, then a test event to a local HTTP
 * server with its answer inline, and the list's enabled switch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

let app: E2eHost;
let browser: Browser;
let page: Page;
let receiver: Server;
let receiverUrl: string;
const received: { headers: Record<string, unknown>; body: string }[] = [];

const ctx = { transport: 'cli', actor: 'e2e' } as const;
const describedBy = (name: string) =>
  page.getByRole('textbox', { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true,"by":"e2e receiver"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  app = await startE2eHost();
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(app.uiUrl.replace('#', '#/subscriptions&'));
  await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('subscriptions', () => {
  it('starts empty and opens the editor', async () => {
    await page.getByText('No subscriptions yet').waitFor();
    await screenshot(page, 'subscriptions-empty');
    await page.getByRole('link', { name: 'New subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'New subscription' }).waitFor();
  });

  it('shows the engine\u2019s errors beside an empty event list, then a bad URL', async () => {
    await page.getByRole('textbox', { name: 'URL' }).fill('not a url');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByRole('alert').filter({ hasText: 'fix the fields marked below' }).waitFor();
    await expect
      .poll(() => page.getByRole('group', { name: 'Events' }).textContent())
      .toContain('at least one event');

    await page.getByRole('searchbox', { name: 'Search event types' }).fill('form.comp');
    await page.getByRole('checkbox', { name: /^form\.completed/ }).check();
    await page.getByRole('list', { name: 'Selected events' }).getByText('form.completed').waitFor();
    await page.getByRole('button', { name: 'Create subscription' }).click();
    const url = page.getByRole('textbox', { name: 'URL' });
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    expect((await describedBy('URL')).length).toBeGreaterThan(0);
    await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    await screenshot(page, 'subscriptions-validation');
    expect(await app.host.engine.call('listSubscriptions', {}, ctx)).toEqual([]);
  });

  it('previews the condition live against the event\u2019s sample', async () => {
    await page.getByRole('textbox', { name: 'URL' }).fill(receiverUrl);
    await page.getByRole('textbox', { name: 'Name' }).fill('E2E receiver');
    const condition = page.getByRole('textbox', { name: 'Condition' });
    const preview = page.getByRole('status', { name: 'Condition preview' });
    await condition.fill('data.form_name == "Job Application Form"');
    await expect.poll(() => preview.textContent()).toContain('Matches');
    await condition.fill('event == "form.failed"');
    await expect.poll(() => preview.textContent()).toContain('No match');
    await condition.fill('data.total >');
    await expect.poll(() => preview.textContent()).toContain('Invalid');
  });

  it('refuses an invalid condition on save, with the engine\u2019s message beside it', async () => {
    await page.getByRole('button', { name: 'Create subscription' }).click();
    const condition = page.getByRole('textbox', { name: 'Condition' });
    await expect.poll(() => condition.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy('Condition')).toMatch(/CEL|condition/i);
    // The editor took the focus to the refused field, so it is on screen.
    expect(await condition.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'subscriptions-condition-error');
    await condition.fill('event == "form.completed" || test');
  });

  it('draws a custom retry schedule and creates the subscription', async () => {
    await page.getByRole('combobox', { name: 'Retry policy' }).selectOption('custom');
    await page.getByRole('textbox', { name: 'Retry delays (seconds)' }).fill('0, 60, 300, 3600');
    const timeline = page.getByRole('img', { name: /attempts over/ });
    await expect.poll(() => timeline.getAttribute('aria-label')).toContain('5 attempts');
    await page.getByRole('textbox', { name: 'Custom headers' }).fill('X-Team: e2e');
    await screenshot(page, 'subscriptions-editor');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E receiver' }).waitFor();
    const [sub] = (await app.host.engine.call('listSubscriptions', {}, ctx)) as {
      url: string;
      events: string[];
      retry: { preset: string; delaysSec: number[] };
      headers: Record<string, string>;
    }[];
    expect(sub).toMatchObject({
      url: receiverUrl,
      events: ['form.completed'],
      retry: { preset: 'custom', delaysSec: [0, 60, 300, 3600] },
      headers: { 'X-Team': 'e2e' },
    });
  });

  it('sends a test event and shows the response inline', async () => {
    await page.getByRole('button', { name: 'Send test event' }).click();
    const result = page.getByRole('region', { name: 'Test response' });
    await result.getByText('HTTP 200').waitFor();
    expect(await result.getByRole('region', { name: 'Response body' }).textContent()).toContain(
      'e2e receiver',
    );
    expect(await result.textContent()).toMatch(/\d+ ms/);
    expect(received.length).toBe(1);
    expect(received[0]!.headers['x-team']).toBe('e2e');
    expect(received[0]!.headers['x-instafill-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    await page.mouse.wheel(0, 4000);
    await screenshot(page, 'subscriptions-test-sent');
  });

  it('lists it with its success sparkline and pauses it with the switch', async () => {
    await page.getByRole('link', { name: 'All subscriptions' }).click();
    const toggle = page.getByRole('switch', { name: 'Enabled: E2E receiver' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.getByText('Subscription paused').waitFor();
    const [sub] = (await app.host.engine.call('listSubscriptions', {}, ctx)) as { enabled: boolean }[];
    expect(sub!.enabled).toBe(false);
    await screenshot(page, 'subscriptions-list');

    await app.host.engine.call('updateSettings', { theme: 'dark' }, ctx);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'subscriptions-list-dark');
  });

  it('deletes it after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete E2E receiver' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete E2E receiver?' });
    await dialog.getByRole('button', { name: 'Delete subscription' }).click();
    await page.getByText('No subscriptions yet').waitFor();
    expect(await app.host.engine.call('listSubscriptions', {}, ctx)).toEqual([]);
  });
});
