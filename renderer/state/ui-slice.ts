/** UI-only state: the system colour scheme (for theme resolution), toasts, banner visibility. */
import type { Theme } from '../../shared/contract/index.js';
import type { AppState, SliceCreator } from './types.js';

export type ResolvedTheme = 'light' | 'dark';
export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

/** Long enough to read a sentence; errors stay until dismissed. */
export const TOAST_MS = 4000;
const MAX_TOASTS = 4;

export interface UiSlice {
  systemTheme: ResolvedTheme;
  setSystemTheme(theme: ResolvedTheme): void;
  toasts: Toast[];
  pushToast(toast: { kind: ToastKind; message: string }): number;
  dismissToast(id: number): void;
  /** The banner about files quarantined at start-up; hidden by the user, reopened from the status bar. */
  storeIssuesHidden: boolean;
  setStoreIssuesHidden(hidden: boolean): void;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => {
  let nextId = 1;
  return {
    systemTheme: 'light',
    setSystemTheme: (systemTheme) => set({ systemTheme }),
    toasts: [],
    pushToast: ({ kind, message }) => {
      const id = nextId++;
      set({ toasts: [...get().toasts, { id, kind, message }].slice(-MAX_TOASTS) });
      if (kind !== 'error') setTimeout(() => get().dismissToast(id), TOAST_MS);
      return id;
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    storeIssuesHidden: false,
    setStoreIssuesHidden: (storeIssuesHidden) => set({ storeIssuesHidden }),
  };
};

/** The theme to paint: the setting, or the system's when the setting is "system" (or not loaded yet). */
export function resolveTheme(setting: Theme | undefined, system: ResolvedTheme): ResolvedTheme {
  return setting === 'light' || setting === 'dark' ? setting : system;
}

export const selectResolvedTheme = (state: AppState): ResolvedTheme =>
  resolveTheme(state.settings?.theme, state.systemTheme);
