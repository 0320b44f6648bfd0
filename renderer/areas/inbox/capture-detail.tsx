/** One capture in full: overview, signature, headers, body, the answer we sent, timings, forward, replays. */
import type { CaptureDetail as Detail, Exchange, Replay } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatDateTime } from '../../ui/format.js';
import { BodyView } from './body-view.js';
import { endpointLabel } from './capture-list.js';
import { SignaturePanel } from './signature-panel.js';
import { formatBytes } from './urls.js';

export interface DetailActions {
  onReplay(): void;
  onCopyCurl(): void;
  onExport(): void;
  onDelete(): void;
  onClose(): void;
}

export function CaptureDetailPanel({ actions }: { actions: DetailActions }) {
  const detail = useAppStore((s) => s.inbox.detail);
  const load = useAppStore((s) => s.inbox.detailLoad);
  const error = useAppStore((s) => s.inbox.detailError);
  const openId = useAppStore((s) => s.inbox.openId);
  if (!openId) return null;
  return (
    <section className="capture-detail" aria-label="Capture detail">
      {load === 'loading' && !detail && (
        <p className="loading" role="status">
          Loading capture…
        </p>
      )}
      {load === 'error' && (
        <p className="callout callout-error" role="alert">
          Could not load the capture: {error}
        </p>
      )}
      {detail && <DetailBody detail={detail} actions={actions} />}
    </section>
  );
}

function DetailBody({ detail, actions }: { detail: Detail; actions: DetailActions }) {
  const keys = useAppStore((s) => s.inbox.keys);
  const endpoints = useAppStore((s) => s.inbox.endpoints);
  const open = useAppStore((s) => s.openCapture);
  const endpoint = endpoints.find((e) => e.id === detail.endpoint);
  const keyInfo = keys.find((k) => k.id === endpoint?.verify?.keyId);
  return (
    <>
      <div className="detail-head">
        <h2>
          <span className={`method method-${detail.method.toLowerCase()}`}>{detail.method}</span>{' '}
          <span className="detail-path">{detail.url}</span>
        </h2>
        <div className="detail-actions" role="toolbar" aria-label="Capture actions">
          <button type="button" className="button button-small" onClick={actions.onReplay} title="r">
            Replay…
          </button>
          <button type="button" className="button button-small" onClick={actions.onCopyCurl} title="c">
            Copy as curl
          </button>
          <button type="button" className="button button-small" onClick={actions.onExport}>
            Export HAR
          </button>
          <button type="button" className="button button-small button-danger" onClick={actions.onDelete}>
            Delete
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={actions.onClose}
            title="Esc"
          >
            Close
          </button>
        </div>
      </div>
      <div className="detail-scroll">
        <section className="detail-section" aria-labelledby="ov-title">
          <h3 id="ov-title">Overview</h3>
          <dl className="facts">
            <dt>Received</dt>
            <dd>{formatDateTime(detail.receivedAt)}</dd>
            <dt>Endpoint</dt>
            <dd>{endpointLabel(detail)}</dd>
            <dt>Size</dt>
            <dd>{formatBytes(detail.size)}</dd>
            <dt>Source</dt>
            <dd>
              {detail.source === 'imported' ? 'imported' : `${detail.remoteAddress}`}
              {detail.remotePort ? `:${detail.remotePort}` : ''}
              {detail.clientAddress !== detail.remoteAddress && ` (client ${detail.clientAddress})`}
            </dd>
            <dt>Via tunnel</dt>
            <dd>{detail.viaTunnel ? 'yes' : 'no'}</dd>
            <dt>HTTP</dt>
            <dd>{detail.httpVersion}</dd>
            {detail.eventType && (
              <>
                <dt>Event</dt>
                <dd>
                  {detail.eventType}
                  {detail.eventId && <span className="muted"> · {detail.eventId}</span>}
                </dd>
              </>
            )}
            {detail.duplicateOf && (
              <>
                <dt>Duplicate of</dt>
                <dd>
                  <button type="button" className="link-button" onClick={() => void open(detail.duplicateOf)}>
                    {detail.duplicateOf}
                  </button>
                </dd>
              </>
            )}
          </dl>
          {detail.notes.length > 0 && (
            <ul className="notes">
              {detail.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {detail.validation && !detail.validation.ok && (
            <p className="callout">Payload validation: {detail.validation.problems.join('; ')}</p>
          )}
        </section>
        <SignaturePanel
          report={detail.verification}
          keyInfo={keyInfo}
          keyLabel={endpoint?.verify?.hasSecret ? "the endpoint's secret" : undefined}
        />
        <section className="detail-section" aria-labelledby="hd-title">
          <h3 id="hd-title">Headers</h3>
          <HeadersTable headers={detail.rawHeaders} caption="Request headers, in received order" />
        </section>
        <section className="detail-section" aria-labelledby="body-title">
          <h3 id="body-title">Body</h3>
          <BodyView body={detail.body} />
        </section>
        <section className="detail-section" aria-labelledby="resp-title">
          <h3 id="resp-title">Response we sent</h3>
          <dl className="facts">
            <dt>Answer</dt>
            <dd>
              {detail.response.kind === 'respond' || detail.response.kind === 'rejected'
                ? `${detail.response.status ?? '—'}${detail.response.kind === 'rejected' ? ' (rejected)' : ''}`
                : detail.response.kind}
              {detail.response.reason && <span className="muted"> · {detail.response.reason}</span>}
            </dd>
            {detail.response.delayMs ? (
              <>
                <dt>Delay</dt>
                <dd>{detail.response.delayMs} ms</dd>
              </>
            ) : null}
            {detail.response.heldMs !== undefined && (
              <>
                <dt>Held</dt>
                <dd>{detail.response.heldMs} ms</dd>
              </>
            )}
          </dl>
          {detail.response.headers.length > 0 && (
            <HeadersTable headers={detail.response.headers} caption="Response headers" />
          )}
          {detail.response.body && <pre className="code">{detail.response.body}</pre>}
        </section>
        <section className="detail-section" aria-labelledby="tm-title">
          <h3 id="tm-title">Timings</h3>
          <dl className="facts">
            <dt>Body received in</dt>
            <dd>{detail.timing.bodyMs.toFixed(1)} ms</dd>
            <dt>Stored after</dt>
            <dd>{detail.timing.processMs.toFixed(1)} ms</dd>
          </dl>
        </section>
        {detail.forward && (
          <section className="detail-section" aria-labelledby="fw-title">
            <h3 id="fw-title">Forwarded</h3>
            <ExchangeView exchange={detail.forward} />
          </section>
        )}
        {detail.replays.length > 0 && (
          <section className="detail-section" aria-labelledby="rp-title">
            <h3 id="rp-title">Replays</h3>
            {detail.replays
              .slice()
              .reverse()
              .map((r) => (
                <ReplayView key={r.id} replay={r} />
              ))}
          </section>
        )}
      </div>
    </>
  );
}

export function HeadersTable({ headers, caption }: { headers: [string, string][]; caption: string }) {
  const counts = new Map<string, number>();
  for (const [name] of headers) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  return (
    <table className="table headers-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: headers repeat; order is their identity
          <tr key={i}>
            <td className="nowrap">
              <code>{name}</code>
              {(counts.get(name.toLowerCase()) ?? 0) > 1 && <span className="badge-dup">repeated</span>}
            </td>
            <td>
              <code className="wrap">{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExchangeView({ exchange }: { exchange: Exchange }) {
  return (
    <div className="exchange">
      <p>
        <code>
          {exchange.method} {exchange.url}
        </code>
      </p>
      {exchange.error ? (
        <p className="field-error">{exchange.error}</p>
      ) : (
        <p>
          <span className={`status-code status-${Math.floor((exchange.status ?? 0) / 100)}xx`}>
            {exchange.status}
          </span>{' '}
          {exchange.statusText} · {exchange.timing.totalMs.toFixed(0)} ms
          {exchange.responseSize !== undefined && ` · ${formatBytes(exchange.responseSize)}`}
        </p>
      )}
      {exchange.responseHeaders && exchange.responseHeaders.length > 0 && (
        <HeadersTable headers={exchange.responseHeaders} caption="Response headers" />
      )}
      {exchange.responseText !== undefined && exchange.responseText !== '' && (
        <pre className="code">{exchange.responseText}</pre>
      )}
    </div>
  );
}

function ReplayView({ replay }: { replay: Replay }) {
  return (
    <div className="replay-item">
      <p className="muted">
        {formatDateTime(replay.at)} · {replay.mode}
        {replay.resigned && ` · re-signed (${replay.resigned.scheme})`}
      </p>
      <ExchangeView exchange={replay} />
    </div>
  );
}
