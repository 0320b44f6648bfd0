/**
 * What the inbox shows before anything arrived: a ready-to-paste curl command that sends a signed
 * Instafill test webhook to the chosen endpoint (signed by the engine with the endpoint's key, or with a
 * secret typed here), and the same through `hookscope sign`.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Endpoint } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';
import { CopyButton } from '../../ui/copy-button.js';
import { localUrl } from './urls.js';

const EVENT = 'test.webhook';
const DEFAULT_SECRET = 'my-webhook-secret';

/** Single-quotes a value for a POSIX shell. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function EmptyState({ endpoint }: { endpoint?: Endpoint }) {
  const receiverUrl = useAppStore((s) => s.health?.receiverUrl);
  const signBody = useAppStore((s) => s.signBody);
  const keyId = endpoint?.verify?.scheme === 'instafill-hmac' ? endpoint.verify.keyId : undefined;
  // A stored secret is never sent back, so the person types it; otherwise any secret will do.
  const [secret, setSecret] = useState(endpoint?.verify?.hasSecret ? '' : DEFAULT_SECRET);
  const [signature, setSignature] = useState<string>();
  const [error, setError] = useState<string>();
  const secretId = useId();
  const url = endpoint ? localUrl(receiverUrl, endpoint) : receiverUrl ? `${receiverUrl}/webhooks/test` : '';
  const body = useMemo(
    () =>
      JSON.stringify({
        event: EVENT,
        event_id: `evt_test_${Math.random().toString(36).slice(2, 10)}`,
        timestamp: new Date().toISOString(),
        data: { message: 'Hello from Hookscope' },
      }),
    [],
  );

  useEffect(() => {
    let live = true;
    if (!keyId && !secret) {
      setSignature(undefined);
      return;
    }
    signBody({ scheme: 'instafill-hmac', body, event: EVENT, ...(keyId ? { keyId } : { secret }) })
      .then((r) => {
        if (!live) return;
        setSignature(r.headers['X-Instafill-Signature'] ?? Object.values(r.headers)[0]);
        setError(undefined);
      })
      .catch((err) => live && setError(toProblem(err).message));
    return () => {
      live = false;
    };
  }, [body, keyId, secret, signBody]);

  const curl = [
    `curl -sS -X POST ${sq(url ?? '')}`,
    `  -H 'Content-Type: application/json'`,
    `  -H 'X-Instafill-Event: ${EVENT}'`,
    `  -H ${sq(`X-Instafill-Signature: ${signature ?? 'sha256=<type the secret above>'}`)}`,
    `  --data-binary ${sq(body)}`,
  ].join(' \\\n');
  const pipeline = `echo -n ${sq(body)} > body.json\nhookscope sign --scheme instafill-hmac --secret ${sq(keyId ? 'YOUR_SECRET' : secret)} --event ${EVENT} body.json`;

  return (
    <div className="empty inbox-empty">
      <p className="empty-title">No webhooks here yet</p>
      <p className="muted">
        Point a sender at {endpoint ? <code>{endpoint.path}</code> : 'the receiver'}, or paste this into a
        terminal: it sends a signed Instafill test webhook, and it appears here the moment it lands.
      </p>
      {!keyId && (
        <div className="field empty-secret">
          <label htmlFor={secretId}>
            Sign with secret{endpoint?.verify?.hasSecret ? " (type the endpoint's secret)" : ''}
          </label>
          <input
            id={secretId}
            type="text"
            autoComplete="off"
            placeholder="the endpoint's secret"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="command">
        <pre>{curl}</pre>
        <CopyButton value={curl} label="Copy curl command" />
      </div>
      <details>
        <summary>Or sign it with the Hookscope CLI</summary>
        <div className="command">
          <pre>{pipeline}</pre>
          <CopyButton value={pipeline} label="Copy sign command" />
        </div>
      </details>
    </div>
  );
}
