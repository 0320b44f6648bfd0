/**
 * The delivery log: newest first, filtered by subscription and status, paged backwards, kept current by
 * live `delivery` events; the one delivery open in the detail view (with every attempt), retry and cancel;
 * and final-failure alerts (toast, plus a system notification in a browser that allows them).
 */
import type {
  Delivery,
  DeliveryStatus,
  DeliverySummary,
  DispatcherAlert,
  Subscription,
} from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import { notifySystem } from './system-notify.js';
import type { LoadState, SliceCreator } from './types.js';

export const DELIVERIES_PAGE_SIZE = 50;
const MAX_LIVE_IDS = 20;
const MAX_ALERTS = 20;

export interface DeliveryFilter {
  subscription?: string;
  status?: DeliveryStatus;
}

export interface DeliveriesState {
  items: DeliverySummary[];
  nextBefore?: string;
  load: LoadState;
  error?: string;
  loadingOlder: boolean;
  filter: DeliveryFilter;
  /** Rows that arrived or changed live since the list loaded, newest first (for a brief highlight). */
  liveIds: string[];
}

export interface DeliveryDetailState {
  id: string;
  delivery?: Delivery;
  load: LoadState;
  error?: string;
}

export interface DeliveriesSlice {
  deliveries: DeliveriesState;
  deliveryDetail?: DeliveryDetailState;
  /** Subscriptions by id, for names in filters and pickers (Deliveries and Playground). */
  sendSubscriptions: Subscription[];
  sendSubscriptionsLoad: LoadState;
  recentAlerts: DispatcherAlert[];
  loadDeliveries(filter?: DeliveryFilter): Promise<void>;
  loadOlderDeliveries(): Promise<void>;
  receiveDelivery(summary: DeliverySummary): void;
  openDelivery(id: string | undefined): Promise<void>;
  retryDelivery(id: string): Promise<void>;
  cancelDelivery(id: string): Promise<void>;
  loadSendSubscriptions(): Promise<void>;
  receiveAlert(alert: DispatcherAlert): void;
}

const initial: DeliveriesState = { items: [], load: 'idle', loadingOlder: false, filter: {}, liveIds: [] };

/** The list row of a full delivery (drops the event and attempts). */
export function summaryOf(delivery: Delivery): DeliverySummary {
  const { event: _event, attempts: _attempts, alertPost: _alertPost, ...summary } = delivery;
  return summary;
}

export function matchesFilter(summary: DeliverySummary, filter: DeliveryFilter): boolean {
  return (
    (!filter.subscription || summary.subscriptionId === filter.subscription) &&
    (!filter.status || summary.status === filter.status)
  );
}

export const createDeliveriesSlice: SliceCreator<DeliveriesSlice> = (deps) => (set, get) => {
  const patch = (p: Partial<DeliveriesState>) => set({ deliveries: { ...get().deliveries, ...p } });
  /** Detail reloads in flight per id, so a burst of events for one delivery makes one request. */
  const reloading = new Set<string>();
  let listGeneration = 0;

  const reloadDetail = async (id: string) => {
    if (reloading.has(id)) return;
    reloading.add(id);
    try {
      const delivery = await deps.api.getDelivery({ id });
      if (get().deliveryDetail?.id === id) set({ deliveryDetail: { id, delivery, load: 'ready' } });
    } catch (err) {
      const detail = get().deliveryDetail;
      if (detail?.id === id) set({ deliveryDetail: { ...detail, error: toProblem(err).message } });
    } finally {
      reloading.delete(id);
    }
  };

  const applyFull = (delivery: Delivery) => {
    if (get().deliveryDetail?.id === delivery.id) {
      set({ deliveryDetail: { id: delivery.id, delivery, load: 'ready' } });
    }
    get().receiveDelivery(summaryOf(delivery));
  };

  return {
    deliveries: initial,
    sendSubscriptions: [],
    sendSubscriptionsLoad: 'idle',
    recentAlerts: [],
    loadDeliveries: async (filter = get().deliveries.filter) => {
      const generation = ++listGeneration;
      patch({ load: 'loading', error: undefined, filter });
      try {
        const page = await deps.api.listDeliveries({ ...filter, limit: DELIVERIES_PAGE_SIZE });
        if (generation !== listGeneration) return;
        patch({ items: page.items, nextBefore: page.nextBefore, load: 'ready', liveIds: [] });
      } catch (err) {
        if (generation === listGeneration) patch({ load: 'error', error: toProblem(err).message });
      }
    },
    loadOlderDeliveries: async () => {
      const { nextBefore, loadingOlder, filter } = get().deliveries;
      if (!nextBefore || loadingOlder) return;
      const generation = listGeneration;
      patch({ loadingOlder: true, error: undefined });
      try {
        const page = await deps.api.listDeliveries({
          ...filter,
          limit: DELIVERIES_PAGE_SIZE,
          before: nextBefore,
        });
        if (generation !== listGeneration) return;
        const seen = new Set(get().deliveries.items.map((d) => d.id));
        patch({
          items: [...get().deliveries.items, ...page.items.filter((d) => !seen.has(d.id))],
          nextBefore: page.nextBefore,
          loadingOlder: false,
        });
      } catch (err) {
        patch({ loadingOlder: false, error: toProblem(err).message });
      }
    },
    receiveDelivery: (summary) => {
      const list = get().deliveries;
      if (list.load === 'ready') {
        const index = list.items.findIndex((d) => d.id === summary.id);
        const liveIds = [summary.id, ...list.liveIds.filter((id) => id !== summary.id)].slice(
          0,
          MAX_LIVE_IDS,
        );
        if (index >= 0) {
          const items = [...list.items];
          // A row that no longer matches the filter stays until the next load, so it does not jump away.
          items[index] = summary;
          patch({ items, liveIds });
        } else if (matchesFilter(summary, list.filter)) {
          patch({ items: [summary, ...list.items], liveIds });
        }
      }
      const detail = get().deliveryDetail;
      if (detail?.id === summary.id && detail.delivery?.updatedAt !== summary.updatedAt) {
        void reloadDetail(summary.id);
      }
      get().receiveFiredDelivery(summary);
    },
    openDelivery: async (id) => {
      if (!id) {
        set({ deliveryDetail: undefined });
        return;
      }
      if (get().deliveryDetail?.id !== id) set({ deliveryDetail: { id, load: 'loading' } });
      try {
        const delivery = await deps.api.getDelivery({ id });
        if (get().deliveryDetail?.id === id) set({ deliveryDetail: { id, delivery, load: 'ready' } });
      } catch (err) {
        if (get().deliveryDetail?.id === id) {
          set({ deliveryDetail: { id, load: 'error', error: toProblem(err).message } });
        }
      }
    },
    retryDelivery: async (id) => {
      try {
        applyFull(await deps.api.retryDelivery({ id }));
        get().pushToast({ kind: 'success', message: 'Retry sent' });
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not retried: ${toProblem(err).message}` });
      }
      get().refreshClockSoon();
    },
    cancelDelivery: async (id) => {
      try {
        applyFull(await deps.api.cancelDelivery({ id }));
        get().pushToast({ kind: 'success', message: 'Delivery canceled; no more retries' });
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not canceled: ${toProblem(err).message}` });
      }
      get().refreshClockSoon();
    },
    loadSendSubscriptions: async () => {
      set({ sendSubscriptionsLoad: 'loading' });
      try {
        set({ sendSubscriptions: await deps.api.listSubscriptions(), sendSubscriptionsLoad: 'ready' });
      } catch {
        set({ sendSubscriptionsLoad: 'error' });
      }
    },
    receiveAlert: (alert) => {
      set({ recentAlerts: [alert, ...get().recentAlerts].slice(0, MAX_ALERTS) });
      get().pushToast({ kind: 'error', message: alertText(alert) });
      if (deps.hostKind === 'browser') notifySystem('Hookscope: delivery failed', alertText(alert));
    },
  };
};

/** The engine's message already names the event and subscription; say what kind of alert it is. */
export function alertText(alert: DispatcherAlert): string {
  return alert.kind === 'subscription_disabled'
    ? `Subscription disabled: ${alert.message}`
    : `Delivery failed for good: ${alert.message}`;
}
