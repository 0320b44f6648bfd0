/** The application menu: every area with its shortcut, navigation to app:// hash routes, standard roles. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  AREA_MENU,
  areaUrl,
  buildMenuTemplate,
  type NavigableWindow,
  showArea,
} from '../../../electron/main/menu.js';

const ROUTES = ['inbox', 'subscriptions', 'playground', 'deliveries', 'keys', 'verify', 'audit', 'settings'];

function build(isMac: boolean, isDev = false) {
  const navigate = vi.fn();
  const template = buildMenuTemplate({ appName: 'Hookscope', isMac, isDev, navigate });
  return { template, navigate };
}

/** Every item in the menu tree, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('lists every renderer area with a unique shortcut', () => {
    expect(AREA_MENU.map((a) => a.route)).toEqual(ROUTES);
    const accelerators = AREA_MENU.map((a) => a.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const isMac of [false, true]) {
      const items = flatten(build(isMac).template);
      for (const route of ROUTES) {
        expect(
          items.filter((i) => i.id === `go-${route}`),
          `${route} on ${isMac ? 'mac' : 'other'}`,
        ).toHaveLength(1);
      }
    }
  });

  it('navigates to the area when an item is clicked', () => {
    const { template, navigate } = build(false);
    const items = flatten(template);
    for (const route of ROUTES) click(items.find((i) => i.id === `go-${route}`));
    expect(navigate.mock.calls.map(([r]) => r)).toEqual(ROUTES);
  });

  it('has the standard Edit/View/Window roles, About and quit on every platform', () => {
    for (const isMac of [false, true]) {
      const { template } = build(isMac);
      const roles = flatten(template).map((i) => i.role);
      expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'about', 'togglefullscreen']));
      expect(roles).toEqual(expect.arrayContaining([isMac ? 'close' : 'quit']));
      if (isMac) expect(template[0]!.label).toBe('Hookscope');
    }
  });

  it('offers DevTools only in development builds', () => {
    expect(flatten(build(false, false).template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(flatten(build(false, true).template).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('builds app:// hash URLs for known areas only', () => {
    expect(areaUrl('deliveries')).toBe('app://hookscope/index.html#/deliveries');
    expect(() => areaUrl('https://evil.example')).toThrow(/unknown area/);
    expect(() => areaUrl('../x')).toThrow(/unknown area/);
  });

  it('brings the window forward and loads the area URL into it', () => {
    const loaded: string[] = [];
    const win: NavigableWindow = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
      webContents: {
        loadURL: async (url) => {
          loaded.push(url);
        },
      },
    };
    showArea(win, 'keys');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(loaded).toEqual(['app://hookscope/index.html#/keys']);
  });

  it('does nothing for a destroyed window', () => {
    const loadURL = vi.fn();
    showArea(
      {
        isDestroyed: () => true,
        isMinimized: () => false,
        restore() {},
        show() {},
        focus() {},
        webContents: { loadURL },
      },
      'inbox',
    );
    expect(loadURL).not.toHaveBeenCalled();
  });
});
