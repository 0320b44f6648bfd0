/** How long captures and deliveries are kept: by age and by count, whichever limit is reached first. */
import { type FormEvent, useMemo, useState } from 'react';
import type { Settings } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Field } from '../../ui/field.js';
import { useDraft } from '../../ui/use-draft.js';
import { FormActions } from './form-actions.js';
import { parseWholeNumber } from './parse-number.js';

export function RetentionForm({ retention }: { retention: Settings['retention'] }) {
  const { maxAgeDays, maxCount } = retention;
  const source = useMemo(
    () => ({ maxAgeDays: String(maxAgeDays), maxCount: String(maxCount) }),
    [maxAgeDays, maxCount],
  );
  const draft = useDraft(source);
  const [local, setLocal] = useState<Record<string, string>>({});
  const issues = useAppStore((s) => s.settingsIssues);
  const clearIssue = useAppStore((s) => s.clearSettingsIssue);
  const save = useAppStore((s) => s.saveSettings);
  const saving = useAppStore((s) => s.settingsSaving);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const age = parseWholeNumber(draft.value.maxAgeDays);
    const count = parseWholeNumber(draft.value.maxCount);
    const problems: Record<string, string> = {};
    if (age === undefined) problems.maxAgeDays = 'Enter a whole number of days.';
    if (count === undefined) problems.maxCount = 'Enter a whole number.';
    setLocal(problems);
    if (age === undefined || count === undefined) return;
    if (await save({ retention: { maxAgeDays: age, maxCount: count } }, 'Retention saved')) draft.reset();
  };

  const edit = (key: 'maxAgeDays' | 'maxCount', value: string) => {
    draft.set({ [key]: value });
    setLocal(({ [key]: _gone, ...rest }) => rest);
    clearIssue(`retention.${key}`);
  };

  return (
    <form className="card" aria-labelledby="retention-title" onSubmit={submit} noValidate>
      <h2 id="retention-title">Retention</h2>
      <p className="card-intro muted">
        Captures and deliveries are removed when they pass either limit. Configuration and the audit log are
        kept.
      </p>
      <div className="field-pair">
        <Field
          label="Keep for (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={draft.value.maxAgeDays}
          onChange={(e) => edit('maxAgeDays', e.target.value)}
          error={local.maxAgeDays ?? issues['retention.maxAgeDays']}
          help="1 to 3650 days."
        />
        <Field
          label="Keep at most (records)"
          type="number"
          inputMode="numeric"
          min={100}
          value={draft.value.maxCount}
          onChange={(e) => edit('maxCount', e.target.value)}
          error={local.maxCount ?? issues['retention.maxCount']}
          help="At least 100; the oldest go first."
        />
      </div>
      <FormActions dirty={draft.dirty} saving={saving} saveLabel="Save retention" onReset={draft.reset} />
    </form>
  );
}
