/**
 * Painting the theme: the document carries `data-theme="light|dark"` and the CSS custom properties
 * follow it. The last theme setting is remembered locally so a reload paints the right colours before
 * the settings arrive from the engine (the engine stays the source of truth).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { THEMES, type Theme } from '../../shared/contract/index.js';
import type { ResolvedTheme } from '../state/ui-slice.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const CACHE_KEY = 'hookscope.theme';

export function systemTheme(): ResolvedTheme {
  return window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

function subscribeSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** The operating system's colour scheme, live. */
export function useSystemTheme(): ResolvedTheme {
  return useSyncExternalStore(subscribeSystemTheme, systemTheme);
}

export function applyDocumentTheme(theme: ResolvedTheme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

/** Paints `theme` on the document for as long as the calling component is mounted. */
export function useDocumentTheme(theme: ResolvedTheme): void {
  useEffect(() => applyDocumentTheme(theme), [theme]);
}

export function cachedThemeSetting(): Theme | undefined {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : undefined;
  } catch {
    return undefined;
  }
}

export function cacheThemeSetting(theme: Theme): void {
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // No storage: the next load briefly follows the system theme instead.
  }
}
