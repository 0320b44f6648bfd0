/**
 * Creates or edits one subscription. Everything is validated by the engine on save; its issues land beside
 * the fields they name. The condition is previewed live in the page (see condition-eval.ts).
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  type DeliveryScheme,
  type ProviderProfile,
  type RetryPreset,
  SCHEME_IDS,
  SCHEME_INFO,
  type Subscription,
} from '../../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../../api/errors.js';
import { hrefFor } from '../../router/hash-route.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Field } from '../../ui/field.js';
import { SelectField, TextAreaField } from '../../ui/select-field.js';
import { ConditionField } from './condition-field.js';
import { EventsPicker } from './events-picker.js';
import { RetryTimeline } from './retry-timeline.js';
import {
  draftOf,
  EMPTY_DRAFT,
  issueFor,
  paramsOf,
  parseDelays,
  type SubscriptionDraft,
} from './subscription-draft.js';
import { TestSend } from './test-send.js';

export function SubscriptionEditor({ existing }: { existing?: Subscription }) {
  const catalog = useAppStore((s) => s.subscriptions.catalog);
  const keys = useAppStore((s) => s.keys);
  const loadKeys = useAppStore((s) => s.loadKeys);
  const save = useAppStore((s) => s.saveSubscription);
  const pushToast = useAppStore((s) => s.pushToast);
  const [draft, setDraftState] = useState<SubscriptionDraft>(() =>
    existing ? draftOf(existing) : EMPTY_DRAFT,
  );
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);

  // After a refused save, take the person to the first field the engine complained about.
  useEffect(() => {
    if (focusInvalid === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  useEffect(() => {
    if (keys.load === 'idle') void loadKeys();
  }, [keys.load, loadKeys]);

  const set = (update: Partial<SubscriptionDraft>) => {
    setDraftState((d) => ({ ...d, ...update }));
    const touched = Object.keys(update);
    setIssues((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([path]) => !touched.some((t) => path.startsWith(PATH_OF[t] ?? t))),
      ),
    );
  };

  const types = catalog?.types ?? [];
  const subscribedTypes = useMemo(() => {
    if (draft.events.length === 0 || draft.events.includes('*')) return types;
    const picked = types.filter((t) =>
      draft.events.some((e) => e === t.type || (e.endsWith('.*') && t.type.startsWith(e.slice(0, -1)))),
    );
    return picked.length > 0 ? picked : types;
  }, [types, draft.events]);

  const presetDelays =
    draft.retryPreset === 'custom'
      ? (parseDelays(draft.delays) ?? [])
      : (catalog?.retryPresets.find((p) => p.id === draft.retryPreset)?.delaysSec ?? []);
  const signing = draft.scheme !== 'none';
  const usableKeys = signing
    ? keys.items.filter(
        (k) =>
          k.hasPrivate && SCHEME_INFO[draft.scheme as keyof typeof SCHEME_INFO].keyTypes.includes(k.type),
      )
    : [];

  const changeProfile = (profile: ProviderProfile) => {
    const scheme = catalog?.profiles.find((p) => p.id === profile)?.defaultScheme ?? draft.scheme;
    set({ profile, scheme, keyId: '' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const result = paramsOf(draft);
    if (!result.ok) {
      setIssues(result.issues);
      setFocusInvalid((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      const sub = await save(result.params, existing?.id);
      setIssues({});
      pushToast({
        kind: 'success',
        message: existing ? 'Subscription saved' : `Subscription ${sub.name} created`,
      });
      if (!existing) window.location.hash = hrefFor('subscriptions', [sub.id]);
      else setDraftState(draftOf(sub));
    } catch (err) {
      const problem = toProblem(err);
      const byPath = issuesByPath(problem.issues);
      setIssues(byPath);
      setFocusInvalid((n) => n + 1);
      setFormError(
        Object.keys(byPath).length > 0
          ? 'Not saved: fix the fields marked below.'
          : `Not saved: ${problem.message}`,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="sub-editor">
      <form
        ref={formRef}
        className="sub-form"
        aria-label={existing ? `Edit ${existing.name}` : 'New subscription'}
        onSubmit={submit}
        noValidate
      >
        {formError && (
          <div className="callout callout-error" role="alert">
            {formError}
          </div>
        )}
        <section className="card" aria-labelledby="sub-target-title">
          <h2 id="sub-target-title">Where and how</h2>
          <Field
            label="URL"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks"
            value={draft.url}
            error={issueFor(issues, 'url')}
            onChange={(e) => set({ url: e.target.value })}
          />
          <div className="field-pair">
            <Field
              label="Name"
              type="text"
              placeholder="Optional: taken from the URL"
              value={draft.name}
              error={issueFor(issues, 'name')}
              onChange={(e) => set({ name: e.target.value })}
            />
            <SelectField
              label="Provider profile"
              value={draft.profile}
              error={issueFor(issues, 'profile')}
              onChange={(e) => changeProfile(e.target.value as ProviderProfile)}
            >
              {(catalog?.profiles ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label="Description"
            rows={2}
            value={draft.description}
            error={issueFor(issues, 'description')}
            onChange={(e) => set({ description: e.target.value })}
          />
          <div className="field-pair">
            <SelectField
              label="Signature scheme"
              value={draft.scheme}
              error={issueFor(issues, 'scheme')}
              onChange={(e) => set({ scheme: e.target.value as DeliveryScheme, keyId: '' })}
            >
              {SCHEME_IDS.map((id) => (
                <option key={id} value={id}>
                  {SCHEME_INFO[id].label}
                </option>
              ))}
              <option value="none">Not signed</option>
            </SelectField>
            {signing && (
              <SelectField
                label="Signing key"
                value={draft.keyId}
                error={issueFor(issues, 'keyId')}
                onChange={(e) => set({ keyId: e.target.value })}
              >
                <option value="">{existing?.keyId ? 'Keep the current key' : 'Generate a new key'}</option>
                {usableKeys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.type}
                    {k.bits ? ` ${k.bits}` : ''})
                  </option>
                ))}
              </SelectField>
            )}
          </div>
          <div className="switches">
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                aria-checked={draft.enabled}
                checked={draft.enabled}
                onChange={(e) => set({ enabled: e.target.checked })}
              />
              Enabled
            </label>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                aria-checked={draft.allowInsecure}
                checked={draft.allowInsecure}
                onChange={(e) => set({ allowInsecure: e.target.checked })}
              />
              Allow insecure (plain http to other hosts, untrusted TLS) — development only
            </label>
          </div>
        </section>

        <section className="card" aria-labelledby="sub-events-title">
          <h2 id="sub-events-title">What to send</h2>
          {!catalog && <p className="loading">Loading the event catalog…</p>}
          <EventsPicker
            types={types}
            value={draft.events}
            error={issueFor(issues, 'events')}
            onChange={(events) => set({ events })}
          />
          <ConditionField
            value={draft.condition}
            error={issueFor(issues, 'condition')}
            types={subscribedTypes}
            onChange={(condition) => set({ condition })}
          />
          <div className="field-pair">
            <Field
              label="Workspaces"
              type="text"
              placeholder="Organisation-wide"
              value={draft.workspaces}
              error={issueFor(issues, 'scope.workspaces')}
              onChange={(e) => set({ workspaces: e.target.value })}
              help="Workspace ids, comma-separated; empty = every workspace."
            />
            <Field
              label="Forms"
              type="text"
              placeholder="All forms"
              value={draft.forms}
              error={issueFor(issues, 'scope.forms')}
              onChange={(e) => set({ forms: e.target.value })}
              help="Forms or workflows mapped to this webhook; none = all."
            />
          </div>
          <div className="field-pair">
            <Field
              label="Include fields"
              type="text"
              placeholder="Everything"
              value={draft.include}
              error={issueFor(issues, 'filter.include')}
              onChange={(e) => set({ include: e.target.value })}
              help="Dotted paths in data to keep, e.g. form_id, answers.*.value"
            />
            <Field
              label="Exclude fields"
              type="text"
              value={draft.exclude}
              error={issueFor(issues, 'filter.exclude')}
              onChange={(e) => set({ exclude: e.target.value })}
              help="Dotted paths in data to drop (after include)."
            />
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.metadataOnly}
              onChange={(e) => set({ metadataOnly: e.target.checked })}
            />
            Metadata only (drop customer content: filled values, fingerprints, nested objects)
          </label>
          <TextAreaField
            label="Custom headers"
            rows={3}
            value={draft.headers}
            error={issueFor(issues, 'headers')}
            placeholder="X-Team: payments"
            onChange={(e) => set({ headers: e.target.value })}
            help='One "Name: value" per line; added before the signature headers.'
          />
        </section>

        <section className="card" aria-labelledby="sub-retry-title">
          <h2 id="sub-retry-title">Retries and limits</h2>
          <SelectField
            label="Retry policy"
            value={draft.retryPreset}
            error={issueFor(issues, 'retry.preset')}
            onChange={(e) => set({ retryPreset: e.target.value as RetryPreset })}
          >
            {(catalog?.retryPresets ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>
          {draft.retryPreset === 'custom' && (
            <Field
              label="Retry delays (seconds)"
              type="text"
              value={draft.delays}
              error={issueFor(issues, 'retry.delaysSec') ?? issueFor(issues, 'retry')}
              onChange={(e) => set({ delays: e.target.value })}
              help="Wait before each retry, e.g. 0, 60, 300, 3600."
            />
          )}
          <RetryTimeline delaysSec={presetDelays} />
          <div className="field-pair">
            <Field
              label="Timeout (seconds)"
              type="text"
              inputMode="decimal"
              value={draft.timeoutSec}
              error={issueFor(issues, 'timeoutMs')}
              onChange={(e) => set({ timeoutSec: e.target.value })}
              help="1–120 s; a slower answer counts as a failure."
            />
            <Field
              label="Rate limit (per minute)"
              type="text"
              inputMode="numeric"
              value={draft.rateLimit}
              error={issueFor(issues, 'rateLimitPerMinute')}
              onChange={(e) => set({ rateLimit: e.target.value })}
              help="0 = unlimited."
            />
          </div>
        </section>

        <div className="form-actions sub-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : existing ? 'Save subscription' : 'Create subscription'}
          </button>
          <a className="button button-quiet" href={hrefFor('subscriptions')}>
            {existing ? 'Back to list' : 'Cancel'}
          </a>
        </div>
      </form>
      {existing && <TestSend subscriptionId={existing.id} types={types} />}
    </div>
  );
}

/** Draft fields whose API paths differ from their names, for clearing an issue when the field changes. */
const PATH_OF: Record<string, string> = {
  workspaces: 'scope.workspaces',
  forms: 'scope.forms',
  include: 'filter.include',
  exclude: 'filter.exclude',
  metadataOnly: 'filter.metadataOnly',
  retryPreset: 'retry',
  delays: 'retry',
  timeoutSec: 'timeoutMs',
  rateLimit: 'rateLimitPerMinute',
};
