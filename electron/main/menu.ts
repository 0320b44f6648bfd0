/**
 * The application menu: the app's areas with shortcuts (CmdOrCtrl+1…8, CmdOrCtrl+, for Settings), the
 * standard Edit/View/Window roles and About. Security: going to an area adds no IPC channel; the main
 * process loads `app://hookscope/index.html#/<area>` into the window (a same-document hash change on the
 * app origin, which the renderer's router follows). DevTools are offered only in unpackaged builds.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-protocol.js';

export interface AreaMenuEntry {
  /** The renderer's hash route, without `#/`. */
  readonly route: string;
  readonly label: string;
  readonly accelerator: string;
}

/** In the order of the renderer's navigation. */
export const AREA_MENU: readonly AreaMenuEntry[] = [
  { route: 'inbox', label: 'Inbox', accelerator: 'CmdOrCtrl+1' },
  { route: 'subscriptions', label: 'Subscriptions', accelerator: 'CmdOrCtrl+2' },
  { route: 'playground', label: 'Playground', accelerator: 'CmdOrCtrl+3' },
  { route: 'deliveries', label: 'Deliveries', accelerator: 'CmdOrCtrl+4' },
  { route: 'keys', label: 'Keys', accelerator: 'CmdOrCtrl+5' },
  { route: 'verify', label: 'Verify', accelerator: 'CmdOrCtrl+6' },
  { route: 'audit', label: 'Audit log', accelerator: 'CmdOrCtrl+7' },
  { route: 'settings', label: 'Settings', accelerator: 'CmdOrCtrl+,' },
];

export type AreaRoute = (typeof AREA_MENU)[number]['route'];

/** The URL that shows an area; only ever on the app origin. */
export function areaUrl(route: string): string {
  if (!AREA_MENU.some((area) => area.route === route)) throw new Error(`unknown area "${route}"`);
  return `${APP_ENTRY_URL}#/${route}`;
}

/** The part of a BrowserWindow that navigation needs. */
export interface NavigableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  readonly webContents: { loadURL(url: string): Promise<void> };
}

/** Brings the window forward and shows the area. */
export function showArea(win: NavigableWindow, route: string, log: Pick<Console, 'error'> = console): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  const url = areaUrl(route);
  win.webContents.loadURL(url).catch((err) => log.error(`hookscope: could not open ${url}:`, err));
}

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Unpackaged (development) builds get Reload and DevTools in View. */
  isDev: boolean;
  /** Shows an area in the main window (opening one first if none is open). */
  navigate(route: string): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, navigate } = options;
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: AREA_MENU.filter((area) => !(isMac && area.route === 'settings')).map((area) => ({
      id: `go-${area.route}`,
      label: area.label,
      accelerator: area.accelerator,
      click: () => navigate(area.route),
    })),
  };
  const settings: MenuItemConstructorOptions = {
    id: 'go-settings',
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => navigate('settings'),
  };
  const about: MenuItemConstructorOptions = { id: 'about', role: 'about', label: `About ${appName}` };
  const macApp: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [isMac ? { role: 'close' } : { role: 'quit' }],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu' };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: isMac ? [] : [about],
  };
  return isMac ? [macApp, file, edit, view, go, window, help] : [file, edit, view, go, window, help];
}
