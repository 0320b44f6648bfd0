/** Picks a recent capture whose exact bytes and headers Verify should check. */
import { useEffect, useState } from 'react';
import type { CaptureSummary } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatDateTime } from '../../ui/format.js';
import { SelectField } from '../../ui/select-field.js';

export function CapturePicker({ value, onPick }: { value?: string; onPick(id: string): void }) {
  const recentCaptures = useAppStore((s) => s.recentCaptures);
  const [captures, setCaptures] = useState<CaptureSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    recentCaptures().then(
      (items) => live && setCaptures(items),
      (err) => live && setError(toProblem(err).message),
    );
    return () => {
      live = false;
    };
  }, [recentCaptures]);

  if (error) return <p className="field-error">Could not list captures: {error}</p>;
  if (!captures)
    return (
      <p className="loading" role="status">
        Loading captures…
      </p>
    );
  if (captures.length === 0)
    return <p className="muted">No captures yet. Send a webhook to an endpoint and it shows up here.</p>;
  return (
    <SelectField
      label="Capture"
      value={value ?? ''}
      onChange={(e) => e.target.value && onPick(e.target.value)}
      help="Its raw bytes and headers, exactly as received, fill the fields below."
    >
      <option value="">Choose a capture…</option>
      {captures.map((c) => (
        <option key={c.id} value={c.id}>
          {formatDateTime(c.receivedAt)} · {c.method} {c.path}
          {c.eventType ? ` · ${c.eventType}` : ''} · {c.verdict}
        </option>
      ))}
    </SelectField>
  );
}
