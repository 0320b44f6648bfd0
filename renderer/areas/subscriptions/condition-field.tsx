/** The condition (CEL) with a live preview against the sample payload of an event the subscription takes. */
import { useMemo, useState } from 'react';
import type { CatalogEventType } from '../../../shared/contract/index.js';
import { TextAreaField } from '../../ui/select-field.js';
import { previewCondition } from './condition-eval.js';

export interface ConditionFieldProps {
  value: string;
  error?: string;
  /** Event types whose samples the preview may run against (the subscribed ones, or all). */
  types: CatalogEventType[];
  onChange(value: string): void;
}

export function ConditionField({ value, error, types, onChange }: ConditionFieldProps) {
  const [sampleType, setSampleType] = useState<string>();
  const current = types.find((t) => t.type === sampleType) ?? types[0];
  const outcome = useMemo(
    () =>
      current
        ? previewCondition(value, {
            event: current.type,
            data: current.sample,
            workspace_id: 'ws_sample',
            form_id: '',
            test: false,
          })
        : undefined,
    [value, current],
  );

  return (
    <div className="condition">
      <TextAreaField
        label="Condition"
        rows={2}
        value={value}
        error={error}
        placeholder='data.total > 1000.0 && event == "form.submitted"'
        onChange={(e) => onChange(e.target.value)}
        help={
          <>
            A CEL expression over <code>event</code>, <code>data</code>, <code>workspace_id</code>,{' '}
            <code>form_id</code> and <code>test</code>; empty sends every matching event.
          </>
        }
      />
      {current && outcome && (
        <div className="condition-preview">
          <div className="condition-preview-head">
            <label>
              <span className="muted">Preview against the sample of </span>
              <select
                className="control control-inline"
                aria-label="Sample event for the condition preview"
                value={current.type}
                onChange={(e) => setSampleType(e.target.value)}
              >
                {types.map((t) => (
                  <option key={t.type} value={t.type}>
                    {t.type}
                  </option>
                ))}
              </select>
            </label>
            <output className={`condition-outcome outcome-${outcome.kind}`} aria-label="Condition preview">
              {outcome.kind === 'always' && 'No condition: always sent'}
              {outcome.kind === 'matched' && 'Matches: this event would be sent'}
              {outcome.kind === 'not-matched' && 'No match: this event would be skipped'}
              {outcome.kind === 'invalid' && `Invalid: ${outcome.message}`}
              {outcome.kind === 'error' && `Error on this sample: ${outcome.message}`}
            </output>
          </div>
          <details>
            <summary>Sample data</summary>
            <pre className="pre">{JSON.stringify(current.sample, null, 2)}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
