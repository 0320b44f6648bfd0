/**
 * The desktop's ConfBackend: electron-store, which is conf plus Electron defaults. The engine passes an
 * absolute `cwd` under the data dir (= userData) and the same schemas and migrations as the headless host,
 * so one data folder works with both. Security: electron-store answers a renderer IPC channel we never use;
 * it is removed so no handler exists outside ipc.ts's origin check.
 */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { ConfBackend, ConfBackendOptions, ConfLike } from '../core/store/types.js';

/** Registered by electron-store's constructor for renderer-side stores (we have none: the renderer is sandboxed). */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export const electronStoreBackend: ConfBackend = <T extends Record<string, unknown>>(
  options: ConfBackendOptions<T>,
): ConfLike<T> => {
  // electron-store names the file with `name` and overwrites conf's `configName` with it.
  const { configName, ...rest } = options;
  const store = new Store<T>({ ...(rest as ConstructorParameters<typeof Store<T>>[0]), name: configName });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store as unknown as ConfLike<T>;
};
