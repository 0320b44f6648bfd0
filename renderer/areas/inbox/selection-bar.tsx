/** Above the capture list: how many captures are ticked, tick all loaded / clear, delete the ticked ones. */
import { useState } from 'react';
import { useAppStore } from '../../state/use-app-store.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';

const plural = (n: number) => `${n} ${n === 1 ? 'capture' : 'captures'}`;

export function SelectionBar() {
  const checked = useAppStore((s) => s.inbox.checked);
  const loaded = useAppStore((s) => s.inbox.captures.length);
  const setAllChecked = useAppStore((s) => s.setAllChecked);
  const deleteCapture = useAppStore((s) => s.deleteCapture);
  const pushToast = useAppStore((s) => s.pushToast);
  const [confirming, setConfirming] = useState(false);
  const count = checked.length;

  const deleteChecked = async () => {
    setConfirming(false);
    let deleted = 0;
    for (const id of [...checked]) if (await deleteCapture(id, { toast: false })) deleted++;
    // One summary instead of a toast per capture; failures already said why, one by one.
    if (deleted > 0) pushToast({ kind: 'success', message: `${plural(deleted)} deleted` });
  };

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <output className="selection-count muted" aria-live="polite">
        {count ? `${plural(count)} selected` : 'None selected'}
      </output>
      {count > 0 ? (
        <button type="button" className="button button-small" onClick={() => setAllChecked(false)}>
          Clear selection
        </button>
      ) : (
        <button
          type="button"
          className="button button-small"
          disabled={loaded === 0}
          onClick={() => setAllChecked(true)}
        >
          Select all loaded
        </button>
      )}
      <button
        type="button"
        className="button button-small button-quiet button-danger-quiet"
        disabled={count === 0}
        onClick={() => setConfirming(true)}
      >
        Delete selected
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${plural(count)}?`}
        confirmLabel={`Delete ${plural(count)}`}
        onConfirm={() => void deleteChecked()}
        onCancel={() => setConfirming(false)}
      >
        <p>The selected captures and their replays are removed from the store. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
