/**
 * The desktop shell. Security model:
 * - The renderer is untrusted: contextIsolation, Chromium sandbox, no nodeIntegration, webSecurity on
 *   (window.ts). Its only door to the engine is the preload bridge, one function per contract method, and
 *   every IPC handler is registered through ipc.ts, which answers only frames on app://hookscope.
 * - App content is served from the privileged app://hookscope protocol with a strict CSP header and
 *   path-traversal checks (app-protocol.ts); never file://, never a local HTTP port.
 * - Navigation, redirects, window.open and webviews are refused for every webContents; http(s) links open
 *   in the system browser via shell.openExternal only; permission requests are denied (navigation-guard.ts).
 * - Secrets at rest are encrypted with safeStorage where the OS offers a real keychain (safe-storage-box.ts).
 * - No remote module (removed from Electron). Packaged builds set fuses (electron-builder.yml): no
 *   RunAsNode, no NODE_OPTIONS, no inspect flags, asar integrity, app loaded only from the asar.
 * - Native integration adds no IPC: the menu moves the window to an app:// hash route (menu.ts),
 *   notifications are driven by the engine's live events in this process (notifications.ts), and the
 *   window state is a small file of its own under userData (window-state.ts).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { PRODUCT_NAME } from '../core/data-dir.js';
import { Engine } from '../core/engine.js';
import { VERSION } from '../core/version.js';
import { DEFAULT_RECEIVER_PORT } from '../host/serve.js';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';
import { electronStoreBackend } from './electron-store-backend.js';
import { forwardLive, registerApi } from './ipc.js';
import { areaUrl, buildMenuTemplate, showArea } from './menu.js';
import { denyPermissions, lockDownContents } from './navigation-guard.js';
import { startNotifications } from './notifications.js';
import { onResume } from './power.js';
import { createSafeStorageBox } from './safe-storage-box.js';
import { createMainWindow, DEFAULT_SIZE, MIN_SIZE } from './window.js';
import {
  openWindowStateStore,
  restoreWindowState,
  trackWindowState,
  type WindowStateStore,
} from './window-state.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(HERE, '..', 'preload', 'index.cjs');
const RENDERER_DIR = join(HERE, '..', 'renderer');
const LOOPBACK = '127.0.0.1';
/** Same as electron-builder.yml's appId; Windows shows notifications only for a known AppUserModelID. */
const APP_ID = 'dev.hookscope.app';

let engine: Engine | undefined;
let mainWindow: BrowserWindow | undefined;
let windowState: WindowStateStore | undefined;
let saveWindowState: (() => void) | undefined;

// Must happen before 'ready'. enableSandbox makes the sandbox the default for every renderer, not just
// the windows we configure. HOOKSCOPE_DATA moves the data folder, as it does for `hookscope serve`.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
if (process.env.HOOKSCOPE_DATA) app.setPath('userData', resolve(process.env.HOOKSCOPE_DATA));

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) =>
    lockDownContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (engine && BrowserWindow.getAllWindows().length === 0) openWindow(engine);
  });
  installGracefulQuit();
  app.whenReady().then(start).catch(failToStart);
} else {
  // Another Hookscope owns the data folder; it gets 'second-instance' and focuses its window.
  app.quit();
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_DIR, request));
  engine = await Engine.start({
    dataDir: app.getPath('userData'),
    host: 'desktop',
    version: VERSION,
    confBackend: electronStoreBackend,
    secretBox: createSafeStorageBox(safeStorage),
    receiver: { host: LOOPBACK, port: DEFAULT_RECEIVER_PORT },
  });
  engine.setApiUrl(APP_ORIGIN);
  for (const issue of engine.storeIssues) {
    console.warn(
      `hookscope: warning: ${issue.file} was damaged (${issue.reason}); moved to ${issue.movedTo}`,
    );
  }
  registerApi(ipcMain, engine, { allowedOrigin: APP_ORIGIN });
  // After sleep the tunnel's sockets are dead but nothing has noticed yet: reconnect now, and re-arm the
  // scheduler's timer from the wall (power.ts says why the clock itself needs nothing).
  powerMonitor.on('resume', () => {
    if (engine) onResume(engine);
  });
  installNativeIntegration(engine);
  openWindow(engine);
}

/** Menu, About panel and notifications; none of them talks to the renderer except by loading app:// URLs. */
function installNativeIntegration(running: Engine): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({
    applicationName: PRODUCT_NAME,
    applicationVersion: VERSION,
    copyright: 'Copyright © Hookscope contributors',
  });
  const navigate = (route: string) => {
    if (mainWindow) showArea(mainWindow, route);
    else if (engine) openWindow(engine, areaUrl(route));
  };
  const template = buildMenuTemplate({
    appName: PRODUCT_NAME,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    navigate,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  startNotifications(running, {
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    onClick: navigate,
  });
  windowState = openWindowStateStore(electronStoreBackend, app.getPath('userData'), VERSION);
}

function openWindow(running: Engine, url?: string): void {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const initial = restoreWindowState(windowState?.get('window'), displays, DEFAULT_SIZE, MIN_SIZE);
  const win = createMainWindow(PRELOAD_PATH, initial, url);
  const store = windowState;
  if (store) {
    saveWindowState = trackWindowState(win, (state) => {
      try {
        store.set('window', state);
      } catch (err) {
        console.warn('hookscope: could not save the window state:', err);
      }
    });
  }
  const stopLive = forwardLive(running, win.webContents, APP_ORIGIN);
  win.on('closed', () => {
    stopLive();
    if (mainWindow === win) {
      mainWindow = undefined;
      saveWindowState = undefined;
    }
  });
  mainWindow = win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Quitting waits for the engine to flush its stores and release the data folder, then exits. */
function installGracefulQuit(): void {
  let saving = false;
  app.on('before-quit', (event) => {
    if (!engine) return;
    event.preventDefault();
    if (saving) return;
    saving = true;
    // app.exit() below destroys the window without a 'close' event: remember its state now.
    saveWindowState?.();
    engine.close().then(
      () => app.exit(0),
      (err) => {
        console.error('hookscope: error while saving on quit:', err);
        app.exit(1);
      },
    );
  });
  // Ctrl-C in the terminal that ran `npm start` (it may arrive twice: tty and npm); app.quit is idempotent.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

function failToStart(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`hookscope: could not start: ${message}`);
  dialog.showErrorBox('Hookscope could not start', message);
  app.exit(1);
}
