/** One delivery: what was sent where, its retry timeline with controls, and each attempt in full. */
import { useEffect, useState } from 'react';
import type { Delivery } from '../../../shared/contract/index.js';
import { hrefFor } from '../../router/hash-route.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatDateTime } from '../../ui/format.js';
import { AttemptView } from './attempt-view.js';
import { RetryTimeline } from './retry-timeline.js';
import { StatusBadge } from './status-badge.js';

export function DeliveryDetail({ id }: { id: string }) {
  const detail = useAppStore((s) => s.deliveryDetail);
  const open = useAppStore((s) => s.openDelivery);

  useEffect(() => {
    void open(id);
    return () => void open(undefined);
  }, [id, open]);

  const delivery = detail?.id === id ? detail.delivery : undefined;
  return (
    <div className="delivery-detail">
      <p>
        <a href={hrefFor('deliveries')}>← All deliveries</a>
      </p>
      {detail?.id === id && detail.load === 'error' && (
        <div className="callout callout-error" role="alert">
          Could not load delivery {id}: {detail.error}
        </div>
      )}
      {!delivery && detail?.load !== 'error' && (
        <p className="loading" role="status">
          Loading delivery…
        </p>
      )}
      {delivery && <Loaded delivery={delivery} />}
    </div>
  );
}

function Loaded({ delivery }: { delivery: Delivery }) {
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const count = delivery.attempts.length;
  // Follow the newest attempt until the person picks one.
  const shown = selected !== undefined && selected <= count ? selected : count;
  const attempt = delivery.attempts.find((a) => a.n === shown);

  return (
    <>
      <section className="card delivery-overview" aria-labelledby="delivery-title">
        <div className="delivery-overview-head">
          <h2 id="delivery-title">
            <code>{delivery.eventType}</code> to {delivery.subscriptionName}
          </h2>
          <StatusBadge status={delivery.status} />
          {delivery.test && <span className="tag tag-test">test</span>}
        </div>
        <dl className="facts">
          <dt>URL</dt>
          <dd>
            <code>{delivery.url}</code>
          </dd>
          <dt>Event</dt>
          <dd>
            <code>{delivery.eventId}</code>
          </dd>
          <dt>Signed</dt>
          <dd>{delivery.scheme === 'none' ? 'not signed' : delivery.scheme}</dd>
          <dt>Attempts</dt>
          <dd>
            {delivery.attemptCount} of {delivery.maxAttempts}
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(delivery.createdAt)}</dd>
          {delivery.finalReason && (
            <>
              <dt>Outcome</dt>
              <dd>{delivery.finalReason}</dd>
            </>
          )}
          {delivery.alertPost && (
            <>
              <dt>Alert</dt>
              <dd>
                Posted to <code>{delivery.alertPost.url}</code>:{' '}
                {delivery.alertPost.status ?? delivery.alertPost.error}
              </dd>
            </>
          )}
        </dl>
      </section>
      <RetryTimeline delivery={delivery} selected={shown} onSelect={setSelected} />
      {attempt ? <AttemptView attempt={attempt} /> : <p className="muted">No attempt has been made yet.</p>}
    </>
  );
}
