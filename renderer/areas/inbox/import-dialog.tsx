/** Import captures from a HAR file or a curl command: pick a file or paste; says what was skipped and why. */
import { type FormEvent, useId, useState } from 'react';
import type { ImportResult } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Dialog } from '../../ui/dialog.js';

export function ImportDialog({ onClose }: { onClose(): void }) {
  const importCaptures = useAppStore((s) => s.importCaptures);
  const pushToast = useAppStore((s) => s.pushToast);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const textId = useId();
  const fileId = useId();

  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = text.trim();
    if (!input) return setError('Choose a HAR file, or paste HAR JSON or a curl command.');
    setBusy(true);
    setError(undefined);
    const outcome = await importCaptures(/^curl\s/.test(input) ? { curl: input } : { har: input });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.message);
    setResult(outcome.value);
    const n = outcome.value.imported.length;
    pushToast({ kind: 'success', message: `Imported ${n} ${n === 1 ? 'capture' : 'captures'}` });
    if (outcome.value.skipped.length === 0) onClose();
  };

  return (
    <Dialog open title="Import captures" wide onClose={onClose}>
      <form className="import-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fileId}>HAR file</label>
          <input
            id={fileId}
            type="file"
            accept=".har,application/json,.json,.txt"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </div>
        <div className="field">
          <label htmlFor={textId}>Or paste HAR JSON or a curl command</label>
          <textarea
            id={textId}
            rows={10}
            placeholder="curl -X POST https://… -H 'Content-Type: application/json' --data '{…}'"
            value={text}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        {result && result.skipped.length > 0 && (
          <div className="callout">
            Imported {result.imported.length}; skipped {result.skipped.length}:
            <ul>
              {result.skipped.map((s) => (
                <li key={s.index}>
                  entry {s.index + 1}: {s.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
