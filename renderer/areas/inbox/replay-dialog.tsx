/**
 * Replay a capture to a URL: as received, or with an edited body and headers, optionally re-signed with a
 * stored key or a secret. Shows what came back.
 */
import { type FormEvent, useId, useState } from 'react';
import {
  type CaptureDetail,
  type Replay,
  SCHEME_IDS,
  SCHEME_INFO,
  type SchemeId,
} from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { Dialog } from '../../ui/dialog.js';
import { Field } from '../../ui/field.js';
import { ExchangeView } from './capture-detail.js';
import { headersToText, joinUrl, textToHeaders } from './urls.js';

export function ReplayDialog({ capture, onClose }: { capture: CaptureDetail; onClose(): void }) {
  const receiverUrl = useAppStore((s) => s.health?.receiverUrl);
  const keys = useAppStore((s) => s.inbox.keys);
  const replay = useAppStore((s) => s.replayCapture);
  const pushToast = useAppStore((s) => s.pushToast);
  const originalBody = capture.body.text ?? '';
  const [url, setUrl] = useState(receiverUrl ? joinUrl(receiverUrl, capture.url) : '');
  const [body, setBody] = useState(originalBody);
  const [headers, setHeaders] = useState(headersToText(capture.rawHeaders));
  const [resign, setResign] = useState(false);
  const [scheme, setScheme] = useState<SchemeId>(capture.verification?.scheme ?? 'instafill-hmac');
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<Replay>();
  const bodyId = useId();
  const headersId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = textToHeaders(headers);
    if ('error' in parsed) return setIssues({ headers: parsed.error });
    const originalHeaders = headersToText(capture.rawHeaders);
    const bodyEdited = body !== originalBody && capture.body.text !== undefined;
    setSending(true);
    setIssues({});
    const outcome = await replay({
      id: capture.id,
      url: url.trim(),
      ...(bodyEdited && { body }),
      ...(headers !== originalHeaders && { headers: parsed.headers }),
      ...(resign && { resign: keyId ? { scheme, keyId } : { scheme, secret } }),
    });
    setSending(false);
    if (outcome.ok) {
      setResult(outcome.value);
      const r = outcome.value;
      pushToast({
        kind: r.error ? 'error' : 'success',
        message: r.error ? `Replay failed: ${r.error}` : `Replayed: ${r.status} ${r.statusText ?? ''}`.trim(),
      });
    } else {
      setIssues(outcome.issues);
      if (Object.keys(outcome.issues).length === 0) setIssues({ form: outcome.message });
    }
  };

  const usableKeys = keys.filter((k) => k.hasPrivate && SCHEME_INFO[scheme].keyTypes.includes(k.type));
  return (
    <Dialog open title="Replay capture" wide onClose={onClose}>
      <form className="replay-form" onSubmit={submit} noValidate>
        <Field
          label="Send to URL"
          type="url"
          value={url}
          error={issues.url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <div className="field">
          <label htmlFor={headersId}>Headers (one "Name: value" a line)</label>
          <textarea
            id={headersId}
            rows={6}
            value={headers}
            aria-invalid={issues.headers ? true : undefined}
            onChange={(e) => setHeaders(e.target.value)}
          />
          {issues.headers && <p className="field-error">{issues.headers}</p>}
        </div>
        <div className="field">
          <label htmlFor={bodyId}>Body</label>
          <textarea
            id={bodyId}
            rows={8}
            value={body}
            readOnly={capture.body.text === undefined}
            aria-invalid={issues.body ? true : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          {capture.body.text === undefined && (
            <p className="field-help">A binary body is replayed as received.</p>
          )}
          {issues.body && <p className="field-error">{issues.body}</p>}
        </div>
        <label className="check">
          <input type="checkbox" checked={resign} onChange={(e) => setResign(e.target.checked)} />
          Re-sign the body (replaces the signature headers)
        </label>
        {resign && (
          <div className="field-pair">
            <div className="field">
              <label htmlFor={`${bodyId}-scheme`}>Scheme</label>
              <select
                id={`${bodyId}-scheme`}
                value={scheme}
                onChange={(e) => setScheme(e.target.value as SchemeId)}
              >
                {SCHEME_IDS.map((id) => (
                  <option key={id} value={id}>
                    {SCHEME_INFO[id].label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${bodyId}-key`}>Key</label>
              <select id={`${bodyId}-key`} value={keyId} onChange={(e) => setKeyId(e.target.value)}>
                <option value="">A secret (type it)</option>
                {usableKeys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.type})
                  </option>
                ))}
              </select>
            </div>
            {!keyId && (
              <Field
                label="Secret"
                type="text"
                autoComplete="off"
                value={secret}
                error={issues['resign.secret'] ?? issues.resign}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </div>
        )}
        {issues.form && (
          <p className="callout callout-error" role="alert">
            {issues.form}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Sending…' : 'Send replay'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {result && (
        <section className="replay-result" aria-label="Replay response">
          <h3>Response</h3>
          <ExchangeView exchange={result} />
        </section>
      )}
    </Dialog>
  );
}
