/** The verdict on a capture's signature and, when it failed, the doctor's findings with their evidence. */
import { type KeyInfo, SCHEME_INFO, type VerifyReport } from '../../../shared/contract/index.js';

export function SignaturePanel({
  report,
  keyInfo,
  keyLabel,
}: {
  report?: VerifyReport;
  keyInfo?: KeyInfo;
  /** When no stored key: e.g. "endpoint secret". */
  keyLabel?: string;
}) {
  if (!report) {
    return (
      <section className="detail-section" aria-labelledby="sig-title">
        <h3 id="sig-title">Signature</h3>
        <p className="muted">
          Not checked: this endpoint expects no signature. Set a scheme and key in the endpoint editor to
          verify what arrives.
        </p>
      </section>
    );
  }
  return (
    <section className="detail-section signature-panel" aria-labelledby="sig-title">
      <h3 id="sig-title">Signature</h3>
      <div className="sig-head">
        <span className={`verdict verdict-${report.valid ? 'valid' : 'invalid'} verdict-large`}>
          {report.valid ? 'valid' : 'invalid'}
        </span>
        <span>{report.summary}</span>
      </div>
      <dl className="facts">
        <dt>Scheme</dt>
        <dd>{SCHEME_INFO[report.scheme]?.label ?? report.scheme}</dd>
        <dt>Key</dt>
        <dd>{keyInfo ? `${keyInfo.name} (${keyInfo.type}, ${keyInfo.id})` : (keyLabel ?? '—')}</dd>
        {report.skewSec !== undefined && (
          <>
            <dt>Clock skew</dt>
            <dd>{report.skewSec} s</dd>
          </>
        )}
      </dl>
      {report.diagnosis.length > 0 && (
        <ol className="findings" aria-label="Signature doctor findings">
          {report.diagnosis.map((d) => (
            <li key={d.code} className="finding">
              <p className="finding-title">
                {d.title} <code className="tag">{d.code}</code>
              </p>
              <p>{d.detail}</p>
              {d.evidence && Object.keys(d.evidence).length > 0 && <Pairs values={d.evidence} />}
            </li>
          ))}
        </ol>
      )}
      {report.computed && Object.keys(report.computed).length > 0 && (
        <>
          <h4>Computed</h4>
          <Pairs values={report.computed} />
        </>
      )}
      {report.digestInfo && (
        <>
          <h4>DigestInfo (RSA signature opened with the public key)</h4>
          <dl className="facts">
            <dt>Algorithm</dt>
            <dd>
              {report.digestInfo.algorithm} <span className="muted">({report.digestInfo.oid})</span>
            </dd>
            <dt>Digest</dt>
            <dd>
              <code className="wrap">{report.digestInfo.digestHex}</code>
            </dd>
            {report.digestInfo.digestOf && (
              <>
                <dt>Digest of</dt>
                <dd>{report.digestInfo.digestOf}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}

function Pairs({ values }: { values: Record<string, string> }) {
  return (
    <dl className="facts">
      {Object.entries(values).map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd>
            <code className="wrap">{v}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
