/** Subscriptions: the list (#/subscriptions), a new one (#/subscriptions/new) or one to edit (#/subscriptions/<id>). */
import { useEffect } from 'react';
import type { AreaProps } from '../../router/area-registry.js';
import { hrefFor } from '../../router/hash-route.js';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { SubscriptionEditor } from './subscription-editor.js';
import { SubscriptionList } from './subscription-list.js';
import './subscriptions.css';

export default function SubscriptionsArea({ route }: AreaProps) {
  const subs = useAppStore((s) => s.subscriptions);
  const load = useAppStore((s) => s.loadSubscriptions);
  const loadCatalog = useAppStore((s) => s.loadCatalog);
  const selected = route.segments[0];

  useEffect(() => {
    if (subs.load === 'idle') void load();
  }, [subs.load, load]);
  useEffect(() => {
    if (!subs.catalog) void loadCatalog();
  }, [subs.catalog, loadCatalog]);

  if (selected === 'new') {
    return (
      <section className="area subscriptions" aria-labelledby="subs-title">
        <AreaHeader
          title="New subscription"
          description="Send events to a URL, signed the way a provider does."
        />
        <SubscriptionEditor />
      </section>
    );
  }

  if (selected) {
    const existing = subs.items.find((s) => s.id === selected);
    return (
      <section className="area subscriptions" aria-labelledby="subs-title">
        <AreaHeader
          title={existing ? existing.name : 'Subscription'}
          description={existing ? <code>{existing.id}</code> : undefined}
          actions={
            <a className="button" href={hrefFor('subscriptions')}>
              All subscriptions
            </a>
          }
        />
        {existing ? (
          <SubscriptionEditor key={existing.id} existing={existing} />
        ) : subs.load === 'ready' ? (
          <div className="empty">
            <p className="empty-title">No subscription {selected}</p>
            <p className="muted">It may have been deleted.</p>
          </div>
        ) : (
          <p className="loading" role="status">
            Loading…
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="area subscriptions" aria-labelledby="subs-title">
      <AreaHeader
        title="Subscriptions"
        description="Where Hookscope sends events, how they are signed, filtered and retried."
        actions={
          <a className="button button-primary" href={hrefFor('subscriptions', ['new'])}>
            New subscription
          </a>
        }
      />
      {subs.error && (
        <div className="callout callout-error" role="alert">
          Could not load subscriptions: {subs.error}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {subs.load === 'loading' && subs.items.length === 0 && (
        <p className="loading" role="status">
          Loading subscriptions…
        </p>
      )}
      {subs.load === 'ready' && subs.items.length === 0 && (
        <div className="empty">
          <p className="empty-title">No subscriptions yet</p>
          <p className="muted">
            Add one to send Instafill, Instnt or Standard Webhooks events to a URL — your own receiver's
            endpoint works too.
          </p>
        </div>
      )}
      {subs.items.length > 0 && <SubscriptionList items={subs.items} health={subs.health} />}
    </section>
  );
}
