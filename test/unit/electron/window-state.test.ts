/** Window state: restored within visible displays, clamped to the screen, saved on close and on quit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConfBackend } from '../../../electron/core/store/types.js';
import {
  openWindowStateStore,
  restoreWindowState,
  type SavedWindowState,
  trackWindowState,
} from '../../../electron/main/window-state.js';
import { tempDir } from '../../helpers/tmp.js';

const DEFAULTS = { width: 1280, height: 820 };
const MIN = { width: 900, height: 560 };
const PRIMARY = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
const RIGHT = { workArea: { x: 1920, y: 0, width: 1280, height: 1024 } };
const saved = (bounds: SavedWindowState['bounds'], maximized = false) => ({ bounds, maximized });

describe('restoreWindowState', () => {
  it('uses the default size and lets the OS place the window when nothing was saved', () => {
    expect(restoreWindowState(undefined, [PRIMARY], DEFAULTS, MIN)).toEqual({
      ...DEFAULTS,
      maximized: false,
    });
  });

  it('ignores a malformed saved state', () => {
    for (const bad of [
      null,
      'x',
      { bounds: { x: 'a', y: 0, width: 1, height: 1 } },
      { bounds: { x: 0, y: 0, width: -5, height: 10 } },
    ]) {
      expect(restoreWindowState(bad, [PRIMARY], DEFAULTS, MIN)).toEqual({ ...DEFAULTS, maximized: false });
    }
  });

  it('restores bounds and maximized on a display that is still there', () => {
    expect(
      restoreWindowState(saved({ x: 100, y: 50, width: 1000, height: 700 }, true), [PRIMARY], DEFAULTS, MIN),
    ).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    });
    expect(
      restoreWindowState(
        saved({ x: 2000, y: 100, width: 1000, height: 700 }),
        [PRIMARY, RIGHT],
        DEFAULTS,
        MIN,
      ),
    ).toMatchObject({
      x: 2000,
      y: 100,
    });
  });

  it('drops the position when its display is gone, and fits the size to the primary display', () => {
    const state = saved({ x: 2000, y: 100, width: 2500, height: 1400 });
    expect(restoreWindowState(state, [PRIMARY], DEFAULTS, MIN)).toEqual({
      width: 1920,
      height: 1080,
      maximized: false,
    });
  });

  it('pulls a window that hangs off the edge back inside and clamps its size', () => {
    const state = saved({ x: 1700, y: -40, width: 3000, height: 900 });
    expect(restoreWindowState(state, [PRIMARY], DEFAULTS, MIN)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 900,
      maximized: false,
    });
    const sliver = saved({ x: 1880, y: 10, width: 1000, height: 700 }); // 40 px visible: not enough to grab
    expect(restoreWindowState(sliver, [PRIMARY], DEFAULTS, MIN)).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('never opens below the minimum size unless the screen is smaller', () => {
    expect(
      restoreWindowState(saved({ x: 0, y: 0, width: 300, height: 200 }), [PRIMARY], DEFAULTS, MIN),
    ).toMatchObject({
      width: 900,
      height: 560,
    });
    const small = { workArea: { x: 0, y: 0, width: 800, height: 500 } };
    expect(restoreWindowState(undefined, [small], DEFAULTS, MIN)).toEqual({
      width: 800,
      height: 500,
      maximized: false,
    });
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const win = {
      destroyed: false,
      maximized: true,
      isDestroyed: () => win.destroyed,
      getNormalBounds: () => ({ x: 10, y: 20, width: 1100, height: 750 }),
      isMaximized: () => win.maximized,
      isFullScreen: () => false,
      on: (event: string, fn: () => void) => listeners.set(event, fn),
    };
    return { win, listeners };
  }

  it('saves the normal bounds and maximized flag when the window closes', () => {
    const { win, listeners } = fakeWindow();
    const saves: SavedWindowState[] = [];
    trackWindowState(win, (s) => saves.push(s));
    listeners.get('close')!();
    expect(saves).toEqual([{ bounds: { x: 10, y: 20, width: 1100, height: 750 }, maximized: true }]);
  });

  it('returns a save for the quit path, which does nothing once the window is destroyed', () => {
    const { win } = fakeWindow();
    const saves: SavedWindowState[] = [];
    const save = trackWindowState(win, (s) => saves.push(s));
    save();
    win.destroyed = true;
    save();
    expect(saves).toHaveLength(1);
  });
});

describe('openWindowStateStore', () => {
  const dir = tempDir('hookscope-window-state-');
  afterAll(() => dir.remove());
  const confBackend: ConfBackend = (options) => new Conf(options as never) as never;

  it('writes window-state.json in the given folder and reads it back', () => {
    const store = openWindowStateStore(confBackend, dir.dir, '0.1.0')!;
    expect(store.get('window')).toBeUndefined();
    store.set('window', saved({ x: 1, y: 2, width: 1000, height: 700 }, true));
    const file = JSON.parse(readFileSync(join(dir.dir, 'window-state.json'), 'utf8'));
    expect(file.window.maximized).toBe(true);
    expect(openWindowStateStore(confBackend, dir.dir, '0.1.0')!.get('window')).toEqual(file.window);
  });

  it('gives up quietly (no store) when the backend cannot open the file', () => {
    const warnings: string[] = [];
    const broken: ConfBackend = () => {
      throw new Error('Unexpected token');
    };
    expect(
      openWindowStateStore(broken, dir.dir, '0.1.0', { warn: (m: string) => warnings.push(m) }),
    ).toBeUndefined();
    expect(warnings[0]).toMatch(/window state not remembered/);
  });
});
