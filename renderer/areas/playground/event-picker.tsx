/** Picks an event type from the catalog: a search box over type, group and description, and a list. */
import { useId, useMemo, useState } from 'react';
import type { CatalogEventType } from '../../../shared/contract/index.js';

export function EventPicker({
  types,
  value,
  onPick,
}: {
  types: CatalogEventType[];
  value: string;
  onPick(type: CatalogEventType): void;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = q
      ? types.filter((t) =>
          [t.type, t.group, t.description, t.provider, ...t.aliases].some((s) => s.toLowerCase().includes(q)),
        )
      : types;
    const groups = new Map<string, CatalogEventType[]>();
    for (const t of matches) {
      const key = `${t.provider} · ${t.group}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    return groups;
  }, [types, query]);
  const selected = types.find((t) => t.type === value);
  const count = [...shown.values()].reduce((n, g) => n + g.length, 0);

  return (
    <div className="field event-picker">
      <label htmlFor={`${id}-search`}>Event type</label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Search, e.g. form, document, batch…"
        aria-label="Search event types"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <select
        size={7}
        aria-label="Event type"
        value={value}
        onChange={(e) => {
          const type = types.find((t) => t.type === e.target.value);
          if (type) onPick(type);
        }}
      >
        {[...shown.entries()].map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map((t) => (
              <option key={t.type} value={t.type}>
                {t.type}
                {t.test ? ' (test)' : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className="field-help" aria-live="polite">
        {count === 0 ? 'No event type matches.' : selected ? selected.description : `${count} event types`}
      </p>
    </div>
  );
}
