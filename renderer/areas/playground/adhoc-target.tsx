/**
 * The "Ad-hoc URL" target: URL, signing scheme and a stored key or an inline secret; and the answer of the
 * one-off send (POST /api/events/send-once) with the request as sent, the response and the timings.
 */
import {
  type KeyInfo,
  SCHEME_IDS,
  SCHEME_INFO,
  type SchemeId,
  type SendOnceResult,
} from '../../../shared/contract/index.js';
import { Field } from '../../ui/field.js';
import { SelectField } from '../../ui/select-field.js';
import { Body, HeadersTable, ResponseView } from '../deliveries/attempt-view.js';
import { TimingsWaterfall } from '../deliveries/timings-waterfall.js';

export interface AdhocDraft {
  url: string;
  scheme: SchemeId;
  /** A stored key id, or '' to use the secret. */
  keyId: string;
  secret: string;
}

export const EMPTY_ADHOC: AdhocDraft = { url: '', scheme: 'instafill-hmac', keyId: '', secret: '' };

export function AdhocTarget({
  draft,
  keys,
  issues,
  onChange,
}: {
  draft: AdhocDraft;
  keys: KeyInfo[];
  issues: Record<string, string>;
  onChange(next: AdhocDraft): void;
}) {
  const usable = keys.filter((k) => SCHEME_INFO[draft.scheme].keyTypes.includes(k.type));
  return (
    <fieldset className="segmented-field adhoc-field">
      <legend>Ad-hoc URL</legend>
      <Field
        label="URL"
        type="url"
        placeholder="https://example.com/webhooks"
        value={draft.url}
        onChange={(e) => onChange({ ...draft, url: e.target.value })}
        error={issues.to}
        help="Any http:// or https:// URL; sent once, exactly as the provider would."
      />
      <div className="field-pair">
        <SelectField
          label="Signing scheme"
          value={draft.scheme}
          onChange={(e) => onChange({ ...draft, scheme: e.target.value as SchemeId, keyId: '' })}
          error={issues.scheme}
        >
          {SCHEME_IDS.map((id) => (
            <option key={id} value={id}>
              {SCHEME_INFO[id].label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Signing key"
          value={draft.keyId}
          onChange={(e) => onChange({ ...draft, keyId: e.target.value })}
          error={issues.keyId}
        >
          <option value="">Secret (type below)</option>
          {usable.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name} ({k.type})
            </option>
          ))}
        </SelectField>
      </div>
      {draft.keyId === '' && (
        <Field
          label="Secret"
          type="password"
          autoComplete="off"
          value={draft.secret}
          onChange={(e) => onChange({ ...draft, secret: e.target.value })}
          error={issues.secret}
          help={
            draft.scheme === 'standard-webhooks'
              ? 'The whsec_… secret; it is used for this send only and never stored.'
              : 'The HMAC secret; it is used for this send only and never stored.'
          }
        />
      )}
    </fieldset>
  );
}

export function AdhocResult({ result }: { result: SendOnceResult }) {
  const { outcome, event } = result;
  return (
    <section className="card adhoc-result" aria-labelledby="adhoc-result-title" aria-live="polite">
      <h2 id="adhoc-result-title">Ad-hoc send</h2>
      <p className="adhoc-head">
        {outcome.response ? (
          <span className={`outcome-pill ${outcome.ok ? 'outcome-ok' : 'outcome-bad'}`}>
            HTTP {outcome.response.status}
          </span>
        ) : (
          <span className="outcome-pill outcome-bad">{outcome.error?.code ?? 'error'}</span>
        )}
        <span>{Math.round(outcome.timings.totalMs)} ms</span>
        <code className="muted">{event.type}</code>
        <code className="muted">{result.scheme}</code>
      </p>
      <section className="exchange" aria-label="Response">
        {outcome.response ? (
          <ResponseView response={outcome.response} />
        ) : (
          <div className="callout callout-error" role="note">
            No response: {outcome.error ? `${outcome.error.code}: ${outcome.error.message}` : 'unknown error'}
          </div>
        )}
      </section>
      <TimingsWaterfall timings={outcome.timings} />
      <section className="exchange" aria-label="Request">
        <h3>
          Request <code className="exchange-line">POST {outcome.request.url}</code>
        </h3>
        <HeadersTable headers={outcome.request.headers} label="Headers sent" />
        <Body text={outcome.request.body} label="Request body" />
      </section>
    </section>
  );
}
