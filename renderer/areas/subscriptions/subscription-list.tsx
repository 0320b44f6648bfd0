/** The subscriptions, with an enabled switch, recent success at a glance and links to edit. */
import { useState } from 'react';
import type { Subscription } from '../../../shared/contract/index.js';
import { hrefFor } from '../../router/hash-route.js';
import type { SubscriptionHealth } from '../../state/subscriptions-slice.js';
import { useAppStore } from '../../state/use-app-store.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { Sparkline } from './sparkline.js';

export function SubscriptionList({
  items,
  health,
}: {
  items: Subscription[];
  health: Record<string, SubscriptionHealth>;
}) {
  const setEnabled = useAppStore((s) => s.setSubscriptionEnabled);
  const remove = useAppStore((s) => s.deleteSubscription);
  const [deleting, setDeleting] = useState<Subscription>();

  return (
    <div className="table-wrap">
      <table className="table subs-table">
        <caption className="visually-hidden">Subscriptions</caption>
        <thead>
          <tr>
            <th scope="col">Enabled</th>
            <th scope="col">Subscription</th>
            <th scope="col">Events</th>
            <th scope="col">Success (24 h)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((sub) => {
            const h = health[sub.id];
            const rate = h?.stats?.windows['24h'].successRate;
            return (
              <tr key={sub.id}>
                <td>
                  <label className="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      aria-checked={sub.enabled}
                      aria-label={`Enabled: ${sub.name}`}
                      checked={sub.enabled}
                      onChange={(e) => void setEnabled(sub.id, e.target.checked)}
                    />
                  </label>
                </td>
                <td>
                  <a href={hrefFor('subscriptions', [sub.id])} className="sub-name">
                    {sub.name}
                  </a>
                  <div className="muted sub-url">
                    <code>{sub.url}</code>
                  </div>
                  {sub.disabledReason && <div className="field-error">{sub.disabledReason}</div>}
                </td>
                <td>
                  <span title={sub.events.join(', ')}>
                    {sub.events.includes('*')
                      ? 'All events'
                      : `${sub.events.length} ${sub.events.length === 1 ? 'type' : 'types'}`}
                  </span>
                  <div className="muted">{sub.profile}</div>
                </td>
                <td>
                  <div className="sub-health">
                    <Sparkline outcomes={h?.recent ?? []} label={`Recent deliveries to ${sub.name}`} />
                    <span className="sub-rate">
                      {rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)} %`}
                    </span>
                  </div>
                </td>
                <td>
                  <div className="row-actions">
                    <a
                      className="button button-small"
                      href={hrefFor('subscriptions', [sub.id])}
                      aria-label={`Edit ${sub.name}`}
                    >
                      Edit
                    </a>
                    <button
                      type="button"
                      className="button button-small button-quiet button-danger-quiet"
                      aria-label={`Delete ${sub.name}`}
                      onClick={() => setDeleting(sub)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.name ?? ''}?`}
        confirmLabel="Delete subscription"
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          if (deleting) void remove(deleting.id);
          setDeleting(undefined);
        }}
      >
        Its pending deliveries are canceled. The delivery log keeps what was already sent.
      </ConfirmDialog>
    </div>
  );
}
