/** The delivery log as a table; a row's event type links to its detail. Live arrivals flash briefly. */
import type { DeliverySummary } from '../../../shared/contract/index.js';
import { hrefFor } from '../../router/hash-route.js';
import { formatDateTime } from '../../ui/format.js';
import { StatusBadge } from './status-badge.js';

export function DeliveryTable({ items, liveIds }: { items: DeliverySummary[]; liveIds: string[] }) {
  const live = new Set(liveIds);
  return (
    <div className="table-wrap">
      <table className="table delivery-table">
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Event</th>
            <th scope="col">Subscription</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last response</th>
            <th scope="col">Duration</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} className={live.has(d.id) ? 'delivery-live' : undefined}>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td>
                <a
                  href={hrefFor('deliveries', [d.id])}
                  aria-label={`${d.eventType} to ${d.subscriptionName}`}
                >
                  <code>{d.eventType}</code>
                </a>
                {d.test && <span className="tag tag-test">test</span>}
              </td>
              <td className="delivery-sub" title={d.url}>
                {d.subscriptionName}
              </td>
              <td className="num">
                {d.attemptCount}/{d.maxAttempts}
              </td>
              <td title={d.lastError}>
                {d.lastStatus !== undefined ? (
                  <code className={d.lastStatus < 300 ? 'http-ok' : 'http-bad'}>{d.lastStatus}</code>
                ) : d.lastError ? (
                  <span className="http-bad">error</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="num">
                {d.lastLatencyMs !== undefined ? `${Math.round(d.lastLatencyMs)} ms` : '—'}
              </td>
              <td className="nowrap">
                <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
