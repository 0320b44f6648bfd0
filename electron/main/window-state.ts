/**
 * The main window's size, position and maximized flag, remembered in `window-state.json` under userData
 * (a small electron-store file of its own, not the engine's stores) and restored on the next start — but
 * only where it is visible: a position on a display that is gone is dropped and the size clamped to the
 * display the window lands on, so the window never opens off-screen or larger than the screen.
 */
import type { ConfBackend } from '../core/store/types.js';

/** `window-state.json` in userData. */
export const WINDOW_STATE_FILE = 'window-state';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What BrowserWindow gets: a position only when it is on a visible display (else the OS centres it). */
export interface InitialWindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Size {
  width: number;
  height: number;
}

/** Electron's Display, as far as placement needs it. */
export interface DisplayLike {
  readonly workArea: Rect;
}

/** How much of the window must overlap a display's work area for its saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 };

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The saved state if it has the right shape (the file is user-editable and may be from another version). */
export function parseWindowState(raw: unknown): SavedWindowState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (!bounds || typeof bounds !== 'object') return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteNumber)) return undefined;
  if ((width as number) <= 0 || (height as number) <= 0) return undefined;
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: maximized === true,
  };
}

function overlap(a: Rect, b: Rect): Size {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Where and how large to open the window. `displays[0]` is the primary display. With no usable saved
 * state, the default size (clamped to the primary display) and no position.
 */
export function restoreWindowState(
  saved: unknown,
  displays: readonly DisplayLike[],
  defaults: Size,
  min: Size,
): InitialWindowState {
  const primary = displays[0]?.workArea;
  const clampSize = (size: Size, area: Rect | undefined): Size =>
    area
      ? {
          width: Math.max(Math.min(size.width, area.width), Math.min(min.width, area.width)),
          height: Math.max(Math.min(size.height, area.height), Math.min(min.height, area.height)),
        }
      : { width: Math.max(size.width, min.width), height: Math.max(size.height, min.height) };
  const state = parseWindowState(saved);
  if (!state) return { ...clampSize(defaults, primary), maximized: false };

  // The display the window overlaps most; it must show at least a grabbable part of the window.
  let best: { area: Rect; visible: number } | undefined;
  for (const display of displays) {
    const o = overlap(state.bounds, display.workArea);
    const visible = o.width * o.height;
    if (
      o.width >= Math.min(MIN_VISIBLE.width, state.bounds.width) &&
      o.height >= Math.min(MIN_VISIBLE.height, state.bounds.height)
    ) {
      if (!best || visible > best.visible) best = { area: display.workArea, visible };
    }
  }
  if (!best) return { ...clampSize(state.bounds, primary), maximized: state.maximized };

  const size = clampSize(state.bounds, best.area);
  const { area } = best;
  // Pull the window inside the work area so the title bar is reachable.
  const x = Math.min(Math.max(state.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(state.bounds.y, area.y), area.y + area.height - size.height);
  return { x, y, ...size, maximized: state.maximized };
}

/** A BrowserWindow, as far as remembering its state needs it. */
export interface TrackedWindow {
  isDestroyed(): boolean;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/**
 * Saves the window's state when it is about to close (the bounds before maximizing, so un-maximizing next
 * time restores them). Returns the save for callers that end the app without closing windows first: the
 * graceful quit calls it, because `app.exit()` destroys windows without a 'close' event.
 */
export function trackWindowState(win: TrackedWindow, save: (state: SavedWindowState) => void): () => void {
  const saveNow = () => {
    if (win.isDestroyed()) return;
    save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() || win.isFullScreen() });
  };
  win.on('close', saveNow);
  return saveNow;
}

/** A key-value file, e.g. an electron-store instance. */
export interface WindowStateStore {
  get(key: 'window'): unknown;
  set(key: 'window', value: SavedWindowState): void;
}

/**
 * Opens `<dir>/window-state.json` with the given backend (electron-store on the desktop). A damaged file is
 * not fatal: the window opens at the default size and the state is not saved this run.
 */
export function openWindowStateStore(
  backend: ConfBackend,
  dir: string,
  version: string,
  log: Pick<Console, 'warn'> = console,
): WindowStateStore | undefined {
  try {
    const store = backend<{ window?: SavedWindowState }>({
      cwd: dir,
      configName: WINDOW_STATE_FILE,
      defaults: {},
      projectVersion: version,
      clearInvalidConfig: false,
      configFileMode: 0o600,
    });
    return {
      get: () => store.get('window'),
      set: (_key, value) => store.set('window', value),
    };
  } catch (err) {
    log.warn(`hookscope: window state not remembered (${err instanceof Error ? err.message : String(err)})`);
    return undefined;
  }
}
