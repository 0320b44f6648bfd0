/** Filters over the delivery log: one subscription, one status. Changing one reloads the list. */
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { STATUS_LABEL } from './status-badge.js';

export function DeliveryFilters() {
  const filter = useAppStore((s) => s.deliveries.filter);
  const subs = useAppStore((s) => s.sendSubscriptions);
  const load = useAppStore((s) => s.loadDeliveries);
  const loading = useAppStore((s) => s.deliveries.load === 'loading');

  return (
    <fieldset className="delivery-filters">
      <legend className="visually-hidden">Filter deliveries</legend>
      <label className="inline-select">
        <span>Subscription</span>
        <select
          value={filter.subscription ?? ''}
          onChange={(e) => void load({ ...filter, subscription: e.target.value || undefined })}
        >
          <option value="">All subscriptions</option>
          {subs.map((sub) => (
            <option key={sub.id} value={sub.id}>
              {sub.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-select">
        <span>Status</span>
        <select
          value={filter.status ?? ''}
          onChange={(e) =>
            void load({ ...filter, status: (e.target.value || undefined) as DeliveryStatus | undefined })
          }
        >
          <option value="">Any status</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABEL[status]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-quiet" disabled={loading} onClick={() => void load()}>
        Refresh
      </button>
    </fieldset>
  );
}
