/**
 * Verify: paste a body and its headers (or pick a capture), choose the scheme and the key, and see the
 * engine's verdict with the signature doctor's explanation. Bodies are checked as exact bytes: a picked
 * capture goes as base64, pasted text as typed.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { SCHEME_IDS, SCHEME_INFO, type SchemeId, type VerifyParams } from '../../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../../api/errors.js';
import type { AreaProps } from '../../router/area-registry.js';
import { useAppStore } from '../../state/use-app-store.js';
import type { VerifyKeySource } from '../../state/verify-slice.js';
import { AreaHeader } from '../../ui/area-header.js';
import { Field } from '../../ui/field.js';
import { formatHeaderLines, parseHeaderLines, utf8OrUndefined } from '../../ui/header-lines.js';
import { SelectField, TextAreaField } from '../../ui/select-field.js';
import { SignatureReport } from '../../ui/signature-report.js';
import { CapturePicker } from './capture-picker.js';
import './verify.css';

type Source = 'paste' | 'capture';

export default function VerifyArea({ route }: AreaProps) {
  const draft = useAppStore((s) => s.verifyDraft);
  const setDraft = useAppStore((s) => s.setVerifyDraft);
  const report = useAppStore((s) => s.verifyReport);
  const setReport = useAppStore((s) => s.setVerifyReport);
  const verify = useAppStore((s) => s.verifySignature);
  const captureDetail = useAppStore((s) => s.captureDetail);
  const keys = useAppStore((s) => s.keys);
  const loadKeys = useAppStore((s) => s.loadKeys);
  const pushToast = useAppStore((s) => s.pushToast);
  const [source, setSource] = useState<Source>(draft.captureId ? 'capture' : 'paste');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [reportKey, setReportKey] = useState<string>();

  useEffect(() => {
    if (keys.load === 'idle') void loadKeys();
  }, [keys.load, loadKeys]);

  const usableKeys = keys.items.filter((k) => SCHEME_INFO[draft.scheme].keyTypes.includes(k.type));
  const binary = draft.bodyBase64 !== undefined && utf8OrUndefined(draft.bodyBase64) === undefined;

  // Other screens link here with #/verify?capture=<id> to check one capture's exact bytes.
  const linkedCapture = route.query.get('capture') ?? undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per linked capture, not per draft change
  useEffect(() => {
    if (!linkedCapture || linkedCapture === draft.captureId) return;
    setSource('capture');
    void pickCapture(linkedCapture);
  }, [linkedCapture]);

  const pickCapture = async (id: string) => {
    try {
      const capture = await captureDetail(id);
      const text = utf8OrUndefined(capture.body.base64);
      setDraft({
        captureId: id,
        body: text ?? '',
        bodyBase64: capture.body.base64,
        headers: formatHeaderLines(capture.rawHeaders),
        ...(capture.verification ? { scheme: capture.verification.scheme } : {}),
      });
      setReport(undefined);
    } catch (err) {
      pushToast({ kind: 'error', message: `Could not open the capture: ${toProblem(err).message}` });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHeaderLines(draft.headers);
    if (!parsed.ok) {
      setIssues({ headers: parsed.error });
      return;
    }
    const tolerance = draft.tolerance.trim();
    if (tolerance !== '' && !/^\d+$/.test(tolerance)) {
      setIssues({ toleranceSec: 'whole seconds, 0 to turn the timestamp check off, or empty for 300' });
      return;
    }
    const key =
      draft.keySource === 'stored'
        ? { keyId: draft.keyId || undefined }
        : draft.keySource === 'secret'
          ? { secret: draft.secret }
          : { publicKeyPem: draft.publicKeyPem };
    if (draft.keySource === 'stored' && !draft.keyId) {
      setIssues({ keyId: 'choose a key, or paste a secret or public key instead' });
      return;
    }
    const params: VerifyParams = {
      scheme: draft.scheme,
      ...(draft.bodyBase64 !== undefined ? { bodyBase64: draft.bodyBase64 } : { body: draft.body }),
      headers: parsed.headers,
      ...key,
      ...(tolerance !== '' ? { toleranceSec: Number(tolerance) } : {}),
    };
    setBusy(true);
    setIssues({});
    try {
      const result = await verify(params);
      setReport(result);
      setReportKey(
        draft.keySource === 'stored'
          ? keys.items.find((k) => k.id === draft.keyId)?.name
          : draft.keySource === 'secret'
            ? 'pasted secret'
            : 'pasted public key',
      );
    } catch (err) {
      const problem = toProblem(err);
      const byPath = issuesByPath(problem.issues);
      setIssues(byPath);
      setReport(undefined);
      pushToast({ kind: 'error', message: `Not verified: ${problem.message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="area verify" aria-labelledby="verify-title">
      <AreaHeader
        title="Verify"
        description="Check a webhook's signature against its exact bytes. When it fails, the signature doctor says why."
      />
      <div className="verify-layout">
        <form className="card" aria-label="Webhook to verify" onSubmit={submit} noValidate>
          <fieldset className="segmented-field">
            <legend className="visually-hidden">Where the webhook comes from</legend>
            <div className="segmented">
              {(['paste', 'capture'] as const).map((s) => (
                <label key={s} className="segment">
                  <input
                    type="radio"
                    name="verify-source"
                    checked={source === s}
                    onChange={() => setSource(s)}
                  />
                  <span>{s === 'paste' ? 'Paste' : 'From a capture'}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {source === 'capture' && (
            <CapturePicker value={draft.captureId} onPick={(id) => void pickCapture(id)} />
          )}

          {binary ? (
            <p className="callout">
              The capture's body is binary; it is verified byte for byte as received.{' '}
              <button
                type="button"
                className="button button-small"
                onClick={() => setDraft({ bodyBase64: undefined, captureId: undefined, body: '' })}
              >
                Paste a body instead
              </button>
            </p>
          ) : (
            <TextAreaField
              label="Body"
              rows={8}
              value={draft.body}
              error={issues.body ?? issues.bodyBase64}
              placeholder='{"event":"form.submitted","data":{…}}'
              onChange={(e) =>
                setDraft({ body: e.target.value, bodyBase64: undefined, captureId: undefined })
              }
              help={
                draft.bodyBase64 !== undefined
                  ? 'The exact bytes of the capture. Editing turns this into pasted text.'
                  : 'Exactly as sent: whitespace, key order and the final newline all count.'
              }
            />
          )}
          <TextAreaField
            label="Headers"
            rows={5}
            value={draft.headers}
            error={issues.headers}
            placeholder={'X-Instafill-Signature: sha256=…\nX-Instafill-Event: form.submitted'}
            onChange={(e) => setDraft({ headers: e.target.value })}
            help='One "Name: value" per line, as curl -v or a log prints them.'
          />
          <div className="field-pair">
            <SelectField
              label="Scheme"
              value={draft.scheme}
              error={issues.scheme}
              onChange={(e) => setDraft({ scheme: e.target.value as SchemeId, keyId: '' })}
            >
              {SCHEME_IDS.map((id) => (
                <option key={id} value={id}>
                  {SCHEME_INFO[id].label}
                </option>
              ))}
            </SelectField>
            <Field
              label="Tolerance (seconds)"
              type="text"
              inputMode="numeric"
              placeholder="300"
              value={draft.tolerance}
              error={issues.toleranceSec}
              onChange={(e) => setDraft({ tolerance: e.target.value })}
              help={
                SCHEME_INFO[draft.scheme].timestamped
                  ? 'How old a signed timestamp may be; 0 turns the check off.'
                  : 'This scheme signs no timestamp.'
              }
            />
          </div>
          <SelectField
            label="Verify with"
            value={draft.keySource}
            onChange={(e) => setDraft({ keySource: e.target.value as VerifyKeySource })}
          >
            <option value="stored">A stored key</option>
            <option value="secret">A pasted secret</option>
            <option value="pem">A pasted public key (PEM)</option>
          </SelectField>
          {draft.keySource === 'stored' && (
            <SelectField
              label="Key"
              value={draft.keyId}
              error={issues.keyId}
              onChange={(e) => setDraft({ keyId: e.target.value })}
              help={
                usableKeys.length === 0
                  ? `No stored key fits ${SCHEME_INFO[draft.scheme].label}; add one under Keys or paste it.`
                  : undefined
              }
            >
              <option value="">Choose a key…</option>
              {usableKeys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} ({k.type}
                  {k.bits ? ` ${k.bits}` : ''})
                </option>
              ))}
            </SelectField>
          )}
          {draft.keySource === 'secret' && (
            <Field
              label="Secret"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.secret}
              error={issues.secret}
              onChange={(e) => setDraft({ secret: e.target.value })}
            />
          )}
          {draft.keySource === 'pem' && (
            <TextAreaField
              label="Public key PEM"
              rows={5}
              value={draft.publicKeyPem}
              error={issues.publicKeyPem}
              onChange={(e) => setDraft({ publicKeyPem: e.target.value })}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Verifying…' : 'Verify signature'}
            </button>
          </div>
        </form>
        <div className="verify-result">
          {report ? (
            <SignatureReport report={report} keyLabel={reportKey} />
          ) : (
            <div className="empty">
              <p className="empty-title">No verdict yet</p>
              <p className="muted">Fill in the webhook and press Verify signature.</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
