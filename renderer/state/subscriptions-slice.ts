/**
 * Subscriptions and the event catalog they pick from. The list keeps per-subscription stats and the
 * outcomes of recent deliveries (for the sparkline); saving goes through the API, whose field issues the
 * editor shows inline.
 */
import type {
  Catalog,
  CreateSubscriptionParams,
  Delivery,
  DeliverySummary,
  Subscription,
  SubscriptionStats,
  UpdateSubscriptionParams,
} from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import type { LoadState, SliceCreator } from './types.js';

/** Bursts of deliveries (a scenario, a batch) refresh a subscription's health once, after this pause. */
const HEALTH_REFRESH_MS = 1000;

/** How many recent deliveries the list's sparkline draws. */
export const SPARKLINE_DELIVERIES = 20;

export interface SubscriptionHealth {
  stats?: SubscriptionStats;
  /** Oldest first: true for a delivery that succeeded, false for one that failed (pending ones left out). */
  recent: boolean[];
}

export interface SubscriptionsState {
  items: Subscription[];
  load: LoadState;
  error?: string;
  health: Record<string, SubscriptionHealth>;
  catalog?: Catalog;
  catalogError?: string;
}

export interface SubscriptionsSlice {
  subscriptions: SubscriptionsState;
  loadSubscriptions(): Promise<void>;
  loadCatalog(): Promise<void>;
  loadSubscriptionHealth(id: string): Promise<void>;
  /** Creates or updates; throws the API's error (with field issues) for the editor to show. */
  saveSubscription(
    params: CreateSubscriptionParams | UpdateSubscriptionParams,
    id?: string,
  ): Promise<Subscription>;
  setSubscriptionEnabled(id: string, enabled: boolean): Promise<void>;
  deleteSubscription(id: string): Promise<boolean>;
  /** A live delivery update: refreshes that subscription's stats and sparkline once it settles. */
  noteSubscriptionDelivery(delivery: DeliverySummary): void;
  /** Sends a test event to this subscription only; the delivery carries the response. */
  testSubscription(id: string, type?: string): Promise<Delivery>;
}

export const createSubscriptionsSlice: SliceCreator<SubscriptionsSlice> = (deps) => (set, get) => {
  const patch = (p: Partial<SubscriptionsState>) => set({ subscriptions: { ...get().subscriptions, ...p } });
  const upsert = (sub: Subscription) => {
    const items = get().subscriptions.items;
    const at = items.findIndex((s) => s.id === sub.id);
    patch({ items: at === -1 ? [...items, sub] : items.map((s) => (s.id === sub.id ? sub : s)) });
  };
  const refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    subscriptions: { items: [], load: 'idle', health: {} },
    noteSubscriptionDelivery: (delivery) => {
      const id = delivery.subscriptionId;
      if (delivery.status === 'pending' || !get().subscriptions.health[id] || refreshTimers.has(id)) return;
      refreshTimers.set(
        id,
        setTimeout(() => {
          refreshTimers.delete(id);
          void get().loadSubscriptionHealth(id);
        }, HEALTH_REFRESH_MS),
      );
    },
    loadSubscriptions: async () => {
      patch({ load: 'loading', error: undefined });
      try {
        const items = await deps.api.listSubscriptions({});
        patch({ items, load: 'ready' });
        for (const sub of items) void get().loadSubscriptionHealth(sub.id);
      } catch (err) {
        patch({ load: 'error', error: toProblem(err).message });
      }
    },
    loadCatalog: async () => {
      try {
        patch({ catalog: await deps.api.getCatalog({}), catalogError: undefined });
      } catch (err) {
        patch({ catalogError: toProblem(err).message });
      }
    },
    loadSubscriptionHealth: async (id) => {
      try {
        const [stats, page] = await Promise.all([
          deps.api.getSubscriptionStats({ id }),
          deps.api.listDeliveries({ subscription: id, limit: SPARKLINE_DELIVERIES }),
        ]);
        const recent = page.items
          .filter((d) => d.status === 'succeeded' || d.status === 'failed')
          .reverse()
          .map((d) => d.status === 'succeeded');
        patch({ health: { ...get().subscriptions.health, [id]: { stats, recent } } });
      } catch {
        // The list still works without its sparkline; the next load tries again.
      }
    },
    saveSubscription: async (params, id) => {
      const sub = id
        ? await deps.api.updateSubscription({ ...params, id })
        : await deps.api.createSubscription(params as CreateSubscriptionParams);
      upsert(sub);
      return sub;
    },
    setSubscriptionEnabled: async (id, enabled) => {
      try {
        upsert(await deps.api.updateSubscription({ id, enabled }));
        get().pushToast({
          kind: 'success',
          message: enabled ? 'Subscription enabled' : 'Subscription paused',
        });
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not changed: ${toProblem(err).message}` });
      }
    },
    deleteSubscription: async (id) => {
      try {
        const result = await deps.api.deleteSubscription({ id });
        patch({ items: get().subscriptions.items.filter((s) => s.id !== id) });
        const canceled = result.canceledDeliveries;
        get().pushToast({
          kind: 'success',
          message: canceled
            ? `Subscription deleted; ${canceled} pending deliveries canceled`
            : 'Subscription deleted',
        });
        return true;
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not deleted: ${toProblem(err).message}` });
        return false;
      }
    },
    testSubscription: async (id, type) => {
      const delivery = await deps.api.testSubscription({ id, ...(type ? { type } : {}) });
      void get().loadSubscriptionHealth(id);
      return delivery;
    },
  };
};
