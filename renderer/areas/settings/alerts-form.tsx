/** Where Hookscope posts when a delivery fails for good. Validation is the engine's; errors show inline. */
import { type FormEvent, useMemo } from 'react';
import { useAppStore } from '../../state/use-app-store.js';
import { Field } from '../../ui/field.js';
import { useDraft } from '../../ui/use-draft.js';
import { FormActions } from './form-actions.js';

export function AlertsForm({ alertUrl }: { alertUrl: string }) {
  const source = useMemo(() => ({ alertUrl }), [alertUrl]);
  const draft = useDraft(source);
  const error = useAppStore((s) => s.settingsIssues.alertUrl);
  const clearIssue = useAppStore((s) => s.clearSettingsIssue);
  const save = useAppStore((s) => s.saveSettings);
  const saving = useAppStore((s) => s.settingsSaving);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = draft.value.alertUrl.trim();
    const message = value === '' ? 'Alerts turned off' : 'Alert URL saved';
    if (await save({ alertUrl: value }, message)) draft.reset();
  };

  return (
    <form className="card" aria-labelledby="alerts-title" onSubmit={submit} noValidate>
      <h2 id="alerts-title">Alerts</h2>
      <Field
        label="Alert URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com/hooks/hookscope-alerts"
        value={draft.value.alertUrl}
        onChange={(e) => {
          draft.set({ alertUrl: e.target.value });
          clearIssue('alertUrl');
        }}
        error={error}
        help="Hookscope posts a JSON alert here when a delivery fails after its last retry. An http(s) URL, or empty for no alerts."
      />
      <FormActions dirty={draft.dirty} saving={saving} saveLabel="Save alert URL" onReset={draft.reset} />
    </form>
  );
}
