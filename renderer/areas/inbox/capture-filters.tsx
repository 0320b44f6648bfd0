/** Filter and search the captures: text (path, headers, body), method, verdict, duplicates. */
import { type RefObject, useEffect, useState } from 'react';
import { type CaptureFilter, VERDICTS, type Verdict } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';

const SEARCH_DEBOUNCE_MS = 250;
const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];

export function CaptureFilters({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const filter = useAppStore((s) => s.inbox.filter);
  const setFilter = useAppStore((s) => s.setCaptureFilter);
  const [q, setQ] = useState(filter.q ?? '');

  useEffect(() => {
    if ((filter.q ?? '') === q) return;
    const timer = setTimeout(() => setFilter({ ...filter, q: q || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, filter, setFilter]);

  const update = (patch: Partial<CaptureFilter>) => setFilter({ ...filter, ...patch });
  return (
    <search className="capture-filters" aria-label="Filter captures">
      <input
        ref={searchRef}
        type="search"
        className="capture-search"
        aria-label="Search captures"
        placeholder="Search path, headers, body…  ( / )"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      <select
        aria-label="Method"
        value={filter.method ?? ''}
        onChange={(e) => update({ method: e.target.value || undefined })}
      >
        <option value="">Any method</option>
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <select
        aria-label="Verdict"
        value={filter.verdict ?? ''}
        onChange={(e) => update({ verdict: (e.target.value || undefined) as Verdict | undefined })}
      >
        <option value="">Any verdict</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <select
        aria-label="Duplicates"
        value={filter.duplicate === undefined ? '' : String(filter.duplicate)}
        onChange={(e) => update({ duplicate: e.target.value === '' ? undefined : e.target.value === 'true' })}
      >
        <option value="">With duplicates</option>
        <option value="false">No duplicates</option>
        <option value="true">Only duplicates</option>
      </select>
    </search>
  );
}
