/** One attempt in full: the request exactly as sent, the response (or the error), and the timings. */
import type { AttemptResponse, DeliveryAttempt } from '../../../shared/contract/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { formatDateTime } from '../../ui/format.js';
import { TimingsWaterfall } from './timings-waterfall.js';

export function AttemptView({ attempt }: { attempt: DeliveryAttempt }) {
  return (
    <section className="attempt" aria-labelledby="attempt-title">
      <h2 id="attempt-title" className="attempt-title">
        Attempt {attempt.n}{' '}
        <span className="muted">
          · sent {formatDateTime(attempt.sentAt)} · {attempt.trigger}
          {attempt.retryAfterSec !== undefined && ` · receiver asked to wait ${attempt.retryAfterSec} s`}
        </span>
      </h2>
      <div className="attempt-grid">
        <section className="card exchange" aria-label="Request">
          <h3>
            Request <code className="exchange-line">POST {attempt.request.url}</code>
          </h3>
          <HeadersTable headers={attempt.request.headers} label="Request headers" />
          <Body text={attempt.request.body} label="Request body" />
        </section>
        <section className="card exchange" aria-label="Response">
          {attempt.response ? (
            <ResponseView response={attempt.response} />
          ) : (
            <>
              <h3>Response</h3>
              <div className="callout callout-error" role="note">
                No response:{' '}
                {attempt.error ? `${attempt.error.code}: ${attempt.error.message}` : 'unknown error'}
              </div>
            </>
          )}
        </section>
      </div>
      <TimingsWaterfall timings={attempt.timings} />
    </section>
  );
}

export function ResponseView({ response }: { response: AttemptResponse }) {
  const ok = response.status >= 200 && response.status < 300;
  return (
    <>
      <h3>
        Response <code className={ok ? 'http-ok' : 'http-bad'}>{response.status}</code>
      </h3>
      <HeadersTable headers={response.headers} label="Response headers" />
      {response.truncated && (
        <p className="callout" role="note">
          Truncated: the log keeps the start of the body; {response.bodyBytes.toLocaleString()} bytes arrived.
        </p>
      )}
      <Body
        text={response.body}
        label={response.bodyEncoding === 'base64' ? 'Response body (binary, base64)' : 'Response body'}
      />
    </>
  );
}

export function HeadersTable({ headers, label }: { headers: [string, string][]; label: string }) {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="headers-table" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          // Headers may repeat, so the position is part of the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity of a header line
          <tr key={`${i}-${name}`}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Body({ text, label }: { text: string; label: string }) {
  return (
    <div className="body-block">
      <div className="body-head">
        <span className="status-label">{label}</span>
        {text !== '' && <CopyButton value={text} label={`Copy ${label.toLowerCase()}`} />}
      </div>
      {text === '' ? <p className="muted">(empty)</p> : <pre className="body-pre">{text}</pre>}
    </div>
  );
}
