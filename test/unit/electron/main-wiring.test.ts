/**
 * The main process wired end to end against a fake 'electron' (the binary cannot run here): privileged
 * scheme before ready, a locked-down window on app://, the real engine behind one IPC channel per method,
 * and a quit that waits for the engine to flush and release the data folder before exiting.
 */
import { existsSync, readFileSync } from 'node:fs';
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
  const menus: { template: { label?: string; role?: string }[] }[] = [];
  const notifications: { title: string; body: string }[] = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    readonly loaded: string[] = [];
    readonly events = new Map<string, () => void>();
    readonly webContents = {
      isDestroyed: () => false,
      getURL: () => this.loaded.at(-1) ?? '',
      send: () => {},
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on(event: string, fn: () => void) {
      this.events.set(event, fn);
    }
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
    isMaximized = () => false;
    isFullScreen = () => false;
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
    isPackaged: false,
    setAboutPanelOptions: () => {},
    setAppUserModelId: () => {},
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
    Menu: {
      buildFromTemplate: (template: { label?: string; role?: string }[]) => ({ template }),
      setApplicationMenu: (menu: { template: { label?: string; role?: string }[] }) => menus.push(menu),
    },
    Notification: class {
      static isSupported = () => true;
      constructor(readonly options: { title: string; body: string }) {}
      on() {}
      show() {
        notifications.push(this.options);
      }
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    dialog: { showErrorBox: () => {} },
    shell: { openExternal: async () => {} },
  };
  return { electron, appEvents, windows, state, handlers, schemes, protocolHandlers, menus, notifications };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const data = tempDir('hookscope-main-');
const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

beforeAll(async () => {
  process.env.HOOKSCOPE_DATA = data.dir;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 25_000 });
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

  it('installs the application menu with the Go area menu', () => {
    expect(fake.menus).toHaveLength(1);
    const labels = fake.menus[0]!.template.map((item) => item.label ?? item.role);
    expect(labels).toContain('Go');
    expect(labels).toContain('editMenu');
    expect(labels).toContain('windowMenu');
  });

  it('on quit, waits for the engine to flush and unlock the data folder, then exits 0', async () => {
    expect(existsSync(join(data.dir, 'hookscope.lock'))).toBe(true);
    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(0));
    expect(existsSync(join(data.dir, 'hookscope.lock'))).toBe(false);
    // app.exit() skips the window's 'close' event, so the quit itself saved the window state.
    const saved = JSON.parse(readFileSync(join(data.dir, 'window-state.json'), 'utf8'));
    expect(saved.window).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
  });
});
