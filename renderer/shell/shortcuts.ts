/**
 * The one registry of keyboard shortcuts. Screens register theirs while mounted (useShortcuts); one
 * window listener dispatches keys to the newest registration; the `?` overlay lists what is registered
 * now, grouped. Single keys only, never with Ctrl/Alt/Meta, so the browser's and the OS's own stay intact.
 */

export interface ShortcutDef {
  /** KeyboardEvent.key: "j", "Enter", "/", "?", "Escape"… */
  key: string;
  /** What it does, as the overlay says it ("Open the selected capture"). */
  description: string;
  run(event: KeyboardEvent): void;
  /** Also fire while typing in a field (Escape to leave a search box). */
  inFields?: boolean;
}

export interface ShortcutGroup {
  /** The heading in the overlay, e.g. "Global" or "Inbox". */
  group: string;
  shortcuts: ShortcutDef[];
}

const groups: ShortcutGroup[] = [];
const listeners = new Set<() => void>();
let snapshot: readonly ShortcutGroup[] = [];

function changed(): void {
  snapshot = [...groups];
  for (const listener of listeners) listener();
}

/** Adds a group; returns the function that removes it. Later groups win on a shared key. */
export function registerShortcuts(group: ShortcutGroup): () => void {
  groups.push(group);
  changed();
  return () => {
    const index = groups.indexOf(group);
    if (index !== -1) groups.splice(index, 1);
    changed();
  };
}

export function subscribeShortcuts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const shortcutGroups = (): readonly ShortcutGroup[] => snapshot;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

function isActivatable(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/** Finds and runs the shortcut for a key press; returns whether one ran. */
export function dispatchShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
    return false;
  }
  // A modal dialog owns the keyboard (it closes itself on Escape).
  if (document.querySelector('dialog[open]')) return false;
  // Enter on a button or link is that control's own; never take it away.
  if (event.key === 'Enter' && isActivatable(event.target)) return false;
  const typing = isEditable(event.target);
  for (let g = groups.length - 1; g >= 0; g--) {
    const found = groups[g]!.shortcuts.find((s) => s.key === event.key);
    if (found && (!typing || found.inFields)) {
      event.preventDefault();
      found.run(event);
      return true;
    }
  }
  return false;
}

/** How a key is written in the overlay. */
export function keyLabel(key: string): string {
  if (key === 'Escape') return 'Esc';
  if (key === 'ArrowDown') return '↓';
  if (key === 'ArrowUp') return '↑';
  return key;
}
