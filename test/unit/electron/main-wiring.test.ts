/**
 * The main process wired end to end against a fake 'electron' (the binary cannot run here): privileged
 * scheme before ready, a locked-down window on app://, the real engine behind one IPC channel per method,
 * and a quit that waits for the engine to flush and release the data folder before exiting.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../shared/contract/index.js';
import { ipcChannel } from '../../../shared/contract/method-names.js';
import { tempDir } from '../../helpers/tmp.js';

const fake = vi.hoisted(() => {
  // electron-store (not transformed by vitest) loads the real 'electron' package; this stops its download.
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  const state = {
    userData: '',
    exitCode: undefined as number | undefined,
    readyBeforeScheme: false,
    ready: false,
    sandboxed: false,
    onResume: undefined as (() => void) | undefined,
  };
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();
  class BrowserWindow {
    static getAllWindows = () => windows;
    readonly loaded: string[] = [];
    readonly webContents = {
      isDestroyed: () => false,
      getURL: () => this.loaded.at(-1) ?? '',
      send: () => {},
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  const app = {
    enableSandbox: () => {
      state.sandboxed = true;
    },
    requestSingleInstanceLock: () => true,
    on: (name: string, fn: (...args: unknown[]) => void) => appEvents.set(name, fn),
    whenReady: () => {
      state.ready = true;
      return Promise.resolve();
    },
    getPath: () => state.userData,
    setPath: (_name: string, path: string) => {
      state.userData = path;
    },
    quit: () => {
      let prevented = false;
      appEvents.get('before-quit')?.({ preventDefault: () => (prevented = true) });
      if (!prevented) state.exitCode = 0;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
  };
  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
      removeAllListeners: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        state.readyBeforeScheme = state.ready;
        schemes.push(...list);
      },
      handle: (scheme: string, fn: (request: { url: string; method: string }) => Promise<Response>) =>
        protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    powerMonitor: {
      on: (event: string, fn: () => void) => {
        if (event === 'resume') state.onResume = fn;
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showErrorBox: () => {} },
    shell: { openExternal: async () => {} },
  };
  return { electron, appEvents, windows, state, handlers, schemes, protocolHandlers };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const data = tempDir('hookscope-main-');
const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

beforeAll(async () => {
  process.env.HOOKSCOPE_DATA = data.dir;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(() => {
  delete process.env.HOOKSCOPE_DATA;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal))
      if (!signalListeners[signal].includes(l)) process.off(signal, l);
  }
  data.remove();
});

const legit = { senderFrame: { url: 'app://hookscope/index.html', parent: null } };

describe('electron/main wiring', () => {
  it('reconnects the tunnel when the machine wakes from sleep', () => {
    expect(fake.state.onResume).toBeTypeOf('function');
    expect(() => fake.state.onResume?.()).not.toThrow();
  });

  it('registers the privileged app:// scheme before ready, and uses HOOKSCOPE_DATA as userData', () => {
    expect(fake.state.readyBeforeScheme).toBe(false);
    expect(fake.state.sandboxed).toBe(true);
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(fake.state.userData).toBe(data.dir);
    for (const event of ['second-instance', 'web-contents-created', 'window-all-closed', 'before-quit']) {
      expect(fake.appEvents.has(event), event).toBe(true);
    }
  });

  it('opens one locked-down window on app://hookscope with the CJS preload', () => {
    const [win] = fake.windows as unknown as {
      options: { webPreferences: Record<string, unknown> };
      loaded: string[];
    }[];
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(win!.options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win!.loaded).toEqual(['app://hookscope/index.html']);
  });

  it('serves the real engine on one channel per contract method', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(
      Object.keys(contract)
        .map((n) => ipcChannel(n as never))
        .sort(),
    );
    const reply = (await fake.handlers.get(ipcChannel('health'))!(legit, {})) as {
      ok: boolean;
      result: Record<string, unknown>;
    };
    expect(reply.ok).toBe(true);
    expect(reply.result).toMatchObject({
      host: 'desktop',
      dataDir: data.dir,
      apiUrl: 'app://hookscope',
      secretsAtRest: 'file-permissions',
    });
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });

  it('on quit, waits for the engine to flush and unlock the data folder, then exits 0', async () => {
    expect(existsSync(join(data.dir, 'hookscope.lock'))).toBe(true);
    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(0));
    expect(existsSync(join(data.dir, 'hookscope.lock'))).toBe(false);
  });
});
