/**
 * Firing an event: resolve its type, build it once, and fan it out to every enabled subscription whose
 * events, scope (workspaces; Instnt forms — none mapped = all) and condition match, each with its own
 * payload filter applied. Test events go only to the subscriptions the caller names, whatever their
 * events, scope and condition, and are marked as tests in the payload.
 */
import type {
  CatalogEventType,
  Delivery,
  DispatchEvent,
  FireEventParams,
  FireResult,
  Subscription,
} from '../../../shared/contract/dispatcher.js';
import { ValidationError } from '../../../shared/errors.js';
import type { Clock } from '../clock/clock.js';
import type { EventCatalog } from './catalog/event-catalog.js';
import { summaryOf } from './deliveries/delivery-log.js';
import type { DeliveryRunner } from './deliveries/delivery-runner.js';
import { maxAttemptsOf } from './deliveries/retry-policy.js';
import { createEvent } from './event-factory.js';
import { newId } from './ids.js';
import { applyFilter } from './payload-filter.js';
import type { SubscriptionService } from './subscriptions/subscription-service.js';

/** Largest event data accepted (JSON bytes); receivers and our own log both thank us. */
export const MAX_EVENT_DATA_BYTES = 1024 * 1024;

export interface FanoutDeps {
  catalog: EventCatalog;
  subs: SubscriptionService;
  runner: DeliveryRunner;
  clock: Clock;
}

export class EventFanout {
  constructor(private readonly deps: FanoutDeps) {}

  fire(params: FireEventParams): FireResult {
    const entry = this.deps.catalog.require(params.type);
    const test = params.test === true || entry.test;
    if (test && !params.subscriptionIds) {
      throw new ValidationError('test events go only where you ask: add subscriptionIds', [
        { path: 'subscriptionIds', message: 'required for test events' },
      ]);
    }
    const named = params.subscriptionIds?.map((id) => this.deps.subs.get(id));
    const event = createEvent({ ...params, entry, test }, this.deps.clock.wallNow());
    const size = Buffer.byteLength(JSON.stringify(event.data));
    if (size > MAX_EVENT_DATA_BYTES) {
      throw new ValidationError(`the event data is ${size} bytes; at most ${MAX_EVENT_DATA_BYTES} are sent`);
    }
    const result: FireResult = { event, deliveries: [], skipped: [] };
    for (const sub of named ?? this.deps.subs.enabled()) {
      const skip = this.#skipReason(sub, event, test, named !== undefined);
      if (skip === null) continue;
      if (skip) {
        result.skipped.push({ subscriptionId: sub.id, reason: skip });
        continue;
      }
      const delivery = newDelivery(event, sub, entry, this.deps.clock.wallNow());
      this.deps.runner.enqueue(delivery, size);
      result.deliveries.push(summaryOf(delivery));
    }
    return result;
  }

  /**
   * undefined = deliver; a string = skipped and reported; null = not addressed at all (another event or
   * scope: not worth reporting for every subscription that never wanted it).
   */
  #skipReason(
    sub: Subscription,
    event: DispatchEvent,
    test: boolean,
    named: boolean,
  ): string | null | undefined {
    if (!sub.enabled) return named ? `disabled${sub.disabledReason ? `: ${sub.disabledReason}` : ''}` : null;
    if (test) return undefined;
    if (!sub.events.some((p) => this.deps.catalog.matches(p, event.type))) {
      return named ? `not subscribed to ${event.type}` : null;
    }
    const scope = scopeMismatch(sub, event);
    if (scope) return named ? scope : null;
    const verdict = this.deps.subs.condition(sub)(event);
    return verdict.matched ? undefined : verdict.reason;
  }
}

export function scopeMismatch(sub: Subscription, event: DispatchEvent): string | undefined {
  const { workspaces, forms } = sub.scope;
  if (workspaces.length > 0 && !workspaces.includes(event.workspaceId)) {
    return `workspace ${event.workspaceId} is outside the subscription's scope`;
  }
  // Instnt: "If no forms are mapped, all events will be sent to the webhook."
  if (forms.length > 0 && (event.formId === undefined || !forms.includes(event.formId))) {
    return `form ${event.formId ?? '(none)'} is not mapped to this subscription`;
  }
  return undefined;
}

/** A pending delivery of `event` to `sub`, carrying the data after the subscription's payload filter. */
export function newDelivery(
  event: DispatchEvent,
  sub: Subscription,
  entry: CatalogEventType,
  wallMs: number,
  maxAttempts = maxAttemptsOf(sub.retry),
): Delivery {
  const at = new Date(wallMs).toISOString();
  return {
    id: newId('dlv', wallMs),
    eventId: event.id,
    eventType: event.type,
    subscriptionId: sub.id,
    subscriptionName: sub.name,
    url: sub.url,
    profile: sub.profile,
    scheme: sub.scheme,
    status: 'pending',
    test: event.test,
    createdAt: at,
    updatedAt: at,
    attemptCount: 0,
    maxAttempts,
    event: { ...event, data: applyFilter(event.data, sub.filter, entry.contentFields) },
    attempts: [],
  };
}
