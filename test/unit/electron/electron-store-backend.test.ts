/**
 * The desktop ConfBackend against the real electron-store and the engine's config store: same file
 * layout and mode as the headless host's conf backend, and electron-store's own IPC listener removed.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openConfigStore } from '../../../electron/core/store/config-store.js';
import { tempDir } from '../../helpers/tmp.js';

const electron = vi.hoisted(() => {
  // electron-store (a node_modules package vitest does not transform) loads the real 'electron' package,
  // whose index.js would try to download the binary; with this set it just returns a path string.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
  return { ipcMain: { removeAllListeners: vi.fn() } };
});
vi.mock('electron', () => ({ ...electron, default: electron }));

const { electronStoreBackend } = await import('../../../electron/main/electron-store-backend.js');
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('electronStoreBackend', () => {
  it('writes <cwd>/<configName>.json with mode 0600, like the conf backend', () => {
    const cwd = join(tmp.dir, 'config');
    const issues: unknown[] = [];
    const store = openConfigStore<{ settings: { theme: string } }>(electronStoreBackend, {
      cwd,
      name: 'settings',
      defaults: { settings: { theme: 'system' } },
      projectVersion: '0.1.0',
      onIssue: (issue) => issues.push(issue),
    });
    store.set('settings', { theme: 'dark' });
    const file = join(cwd, 'settings.json');
    expect(store.path).toBe(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ settings: { theme: 'dark' } });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(issues).toEqual([]);
  });

  it('reads back what an earlier run wrote', () => {
    const store = openConfigStore<{ settings: { theme: string } }>(electronStoreBackend, {
      cwd: join(tmp.dir, 'config'),
      name: 'settings',
      defaults: { settings: { theme: 'system' } },
      projectVersion: '0.1.0',
      onIssue: () => {},
    });
    expect(store.get('settings')).toEqual({ theme: 'dark' });
  });

  it("removes electron-store's renderer IPC listener, so no handler bypasses ipc.ts", () => {
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });
});
