/** The dispatcher's half of the contract: one handler per method, params already validated by zod. */
import type { HandlersOf } from '../../../shared/contract/define.js';
import {
  type ClockState,
  DEFAULT_TIMEOUT_MS,
  type Delivery,
  type DeliverySummary,
  type dispatcherMethods,
} from '../../../shared/contract/dispatcher.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import type { Clock } from '../clock/clock.js';
import type { Scheduler } from '../clock/scheduler.js';
import { secretKey } from '../signing/signing-key.js';
import type { EventCatalog } from './catalog/event-catalog.js';
import { type DeliveryLog, summaryOf } from './deliveries/delivery-log.js';
import type { DeliveryRunner } from './deliveries/delivery-runner.js';
import { presetInfos } from './deliveries/retry-policy.js';
import { subscriptionStats } from './deliveries/stats.js';
import { profileInfos } from './envelope.js';
import { createEvent } from './event-factory.js';
import { type EventFanout, newDelivery } from './event-fanout.js';
import { scenarioInfos } from './scenarios/scenario-catalog.js';
import type { ScenarioRunner } from './scenarios/scenario-runner.js';
import { sendOnce } from './send-once.js';
import type { KeyProvider } from './signer.js';
import type { SubscriptionService } from './subscriptions/subscription-service.js';

export type DispatcherHandlers = HandlersOf<typeof dispatcherMethods>;

const DEFAULT_PAGE = 100;
const TEST_MESSAGE = 'This is a test webhook from Hookscope';

export interface HandlerDeps {
  ready: () => Promise<{ log: DeliveryLog; runner: DeliveryRunner }>;
  catalog: EventCatalog;
  subs: SubscriptionService;
  clock: Clock;
  scheduler: Scheduler;
  scenarios: ScenarioRunner;
  fanout: () => EventFanout;
  /** The signing area's KeyService, for fireOnce's keyId. */
  keys: KeyProvider;
}

export function clockState(clock: Clock, scheduler: Scheduler): ClockState {
  const nowMs = clock.now();
  const next = scheduler.nextDue();
  return {
    mode: clock.mode,
    speed: clock.speed,
    now: new Date(nowMs).toISOString(),
    nowMs,
    offsetMs: clock.offsetMs(),
    pending: scheduler.pending,
    ...(next !== undefined && { nextDueAt: new Date(next).toISOString() }),
  };
}

export function makeHandlers(d: HandlerDeps): DispatcherHandlers {
  const getDelivery = async (id: string): Promise<Delivery> => {
    const { log } = await d.ready();
    const delivery = await log.get(id);
    if (!delivery) throw new NotFoundError('delivery', id);
    return delivery;
  };
  return {
    getCatalog: () => ({ types: d.catalog.list(), profiles: profileInfos(), retryPresets: presetInfos() }),
    addCustomEventType: (params, ctx) => d.catalog.addCustom(params, ctx),
    deleteCustomEventType: ({ type }, ctx) => {
      d.catalog.removeCustom(type, ctx);
      return { type, deleted: true as const };
    },
    listSubscriptions: () => d.subs.list(),
    createSubscription: (params, ctx) => d.subs.create(params, ctx),
    getSubscription: ({ id }) => d.subs.get(id),
    updateSubscription: (params, ctx) => d.subs.update(params, ctx),
    deleteSubscription: async ({ id }, ctx) => {
      const { log, runner } = await d.ready();
      d.subs.delete(id, ctx);
      let canceledDeliveries = 0;
      for (const pending of await log.pending(id)) {
        await runner.cancel(pending.id, `${ctx.actor} (subscription deleted)`);
        canceledDeliveries++;
      }
      return { id, deleted: true as const, canceledDeliveries };
    },
    testSubscription: async ({ id, type, data }) => {
      const { runner } = await d.ready();
      const sub = d.subs.get(id);
      const entry = d.catalog.require(
        type ?? (sub.profile === 'instnt' ? 'transaction.initiated' : 'test.webhook'),
      );
      const greeting =
        entry.type === 'test.webhook' && sub.profile !== 'instafill' ? { message: TEST_MESSAGE } : undefined;
      const event = createEvent({ entry, data: data ?? greeting, test: true }, d.clock.wallNow());
      return runner.sendTest(newDelivery(event, sub, entry, d.clock.wallNow(), 1));
    },
    getSubscriptionStats: async ({ id }) => {
      const { log } = await d.ready();
      d.subs.get(id);
      return subscriptionStats(log, id, d.clock.wallNow());
    },
    fireEvent: async (params) => {
      await d.ready();
      return d.fanout().fire(params);
    },
    // The same code path as `hookscope send`. Not a delivery: nothing is logged, audited or broadcast.
    fireOnce: ({ type, data, to, scheme, keyId, secret, test, timeoutMs }) =>
      sendOnce(
        {
          type,
          url: to,
          urlField: 'to',
          allowHttp: true,
          scheme,
          key: keyId !== undefined ? d.keys.signingKey(keyId) : secretKey(secret ?? ''),
          timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
          ...(data !== undefined && { data }),
          ...(test !== undefined && { test }),
        },
        () => d.clock.wallNow(),
      ),
    listDeliveries: async ({ subscription, status, event, limit, before }) => {
      const { log } = await d.ready();
      return log.page({ subscription, status, event, limit: limit ?? DEFAULT_PAGE, before });
    },
    getDelivery: ({ id }) => getDelivery(id),
    retryDelivery: async ({ id }) => {
      const { runner } = await d.ready();
      return runner.retryNow(id);
    },
    cancelDelivery: async ({ id }, ctx) => {
      const { runner } = await d.ready();
      return runner.cancel(id, ctx.actor);
    },
    getClock: () => clockState(d.clock, d.scheduler),
    setClock: async ({ mode, speed }) => {
      await d.ready();
      d.clock.setMode(mode, speed);
      return clockState(d.clock, d.scheduler);
    },
    stepClock: async () => {
      const { log } = await d.ready();
      if (d.clock.mode !== 'manual') {
        throw new ValidationError(
          `step works on the manual clock; it is ${d.clock.mode} (PUT /api/clock {"mode":"manual"})`,
        );
      }
      const ran = await d.scheduler.step();
      const deliveries: DeliverySummary[] = [];
      for (const key of ran) {
        const delivery = key.startsWith('dlv_') ? await log.get(key) : undefined;
        if (delivery) deliveries.push(summaryOf(delivery));
      }
      return { clock: clockState(d.clock, d.scheduler), ran, deliveries };
    },
    listScenarios: () => scenarioInfos(),
    runScenario: async (params) => {
      await d.ready();
      for (const id of params.subscriptionIds ?? []) d.subs.get(id);
      return d.scenarios.start(params);
    },
  };
}
