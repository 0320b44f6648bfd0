/** The receiver's HTTPS certificate: what to trust or pin. When HTTPS is off, the engine says so. */
import { useEffect, useState } from 'react';
import type { CertInfo } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useAppStore } from '../../state/use-app-store.js';
import { CopyButton } from '../../ui/copy-button.js';
import { downloadText } from '../../ui/download.js';
import { formatDateTime } from '../../ui/format.js';

export function CertificateCard() {
  const receiverCertificate = useAppStore((s) => s.receiverCertificate);
  const [cert, setCert] = useState<CertInfo>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    receiverCertificate().then(
      (c) => live && setCert(c),
      (err) => live && setError(toProblem(err).message),
    );
    return () => {
      live = false;
    };
  }, [receiverCertificate]);

  return (
    <section className="card" aria-labelledby="cert-title">
      <h2 id="cert-title">Receiver HTTPS certificate</h2>
      {!cert && !error && (
        <p className="loading" role="status">
          Loading the certificate…
        </p>
      )}
      {error && (
        <p className="callout" role="status">
          {error}
        </p>
      )}
      {cert && (
        <>
          <dl className="cert-facts">
            <div>
              <dt>SHA-256 fingerprint</dt>
              <dd className="field-row">
                <code className="fingerprint">{cert.fingerprint}</code>
                <CopyButton value={cert.fingerprint} label="Copy certificate fingerprint" />
              </dd>
            </div>
            <div>
              <dt>Valid</dt>
              <dd>
                {formatDateTime(cert.notBefore)} – {formatDateTime(cert.notAfter)}
              </dd>
            </div>
            <div>
              <dt>Names (SANs)</dt>
              <dd>
                {cert.sans.map((san) => (
                  <code key={san} className="tag san">
                    {san}
                  </code>
                ))}
              </dd>
            </div>
          </dl>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => downloadText('hookscope-receiver.crt.pem', cert.pem, 'application/x-pem-file')}
            >
              Download certificate PEM
            </button>
          </div>
        </>
      )}
    </section>
  );
}
