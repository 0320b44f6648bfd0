/**
 * Picks event types from the catalog: searchable, grouped by provider and group, with "all events" (*)
 * and whole-group wildcards (form.*). The engine resolves aliases and rejects unknown types.
 */
import { useId, useMemo, useState } from 'react';
import type { CatalogEventType } from '../../../shared/contract/index.js';

const PROVIDER_LABELS: Record<CatalogEventType['provider'], string> = {
  instafill: 'Instafill',
  instnt: 'Instnt',
  custom: 'Custom',
};

export interface EventsPickerProps {
  types: CatalogEventType[];
  value: string[];
  error?: string;
  onChange(events: string[]): void;
}

export function EventsPicker({ types, value, error, onChange }: EventsPickerProps) {
  const [query, setQuery] = useState('');
  const id = useId();
  const selected = new Set(value);
  const all = selected.has('*');
  const q = query.trim().toLowerCase();

  const groups = useMemo(() => {
    const out = new Map<string, CatalogEventType[]>();
    for (const t of types) {
      if (q && !`${t.type} ${t.description} ${t.group}`.toLowerCase().includes(q)) continue;
      const key = `${PROVIDER_LABELS[t.provider]} · ${t.group}`;
      out.set(key, [...(out.get(key) ?? []), t]);
    }
    return [...out.entries()];
  }, [types, q]);

  const toggle = (event: string, on: boolean) => {
    const next = on ? [...value.filter((e) => e !== event), event] : value.filter((e) => e !== event);
    onChange(next);
  };

  return (
    <fieldset
      className={`events-picker${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>Events</legend>
      <div className="events-toolbar">
        <input
          type="search"
          aria-label="Search event types"
          placeholder="Search events, e.g. form.submitted or document"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? ['*'] : [])} />
          All events (*)
        </label>
      </div>
      {value.length > 0 && (
        <ul className="chips" aria-label="Selected events">
          {value.map((event) => (
            <li key={event} className="chip">
              <code>{event}</code>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${event}`}
                onClick={() => toggle(event, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {!all && (
        <div className="events-groups">
          {groups.length === 0 && <p className="muted">No event type matches “{query}”.</p>}
          {groups.map(([group, items]) => {
            const prefix = items[0]?.type.split('.')[0];
            const wildcard = prefix ? `${prefix}.*` : undefined;
            return (
              <fieldset key={group} className="events-group" aria-label={group}>
                <div className="events-group-head">
                  <span>{group}</span>
                  {wildcard && (
                    <label className="checkbox muted">
                      <input
                        type="checkbox"
                        checked={selected.has(wildcard)}
                        onChange={(e) => toggle(wildcard, e.target.checked)}
                      />
                      <code>{wildcard}</code>
                    </label>
                  )}
                </div>
                {items.map((t) => (
                  <label key={t.type} className="checkbox event-option" title={t.description}>
                    <input
                      type="checkbox"
                      checked={selected.has(t.type) || (wildcard !== undefined && selected.has(wildcard))}
                      disabled={wildcard !== undefined && selected.has(wildcard)}
                      onChange={(e) => toggle(t.type, e.target.checked)}
                    />
                    <code>{t.type}</code>
                    <span className="muted event-desc">{t.description}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
