/**
 * The tunnel pill in the header follows the engine's tunnel state: off → online (through the loopback
 * localtunnel server, set up from the pill's own dialog) with the public URL on each endpoint → trouble
 * when the server goes away → off again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { type Browser, launchBrowser, screenshot } from './browser.js';
import { type E2eHost, startE2eHost } from './host.js';

const ctx = { transport: 'cli', actor: 'e2e' } as const;

let app: E2eHost;
let browser: Browser;
let lt: LocaltunnelTestServer;
let page: Page;

beforeAll(async () => {
  lt = await LocaltunnelTestServer.start();
  app = await startE2eHost();
  browser = await launchBrowser();
  await app.host.engine.call('createEndpoint', { path: '/hooks/demo', name: 'Demo' }, ctx);
  page = await browser.newPage();
  await page.goto(app.uiUrl);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await lt?.stop();
});

const pill = () => page.getByRole('banner').getByRole('button', { name: /Tunnel/ });

describe('tunnel pill', () => {
  it('starts off', async () => {
    await expect.poll(() => pill().getAttribute('aria-label')).toMatch(/^Tunnel off/);
    await page.getByRole('listitem', { name: 'Endpoint Demo' }).getByText('turn the tunnel on').waitFor();
  });

  it('turns the tunnel on from its dialog and shows the public URL', async () => {
    await pill().click();
    const dialog = page.getByRole('dialog', { name: 'Public tunnel' });
    await dialog.getByText(/Friendly Reminder/).waitFor();
    await dialog.getByLabel('Tunnel server').fill('ftp://nope');
    await dialog.getByLabel('Expose the receiver on a public URL').check();
    await dialog.getByRole('button', { name: 'Save tunnel settings' }).click();
    await dialog.getByText(/must be an http:\/\/ or https:\/\/ URL/).waitFor();
    await screenshot(page, 'inbox-tunnel-dialog');

    await dialog.getByLabel('Tunnel server').fill(lt.url);
    await dialog.getByRole('button', { name: 'Save tunnel settings' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => pill().getAttribute('aria-label'), { timeout: 15_000 })
      .toMatch(/^Tunnel online at http/);
    const state = (await app.host.engine.call('getTunnel', {}, ctx)) as { url: string };
    const endpoint = page.getByRole('listitem', { name: 'Endpoint Demo' });
    await endpoint.getByText(`${state.url}/hooks/demo`).waitFor();
    await endpoint.getByRole('button', { name: 'Copy public URL of Demo' }).waitFor();
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByText(`Tunnel online: ${state.url}`)
      .waitFor();
    await screenshot(page, 'inbox-tunnel-online');
  });

  it('shows trouble when the tunnel server goes away, and off when turned off', async () => {
    await lt.stop();
    await expect
      .poll(() => pill().getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/^Tunnel (reconnecting|error|connecting)/);
    await screenshot(page, 'inbox-tunnel-trouble');
    await app.host.engine.call('updateTunnel', { enabled: false }, ctx);
    await expect.poll(() => pill().getAttribute('aria-label')).toMatch(/^Tunnel off/);
  });
});
