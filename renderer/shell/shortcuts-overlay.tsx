/** The `?` overlay: every shortcut registered right now, by group; plus the global key handler. */
import { useEffect, useState } from 'react';
import { Dialog } from '../ui/dialog.js';
import { dispatchShortcut, keyLabel } from './shortcuts.js';
import { useShortcutGroups, useShortcuts } from './use-shortcuts.js';

export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  const groups = useShortcutGroups();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void dispatchShortcut(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useShortcuts('Global', [{ key: '?', description: 'Show keyboard shortcuts', run: () => setOpen(true) }]);

  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group.group} aria-label={`${group.group} shortcuts`}>
            <h3>{group.group}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((s) => (
                <div key={s.key} className="shortcut-row">
                  <dt>
                    <kbd>{keyLabel(s.key)}</kbd>
                  </dt>
                  <dd>{s.description}</dd>
                </div>
              ))}
              {group.group === 'Global' && (
                <div className="shortcut-row">
                  <dt>
                    <kbd>Esc</kbd>
                  </dt>
                  <dd>Close a dialog or this overlay</dd>
                </div>
              )}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
