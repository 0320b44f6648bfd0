/** Registers a screen's shortcuts while it is mounted; handlers always see the latest render's values. */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { registerShortcuts, type ShortcutDef, shortcutGroups, subscribeShortcuts } from './shortcuts.js';

export function useShortcuts(group: string, shortcuts: ShortcutDef[]): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  const signature = shortcuts.map((s) => `${s.key}:${s.description}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-register only when the keys or texts change
  useEffect(
    () =>
      registerShortcuts({
        group,
        shortcuts: latest.current.map((s, i) => ({
          ...s,
          run: (event) => latest.current[i]?.run(event),
        })),
      }),
    [group, signature],
  );
}

export function useShortcutGroups() {
  return useSyncExternalStore(subscribeShortcuts, shortcutGroups);
}
