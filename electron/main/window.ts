/**
 * Security model: the one window runs the renderer with contextIsolation, the Chromium sandbox, no Node
 * integration and webSecurity on; its only way to the engine is the preload bridge (dist/preload/index.cjs).
 * Navigation and new windows are locked down for every webContents in navigation-guard.ts.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../core/data-dir.js';
import { APP_ENTRY_URL } from './app-protocol.js';
import type { InitialWindowState } from './window-state.js';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 560 };
// Painted before the first frame so the window does not flash white in dark mode (or black in light).
const BACKGROUND = { dark: '#16181d', light: '#ffffff' };

/**
 * `initial` is the remembered size and position (window-state.ts), already fitted to the displays; `url`
 * is the app entry or one of its hash routes (menu.ts areaUrl), always on app://hookscope.
 */
export function createMainWindow(
  preloadPath: string,
  initial: InitialWindowState = { ...DEFAULT_SIZE, maximized: false },
  url: string = APP_ENTRY_URL,
): BrowserWindow {
  const { maximized, ...bounds } = initial;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; setWindowOpenHandler denies those anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.loadURL(url).catch((err) => console.error(`hookscope: could not load ${url}:`, err));
  return win;
}
