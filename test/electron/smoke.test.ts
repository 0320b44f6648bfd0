/**
 * The desktop app, end to end: launch the built app with the real Electron binary (Playwright's _electron),
 * see the window and the live health in the status bar through the preload bridge, quit cleanly.
 * Runs only where the binary exists and can show a window; otherwise skips saying exactly why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HookscopeBridge } from '../../renderer/api/bridge-types.js';
import { METHOD_NAMES } from '../../shared/contract/method-names.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const LAUNCH_TIMEOUT_MS = 30_000;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The Electron executable, or why this machine cannot run the smoke test. Never triggers a download. */
function findElectron(): { path: string } | { skip: string } {
  const pathTxt = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathTxt)) {
    return {
      skip: 'Electron binary not installed: node_modules/electron/path.txt missing — npm here does not run install scripts / cannot download',
    };
  }
  const path = join(ELECTRON_DIR, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(path))
    return { skip: `Electron binary not installed: ${path} (named by path.txt) does not exist` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return {
      skip: 'no display: DISPLAY and WAYLAND_DISPLAY are unset (run under xvfb-run to include this test)',
    };
  }
  return { path };
}

const electron = findElectron();

describe('desktop app (Electron smoke test)', () => {
  if ('skip' in electron) {
    it.skip(`skipped: ${electron.skip}`, () => {});
    return;
  }
  const data = tempDir('hookscope-electron-');
  afterAll(() => data.remove());

  it('opens the window, shows live health from the engine over IPC, and quits', async () => {
    expect(existsSync(join(ROOT, 'dist', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
    const { _electron } = await import('playwright-core');
    const env = { ...process.env, HOOKSCOPE_DATA: data.dir } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await _electron.launch({
      executablePath: electron.path,
      args: [ROOT],
      cwd: ROOT,
      env,
      timeout: LAUNCH_TIMEOUT_MS,
    });
    try {
      const page = await app.firstWindow();
      await expect.poll(() => page.title(), { timeout: LAUNCH_TIMEOUT_MS }).toMatch(/Hookscope/);
      expect(new URL(page.url()).protocol).toBe('app:');

      const bridgeKeys = await page.evaluate(() => Object.keys(window.hookscope ?? {}).sort());
      expect(bridgeKeys).toEqual([...METHOD_NAMES, 'onLive'].sort());
      const health = await page.evaluate(() => (window.hookscope as HookscopeBridge).health({}));
      expect([health.host, health.version, health.dataDir]).toEqual(['desktop', VERSION, data.dir]);
      // The page has no Node: the sandbox and context isolation hold.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      );

      const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
      await expect
        .poll(() => statusBar.textContent(), { timeout: LAUNCH_TIMEOUT_MS })
        .toContain(`v${VERSION}`);
      expect(await statusBar.textContent()).toContain('Desktop');
      expect(await page.getByRole('status', { name: 'Live connection' }).textContent()).toContain('Live');

      // The application menu changes area in place (a hash navigation on app://, no reload, no new IPC).
      const marker = await page.evaluate(() => {
        (window as { smokeMarker?: number }).smokeMarker = 42;
        return 42;
      });
      const clicked = await app.evaluate(({ Menu }) => {
        const item = Menu.getApplicationMenu()?.getMenuItemById('go-deliveries');
        item?.click();
        return item !== null && item !== undefined;
      });
      expect(clicked).toBe(true);
      await expect
        .poll(() => page.url(), { timeout: LAUNCH_TIMEOUT_MS })
        .toBe('app://hookscope/index.html#/deliveries');
      expect(await page.evaluate(() => (window as { smokeMarker?: number }).smokeMarker)).toBe(marker);
    } finally {
      await app.close();
    }
    // The engine released the data folder on quit (graceful shutdown flushed and unlocked).
    expect(existsSync(join(data.dir, 'hookscope.lock'))).toBe(false);
    // …and remembered the window for the next start.
    expect(existsSync(join(data.dir, 'window-state.json'))).toBe(true);
  });
});
