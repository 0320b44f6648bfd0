/** Keeps the store's idea of the system theme current and paints the resolved theme on the document. */
import { useEffect } from 'react';
import { selectResolvedTheme } from '../state/ui-slice.js';
import { useAppStore } from '../state/use-app-store.js';
import { cacheThemeSetting, useDocumentTheme, useSystemTheme } from './theme.js';

export function useThemeSync(): void {
  const system = useSystemTheme();
  const setSystemTheme = useAppStore((s) => s.setSystemTheme);
  const setting = useAppStore((s) => s.settings?.theme);
  useEffect(() => setSystemTheme(system), [system, setSystemTheme]);
  useEffect(() => {
    if (setting) cacheThemeSetting(setting);
  }, [setting]);
  useDocumentTheme(useAppStore(selectResolvedTheme));
}
