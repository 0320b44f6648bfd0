/**
 * Security model: the one window runs the renderer with contextIsolation, the Chromium sandbox, no Node
 * integration and webSecurity on; its only way to the engine is the preload bridge (dist/preload/index.cjs).
 * Navigation and new windows are locked down for every webContents in navigation-guard.ts.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../core/data-dir.js';
import { APP_ENTRY_URL } from './app-protocol.js';

const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 900, height: 560 };
// Painted before the first frame so the window does not flash white in dark mode (or black in light).
const BACKGROUND = { dark: '#16181d', light: '#ffffff' };

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    ...DEFAULT_SIZE,
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
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win
    .loadURL(APP_ENTRY_URL)
    .catch((err) => console.error(`hookscope: could not load ${APP_ENTRY_URL}:`, err));
  return win;
}
