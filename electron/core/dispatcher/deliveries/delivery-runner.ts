/**
 * Runs delivery attempts and records them. Guarantees: at most one attempt of a delivery in flight (the
 * in-flight map; the scheduler also never runs one key twice at once); every attempt is persisted with the
 * delivery's new state before the next one can be scheduled; an attempt cut short by shutdown is not
 * recorded, so the delivery stays pending with its due time and runs promptly after a restart.
 */
import type {
  Delivery,
  DeliveryAttempt,
  Subscription,
} from '../../../../shared/contract/dispatcher-model.js';
import { ConflictError, NotFoundError } from '../../../../shared/errors.js';
import type { Clock } from '../../clock/clock.js';
import type { Scheduler } from '../../clock/scheduler.js';
import type { LiveBus } from '../../live-bus.js';
import type { DeliveryClient } from '../http/delivery-client.js';
import type { DeliverySigner } from '../signer.js';
import type { SubscriptionService } from '../subscriptions/subscription-service.js';
import type { Alerts } from './alerts.js';
import { sendAttempt, toAttempt } from './attempt.js';
import { type DeliveryLog, summaryOf } from './delivery-log.js';
import { type AttemptTrigger, decide } from './delivery-outcome.js';
import type { RateLimiter } from './rate-limiter.js';
import { maxAttemptsOf } from './retry-policy.js';

export interface RunnerDeps {
  log: DeliveryLog;
  subs: SubscriptionService;
  client: DeliveryClient;
  signer: DeliverySigner;
  clock: Clock;
  live: LiveBus;
  alerts: Alerts;
  limiter: RateLimiter;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class DeliveryRunner {
  readonly #inFlight = new Map<string, AbortController>();
  /** Canceled while in flight: the attempt's result must not resurrect the delivery. */
  readonly #canceled = new Map<string, string>();
  /** Alert posts still going; shutdown waits for them (each is bounded by the alert timeout). */
  readonly #alerts = new Set<Promise<void>>();
  #scheduler: Scheduler | undefined;
  #closing = false;

  constructor(private readonly deps: RunnerDeps) {}

  attach(scheduler: Scheduler): void {
    this.#scheduler = scheduler;
  }

  isInFlight(id: string): boolean {
    return this.#inFlight.has(id);
  }

  /** Persists a new pending delivery and queues its first attempt now; `dataBytes` sizes the log's cache. */
  enqueue(delivery: Delivery, dataBytes?: number): void {
    const due = this.deps.clock.now();
    delivery.nextAttemptAt = iso(due);
    this.deps.log.put(delivery, due, dataBytes);
    this.deps.live.emit('delivery', summaryOf(delivery));
    this.#scheduler?.schedule(delivery.id, due);
  }

  /** The scheduler's job for a delivery id. */
  async runScheduled(id: string): Promise<void> {
    await this.#attempt(id, 'scheduled');
  }

  /** "Retry now" from the log: one attempt at once, whatever the delivery's state. */
  async retryNow(id: string): Promise<Delivery> {
    if (this.#inFlight.has(id))
      throw new ConflictError(`delivery ${id} has an attempt in flight; wait for it to finish`);
    const delivery = await this.#load(id);
    const sub = this.deps.subs.find(delivery.subscriptionId);
    if (!sub) throw new ConflictError(`the subscription of ${id} was deleted; nothing to send to`);
    if (!sub.enabled)
      throw new ConflictError(
        `subscription ${sub.id} is disabled; enable it first (PATCH {"enabled": true})`,
      );
    this.#scheduler?.cancel(id);
    return (await this.#attempt(id, 'manual')) ?? this.#load(id);
  }

  /** Sends the first attempt of a test delivery inline and returns the delivery with the response. */
  async sendTest(delivery: Delivery): Promise<Delivery> {
    this.deps.log.put(delivery, this.deps.clock.now());
    return (await this.#attempt(delivery.id, 'test')) ?? this.#load(delivery.id);
  }

  async cancel(id: string, actor: string): Promise<Delivery> {
    const delivery = await this.#load(id);
    if (delivery.status !== 'pending') {
      throw new ConflictError(`only pending deliveries can be canceled; ${id} has ${delivery.status}`);
    }
    this.#scheduler?.cancel(id);
    const reason = `canceled by ${actor}`;
    const inFlight = this.#inFlight.get(id);
    if (inFlight) {
      this.#canceled.set(id, reason);
      inFlight.abort();
    }
    this.#finish(delivery, 'canceled', reason);
    return delivery;
  }

  /** Stops taking work and aborts attempts in flight (they stay pending on disk and resume after restart). */
  beginShutdown(): void {
    this.#closing = true;
    for (const controller of this.#inFlight.values()) controller.abort();
  }

  /** Resolves when the alert posts already started have finished. */
  async alertsSettled(): Promise<void> {
    await Promise.all([...this.#alerts]);
  }

  async #attempt(id: string, trigger: AttemptTrigger): Promise<Delivery | undefined> {
    if (this.#closing || this.#inFlight.has(id)) return undefined;
    const controller = new AbortController();
    this.#inFlight.set(id, controller);
    try {
      const delivery = await this.deps.log.take(id);
      if (!delivery || (trigger === 'scheduled' && delivery.status !== 'pending')) return undefined;
      const sub = this.deps.subs.find(delivery.subscriptionId);
      if (!sub) return this.#finish(delivery, 'canceled', 'the subscription was deleted');
      if (!sub.enabled && trigger === 'scheduled') {
        return this.#finish(
          delivery,
          'canceled',
          `the subscription was disabled${sub.disabledReason ? ` (${sub.disabledReason})` : ''}`,
        );
      }
      try {
        await this.deps.limiter.take(sub.id, sub.rateLimitPerMinute, controller.signal);
      } catch {
        return undefined; // aborted while waiting for its slot: canceled (already recorded) or shutting down
      }
      const outcome = await sendAttempt(this.deps, sub, delivery, controller);
      if (outcome.aborted && this.#closing) return undefined;
      return this.#settle(delivery, sub, toAttempt(this.deps.clock, delivery, outcome, trigger), trigger);
    } finally {
      this.#inFlight.delete(id);
      this.#canceled.delete(id);
    }
  }

  #settle(
    delivery: Delivery,
    sub: Subscription,
    attempt: DeliveryAttempt,
    trigger: AttemptTrigger,
  ): Delivery {
    const wasPending = delivery.status === 'pending';
    delivery.attempts.push(attempt);
    delivery.attemptCount = delivery.attempts.length;
    delivery.maxAttempts = trigger === 'test' ? 1 : maxAttemptsOf(sub.retry);
    delivery.url = sub.url;
    delivery.subscriptionName = sub.name;
    delivery.lastStatus = attempt.response?.status;
    delivery.lastError = attempt.error?.message;
    delivery.lastLatencyMs = attempt.timings.totalMs;
    const wall = Date.parse(attempt.sentAt) + attempt.timings.totalMs;
    this.deps.log.recordAttempt(`${delivery.id}.${attempt.n}`, sub.id, {
      at: wall,
      ok: attempt.ok,
      ...(attempt.response && { ms: attempt.timings.totalMs }),
    });
    const canceledBy = this.#canceled.get(delivery.id);
    if (canceledBy) return this.#finish(delivery, 'canceled', canceledBy);
    const verdict = decide({
      attempt,
      attemptCount: delivery.attemptCount,
      wasPending,
      trigger,
      policy: sub.retry,
      clockNowMs: this.deps.clock.now(),
    });
    if (verdict.kind === 'succeeded') return this.#finish(delivery, 'succeeded', verdict.reason);
    if (verdict.kind === 'retry') {
      delivery.status = 'pending';
      delivery.nextAttemptAt = iso(verdict.dueMs);
      delete delivery.finalReason;
      this.#store(delivery, verdict.dueMs);
      this.#scheduler?.schedule(delivery.id, verdict.dueMs);
      return delivery;
    }
    this.#finish(delivery, 'failed', verdict.reason);
    if (verdict.disableSubscription) this.deps.subs.disable(sub.id, verdict.reason);
    if (verdict.alert) {
      const job = this.#alert(delivery, sub, verdict.disableSubscription).catch((err) => {
        console.error('[hookscope] alert failed:', err);
      });
      this.#alerts.add(job);
      void job.finally(() => this.#alerts.delete(job));
    }
    return delivery;
  }

  #finish(delivery: Delivery, status: 'succeeded' | 'failed' | 'canceled', reason: string): Delivery {
    delivery.status = status;
    delivery.finalReason = reason;
    delete delivery.nextAttemptAt;
    this.#store(delivery);
    return delivery;
  }

  #store(delivery: Delivery, nextDueMs?: number): void {
    delivery.updatedAt = iso(this.deps.clock.wallNow());
    this.deps.log.put(delivery, nextDueMs);
    this.deps.live.emit('delivery', summaryOf(delivery));
  }

  async #alert(delivery: Delivery, sub: Subscription, disabled: boolean): Promise<void> {
    const post = await this.deps.alerts.finalFailure(delivery, sub, disabled);
    if (!post) return;
    const latest = await this.deps.log.get(delivery.id);
    if (!latest || latest.status === 'pending') return;
    latest.alertPost = post;
    this.deps.log.put(latest);
  }

  async #load(id: string): Promise<Delivery> {
    const delivery = await this.deps.log.get(id);
    if (!delivery) throw new NotFoundError('delivery', id);
    return delivery;
  }
}
