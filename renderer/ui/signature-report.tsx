/**
 * A VerifyReport as people read it: the verdict, the signature doctor's findings with their evidence,
 * the timestamp and skew, what we computed, and for RSA the DigestInfo opened from the signature.
 * Used by Verify and by a capture's signature panel, so both explain a failure the same way.
 */
import type { Diagnosis, DigestInfoView, VerifyReport } from '../../shared/contract/index.js';
import { SCHEME_INFO } from '../../shared/contract/index.js';
import './signature-report.css';

export interface SignatureReportProps {
  report: VerifyReport;
  /** What was verified with, e.g. a key's name; shown beside the scheme. */
  keyLabel?: string;
  /** Heading level for the panel title (default 2). */
  headingLevel?: 2 | 3;
}

export function SignatureReport({ report, keyLabel, headingLevel = 2 }: SignatureReportProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const verdict = report.valid ? 'valid' : 'invalid';
  return (
    <section className={`sig-report sig-report-${verdict}`} aria-label="Signature report">
      <div className="sig-report-head">
        <Heading className="sig-verdict" aria-live="polite">
          <span className={`verdict-badge verdict-${verdict}`}>{report.valid ? 'Valid' : 'Invalid'}</span>
          <span className="sig-summary">
            {report.summary.trim().toLowerCase() === verdict
              ? report.valid
                ? 'The signature matches these exact bytes'
                : 'The signature does not match'
              : report.summary}
          </span>
        </Heading>
        <p className="muted">
          {SCHEME_INFO[report.scheme]?.label ?? report.scheme}
          {keyLabel ? ` · ${keyLabel}` : ''}
          {report.signedAt !== undefined && (
            <>
              {' · signed '}
              <time dateTime={new Date(report.signedAt * 1000).toISOString()}>
                {new Date(report.signedAt * 1000).toISOString().replace('.000Z', 'Z')}
              </time>
              {report.skewSec !== undefined && ` (${describeSkew(report.skewSec)})`}
            </>
          )}
        </p>
      </div>

      {report.diagnosis.length > 0 && (
        <div>
          <Sub className="sig-section-title">Signature doctor</Sub>
          <ol className="sig-findings" aria-label="Findings">
            {report.diagnosis.map((d) => (
              <Finding key={`${d.code}:${d.detail}`} diagnosis={d} />
            ))}
          </ol>
        </div>
      )}

      {report.digestInfo && (
        <div>
          <Sub className="sig-section-title">RSA DigestInfo</Sub>
          <DigestInfo info={report.digestInfo} />
        </div>
      )}

      {report.computed && Object.keys(report.computed).length > 0 && (
        <div>
          <Sub className="sig-section-title">Computed</Sub>
          <KeyValues values={report.computed} label="Computed values" />
        </div>
      )}
    </section>
  );
}

function Finding({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <li className="sig-finding">
      <p className="sig-finding-title">
        <strong>{diagnosis.title}</strong> <code className="tag">{diagnosis.code}</code>
      </p>
      <p>{diagnosis.detail}</p>
      {diagnosis.evidence && Object.keys(diagnosis.evidence).length > 0 && (
        <KeyValues values={diagnosis.evidence} label={`Evidence: ${diagnosis.title}`} />
      )}
    </li>
  );
}

function DigestInfo({ info }: { info: DigestInfoView }) {
  const values: Record<string, string> = {
    algorithm: info.algorithm,
    OID: info.oid,
    digest: info.digestHex,
  };
  if (info.digestOf) values['digest of'] = info.digestOf;
  return <KeyValues values={values} label="DigestInfo" />;
}

function KeyValues({ values, label }: { values: Record<string, string>; label: string }) {
  return (
    <dl className="sig-kv" aria-label={label}>
      {Object.entries(values).map(([key, value]) => (
        <div key={key} className="sig-kv-row">
          <dt>{key}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "12 s ago", "3 min in the future". */
export function describeSkew(skewSec: number): string {
  const abs = Math.abs(skewSec);
  const amount =
    abs < 120 ? `${abs} s` : abs < 7200 ? `${Math.round(abs / 60)} min` : `${Math.round(abs / 3600)} h`;
  return skewSec >= 0 ? `${amount} ago` : `${amount} in the future`;
}
