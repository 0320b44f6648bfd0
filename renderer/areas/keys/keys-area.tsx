/** Keys: the signing keys and secrets Hookscope signs and verifies with, and the receiver's certificate. */
import { useEffect } from 'react';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { CertificateCard } from './certificate-card.js';
import { KeysTable } from './keys-table.js';
import { NewKeyForm } from './new-key-form.js';
import './keys.css';

export default function KeysArea() {
  const keys = useAppStore((s) => s.keys);
  const load = useAppStore((s) => s.loadKeys);

  useEffect(() => {
    if (keys.load === 'idle') void load();
  }, [keys.load, load]);

  return (
    <section className="area keys" aria-labelledby="keys-title">
      <AreaHeader
        title="Keys"
        description="Generate or import the keys subscriptions sign with and endpoints verify with. Private material never leaves the engine; public keys and secrets are yours to copy."
      />
      {keys.error && (
        <div className="callout callout-error" role="alert">
          Could not load keys: {keys.error}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {keys.load === 'loading' && keys.items.length === 0 && (
        <p className="loading" role="status">
          Loading keys…
        </p>
      )}
      {keys.load === 'ready' && keys.items.length === 0 && (
        <div className="empty">
          <p className="empty-title">No keys yet</p>
          <p className="muted">
            Generate an RSA key for Instnt-style signatures, or an HMAC secret for Instafill and Standard
            Webhooks, below.
          </p>
        </div>
      )}
      {keys.items.length > 0 && <KeysTable keys={keys.items} />}
      <div className="keys-grid">
        <NewKeyForm />
        <CertificateCard />
      </div>
    </section>
  );
}
