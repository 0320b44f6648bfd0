/**
 * Deliveries: every event sent to every subscription, live. The list filters by subscription and status
 * and pages backwards; `#/deliveries/<id>` opens one delivery with its attempts and retry timeline. The
 * clock control heads both, since stepping the clock is how a person walks through retries.
 */
import { useEffect } from 'react';
import type { AreaProps } from '../../router/area-registry.js';
import { ClockControl } from '../../shell/clock-control.js';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { DeliveryDetail } from './delivery-detail.js';
import { DeliveryFilters } from './delivery-filters.js';
import { DeliveryTable } from './delivery-table.js';
import { NotifyButton } from './notify-button.js';
import './deliveries.css';

export default function DeliveriesArea({ route }: AreaProps) {
  const openId = route.segments[0];
  const subsLoad = useAppStore((s) => s.sendSubscriptionsLoad);
  const loadSubs = useAppStore((s) => s.loadSendSubscriptions);
  const catalogLoad = useAppStore((s) => s.sendCatalogLoad);
  const loadCatalog = useAppStore((s) => s.loadSendCatalog);

  useEffect(() => {
    if (subsLoad === 'idle') void loadSubs();
    if (catalogLoad === 'idle') void loadCatalog();
  }, [subsLoad, loadSubs, catalogLoad, loadCatalog]);

  return (
    <section className="area deliveries" aria-labelledby="deliveries-title">
      <AreaHeader
        title="Deliveries"
        description="Every event sent to every subscription, with each attempt, its response and what happens next."
        actions={<NotifyButton />}
      />
      <ClockControl />
      {openId ? <DeliveryDetail id={openId} /> : <DeliveryList />}
    </section>
  );
}

function DeliveryList() {
  const list = useAppStore((s) => s.deliveries);
  const load = useAppStore((s) => s.loadDeliveries);
  const loadOlder = useAppStore((s) => s.loadOlderDeliveries);
  const filtered = Boolean(list.filter.status || list.filter.subscription);

  useEffect(() => {
    if (list.load === 'idle') void load();
  }, [list.load, load]);

  return (
    <>
      <DeliveryFilters />
      {list.error && (
        <div className="callout callout-error" role="alert">
          Could not load deliveries: {list.error}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => void (list.items.length ? loadOlder() : load())}
          >
            Try again
          </button>
        </div>
      )}
      {list.load === 'loading' && list.items.length === 0 && (
        <p className="loading" role="status">
          Loading deliveries…
        </p>
      )}
      {list.load === 'ready' && list.items.length === 0 && (
        <div className="empty">
          <p className="empty-title">
            {filtered ? 'No deliveries match these filters' : 'No deliveries yet'}
          </p>
          <p className="muted">
            {filtered ? (
              'Clear a filter to see more.'
            ) : (
              <>
                Fire an event from the <a href="#/playground">Playground</a> to a subscription and its
                attempts appear here as they happen.
              </>
            )}
          </p>
        </div>
      )}
      {list.items.length > 0 && (
        <>
          <DeliveryTable items={list.items} liveIds={list.liveIds} />
          <div className="deliveries-more">
            {list.nextBefore ? (
              <button
                type="button"
                className="button"
                disabled={list.loadingOlder}
                onClick={() => void loadOlder()}
              >
                {list.loadingOlder ? 'Loading…' : 'Load older'}
              </button>
            ) : (
              <p className="muted">
                {list.items.length} {list.items.length === 1 ? 'delivery' : 'deliveries'}
              </p>
            )}
          </div>
        </>
      )}
    </>
  );
}
