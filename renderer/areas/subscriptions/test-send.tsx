/** "Send test event": one test delivery to this subscription only, with the receiver's answer inline. */
import { useState } from 'react';
import type { CatalogEventType, Delivery } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';

const MAX_BODY_CHARS = 4000;

export function TestSend({ subscriptionId, types }: { subscriptionId: string; types: CatalogEventType[] }) {
  const testSubscription = useAppStore((s) => s.testSubscription);
  const pushToast = useAppStore((s) => s.pushToast);
  const [type, setType] = useState('');
  const [busy, setBusy] = useState(false);
  const [delivery, setDelivery] = useState<Delivery>();

  const send = async () => {
    setBusy(true);
    try {
      const result = await testSubscription(subscriptionId, type || undefined);
      setDelivery(result);
      const attempt = result.attempts[result.attempts.length - 1];
      pushToast({
        kind: attempt?.ok ? 'success' : 'error',
        message: attempt?.ok
          ? `Test event delivered (${attempt.response?.status})`
          : `Test event failed: ${attempt?.error?.message ?? `HTTP ${attempt?.response?.status ?? '?'}`}`,
      });
    } catch (err) {
      pushToast({ kind: 'error', message: `Test not sent: ${toProblem(err).message}` });
    } finally {
      setBusy(false);
    }
  };

  const attempt = delivery?.attempts[delivery.attempts.length - 1];
  const body = attempt?.response
    ? attempt.response.bodyEncoding === 'base64'
      ? `(binary, ${attempt.response.bodyBytes} bytes)`
      : attempt.response.body.slice(0, MAX_BODY_CHARS)
    : undefined;

  return (
    <section className="card" aria-labelledby="test-send-title">
      <h2 id="test-send-title">Send a test event</h2>
      <div className="field-row test-send-row">
        <select
          className="control"
          aria-label="Test event type"
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          <option value="">Default test event</option>
          {types.map((t) => (
            <option key={t.type} value={t.type}>
              {t.type}
            </option>
          ))}
        </select>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void send()}>
          {busy ? 'Sending…' : 'Send test event'}
        </button>
      </div>
      {delivery && attempt && (
        <section className="test-result" aria-label="Test response" aria-live="polite">
          <p className="test-result-head">
            {attempt.response ? (
              <span className={`outcome-pill ${attempt.ok ? 'outcome-ok' : 'outcome-bad'}`}>
                HTTP {attempt.response.status}
              </span>
            ) : (
              <span className="outcome-pill outcome-bad">{attempt.error?.code ?? 'error'}</span>
            )}
            <span>{Math.round(attempt.timings.totalMs)} ms</span>
            <code className="muted">{delivery.eventType}</code>
            <code className="muted">{delivery.id}</code>
          </p>
          {attempt.error && <p className="field-error">{attempt.error.message}</p>}
          {body !== undefined && (
            <section aria-label="Response body">
              <pre className="pre">
                {body || '(empty body)'}
                {attempt.response?.truncated ? '\n… (truncated)' : ''}
              </pre>
            </section>
          )}
        </section>
      )}
    </section>
  );
}
