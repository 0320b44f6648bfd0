/**
 * Create or edit an endpoint: path and name, the signature it expects (scheme + stored key or secret), how
 * it answers (status, headers, body, delay, failures, hang, reset), its guards and a forward-to URL. The
 * engine validates; its problems land beside the fields they are about.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  type Endpoint,
  RESPONSE_MODES,
  SCHEME_IDS,
  SCHEME_INFO,
  type SchemeId,
} from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Dialog } from '../../ui/dialog.js';
import { Field } from '../../ui/field.js';
import { type EndpointForm, formFromEndpoint, paramsFromForm } from './endpoint-form.js';

const MODE_LABEL = { respond: 'Respond', hang: 'Hang (never answer)', reset: 'Reset the connection' };

export function EndpointEditor({ endpoint, onClose }: { endpoint?: Endpoint; onClose(): void }) {
  const save = useAppStore((s) => s.saveEndpoint);
  const remove = useAppStore((s) => s.deleteEndpoint);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const keys = useAppStore((s) => s.inbox.keys);
  const [form, setForm] = useState<EndpointForm>(() => formFromEndpoint(endpoint));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<EndpointForm>) => setForm((f) => ({ ...f, ...patch }));
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const issueCount = Object.keys(issues).length;

  // After a refused save, take the person to the first field the engine complained about.
  useEffect(() => {
    if (Object.keys(issues).length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [issues]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = paramsFromForm(form);
    if ('issues' in built) return setIssues(built.issues);
    setSaving(true);
    const outcome = await save(endpoint ? { id: endpoint.id, ...built.params } : built.params);
    setSaving(false);
    if (outcome.ok) return onClose();
    setIssues(outcome.issues);
    setFormError(Object.keys(outcome.issues).length === 0 ? outcome.message : undefined);
  };

  const scheme = form.scheme;
  const usableKeys = scheme ? keys.filter((k) => SCHEME_INFO[scheme].keyTypes.includes(k.type)) : [];
  const text = (
    label: string,
    field: keyof EndpointForm,
    path: string,
    extra: Partial<Parameters<typeof Field>[0]> = {},
  ) => (
    <Field
      label={label}
      type="text"
      value={String(form[field])}
      error={issues[path]}
      onChange={(e) => set({ [field]: e.target.value } as Partial<EndpointForm>)}
      {...extra}
    />
  );
  const check = (label: string, field: keyof EndpointForm) => (
    <label className="check">
      <input
        type="checkbox"
        checked={Boolean(form[field])}
        onChange={(e) => set({ [field]: e.target.checked } as Partial<EndpointForm>)}
      />
      {label}
    </label>
  );

  return (
    <Dialog open title={endpoint ? `Edit ${endpoint.name}` : 'New endpoint'} wide onClose={onClose}>
      <form ref={formRef} className="endpoint-form" onSubmit={submit} noValidate>
        <Group title="Basics">
          <div className="field-pair">
            {text('Path', 'path', 'path', { help: 'Exact path on the receiver, e.g. /webhooks/instafill' })}
            {text('Name', 'name', 'name')}
          </div>
        </Group>
        <Group title="Signature">
          <div className="field-pair">
            <div className="field">
              <label htmlFor={`${id}-scheme`}>Expected scheme</label>
              <select
                id={`${id}-scheme`}
                value={scheme}
                onChange={(e) => set({ scheme: e.target.value as SchemeId | '', keyId: '' })}
              >
                <option value="">None (do not verify)</option>
                {SCHEME_IDS.map((s) => (
                  <option key={s} value={s}>
                    {SCHEME_INFO[s].label}
                  </option>
                ))}
              </select>
              {issues.verify && <p className="field-error">{issues.verify}</p>}
            </div>
            {scheme && (
              <div className="field">
                <label htmlFor={`${id}-key`}>Key</label>
                <select id={`${id}-key`} value={form.keyId} onChange={(e) => set({ keyId: e.target.value })}>
                  <option value="">A secret (type it below)</option>
                  {usableKeys.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.name} ({k.type}
                      {k.bits ? ` ${k.bits}` : ''})
                    </option>
                  ))}
                </select>
                {issues['verify.keyId'] && <p className="field-error">{issues['verify.keyId']}</p>}
              </div>
            )}
            {scheme &&
              !form.keyId &&
              text('Secret', 'secret', 'verify.secret', {
                autoComplete: 'off',
                placeholder: form.hasSecret ? '(unchanged: a secret is set)' : 'the shared secret',
              })}
          </div>
          {scheme && check('Answer 401 when the signature does not verify', 'rejectInvalid')}
        </Group>
        <Group title="Response">
          <div className="field-pair">
            <div className="field">
              <label htmlFor={`${id}-mode`}>Behaviour</label>
              <select
                id={`${id}-mode`}
                value={form.mode}
                onChange={(e) => set({ mode: e.target.value as EndpointForm['mode'] })}
              >
                {RESPONSE_MODES.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABEL[m]}
                  </option>
                ))}
              </select>
            </div>
            {text('Status', 'status', 'response.status', { inputMode: 'numeric' })}
            {text('Delay (ms)', 'delayMs', 'response.delayMs', { inputMode: 'numeric' })}
          </div>
          <TextArea
            label="Response headers (one “Name: value” a line)"
            value={form.headers}
            error={issues['response.headers']}
            onChange={(headers) => set({ headers })}
          />
          <TextArea
            label="Response body"
            value={form.body}
            error={issues['response.body']}
            onChange={(body) => set({ body })}
          />
          <div className="field-pair">
            {text('Fail the first N', 'failFirst', 'response.failFirst', { inputMode: 'numeric' })}
            {text('Fail % at random', 'failPercent', 'response.failPercent', { inputMode: 'decimal' })}
            {text('Failure status', 'failStatus', 'response.failStatus', { inputMode: 'numeric' })}
          </div>
        </Group>
        <Group title="Guards">
          <div className="field-pair">
            <div className="field">
              {check('Flag repeated event ids (dedupe)', 'dedupe')}
              {text('Dedupe window (s)', 'dedupeWindowSec', 'guards.dedupe.windowSec', {
                inputMode: 'numeric',
              })}
            </div>
            {text('Rate limit (per minute, 0 = none)', 'rateLimitPerMinute', 'guards.rateLimitPerMinute', {
              inputMode: 'numeric',
            })}
            {text('Body limit (bytes)', 'maxBodyBytes', 'guards.maxBodyBytes', { inputMode: 'numeric' })}
          </div>
          <TextArea
            label="IP allowlist (addresses or CIDR ranges; empty = everyone)"
            value={form.ipAllowlist}
            rows={2}
            error={
              issues['guards.ipAllowlist'] ??
              Object.entries(issues).find(([k]) => k.startsWith('guards.ipAllowlist'))?.[1]
            }
            onChange={(ipAllowlist) => set({ ipAllowlist })}
          />
          {check('Validate payloads against the event catalog', 'validatePayload')}
          {form.validatePayload && check('Answer 400 to an invalid payload', 'rejectInvalidPayload')}
        </Group>
        <Group title="Forward">
          {text('Forward to URL', 'forwardTo', 'forwardTo', {
            type: 'url',
            placeholder: 'http://localhost:3000/webhooks',
            help: 'Each capture is sent on unchanged, bytes and headers; the answer is recorded.',
          })}
        </Group>
        {issueCount > 0 && (
          <p className="field-error" role="alert">
            Not saved: fix the {issueCount === 1 ? 'marked field' : `${issueCount} marked fields`}.
          </p>
        )}
        {formError && (
          <p className="callout callout-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : endpoint ? 'Save endpoint' : 'Create endpoint'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {endpoint && (
            <button
              type="button"
              className="button button-danger push-right"
              onClick={async () => {
                if (!confirmDelete) return setConfirmDelete(true);
                await remove(endpoint.id);
                onClose();
              }}
            >
              {confirmDelete ? 'Really delete? Captures stay' : 'Delete endpoint'}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function TextArea({
  label,
  value,
  error,
  rows = 3,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  rows?: number;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
