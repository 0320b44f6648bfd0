/**
 * Deliveries on disk: one RecordStore of whole deliveries (every attempt inside), and one of tiny attempt
 * samples for the stats. Small indexed fields (subscription, status, event, next due time) live in the
 * records' meta, so filters, counts and the restart scan read no record bodies at all.
 */
import type {
  Delivery,
  DeliveryStatus,
  DeliverySummary,
} from '../../../../shared/contract/dispatcher-model.js';
import type { Page } from '../../../../shared/contract/system.js';
import { type MetaView, RecordStore, type RetentionSource } from '../../store/record-store.js';
import type { IssueSink } from '../../store/types.js';
import { DeliveryCache } from './delivery-cache.js';

export interface DeliveryLogOptions {
  deliveriesDir: string;
  attemptsDir: string;
  retention: RetentionSource;
  now: () => number;
  onIssue: IssueSink;
  issueRoot: string;
}

export interface DeliveryQuery {
  subscription?: string;
  status?: DeliveryStatus;
  event?: string;
  limit: number;
  before?: string;
}

export interface AttemptSample {
  at: number;
  ok: boolean;
  /** Total latency, when a response came back. */
  ms?: number;
}

type AttemptRecord = { id: string };

export class DeliveryLog {
  readonly #recent = new DeliveryCache();

  private constructor(
    private readonly deliveries: RecordStore<Delivery>,
    private readonly attempts: RecordStore<AttemptRecord>,
  ) {}

  static async open(o: DeliveryLogOptions): Promise<DeliveryLog> {
    const common = { retention: o.retention, now: o.now, onIssue: o.onIssue, issueRoot: o.issueRoot };
    const deliveries = await RecordStore.open<Delivery>({ dir: o.deliveriesDir, ...common });
    try {
      const attempts = await RecordStore.open<AttemptRecord>({ dir: o.attemptsDir, ...common });
      return new DeliveryLog(deliveries, attempts);
    } catch (err) {
      await deliveries.close();
      throw err;
    }
  }

  /**
   * Stores the latest version; `nextDueMs` (clock time) is indexed while the delivery is pending. The log
   * keeps `delivery` itself as its cached copy, so the caller must not change it afterwards (get() hands
   * out copies to change and put back).
   */
  put(delivery: Delivery, nextDueMs?: number, dataBytes?: number): void {
    const meta = {
      sub: delivery.subscriptionId,
      st: delivery.status,
      evt: delivery.eventId,
      type: delivery.eventType,
      test: delivery.test,
      next: delivery.status === 'pending' ? nextDueMs : undefined,
    };
    // Ordered by creation, so a retried delivery keeps its place in the log.
    this.deliveries.put(delivery, meta, Date.parse(delivery.createdAt));
    this.#recent.set(delivery, dataBytes);
  }

  /**
   * For the one attempt about to change the delivery: the cached object itself, handed over (no copy) and
   * dropped from the cache until it is put back. Anyone reading meanwhile gets the stored version.
   */
  async take(id: string): Promise<Delivery | undefined> {
    const cached = this.#recent.get(id);
    this.#recent.delete(id);
    if (cached && this.deliveries.meta(id)) return cached;
    return this.deliveries.get(id);
  }

  /** A copy the caller may change; it is stored again only through put(). */
  async get(id: string): Promise<Delivery | undefined> {
    const cached = this.#recent.get(id);
    // Retention may have removed it meanwhile: the store's index is the truth about existence.
    if (cached && this.deliveries.meta(id)) return structuredClone(cached);
    this.#recent.delete(id);
    return this.deliveries.get(id);
  }

  exists(id: string): boolean {
    return this.deliveries.meta(id) !== undefined;
  }

  async page(q: DeliveryQuery): Promise<Page<DeliverySummary>> {
    const filter = (m: MetaView) =>
      (q.subscription === undefined || m.sub === q.subscription) &&
      (q.status === undefined || m.st === q.status) &&
      (q.event === undefined || m.evt === q.event);
    const page = await this.deliveries.page({ limit: q.limit, before: q.before, filter });
    return { items: page.items.map(summaryOf), ...(page.nextBefore && { nextBefore: page.nextBefore }) };
  }

  /** Every pending delivery's id and due time (clock ms), oldest first. */
  async pending(subscription?: string): Promise<{ id: string; due: number }[]> {
    const out: { id: string; due: number }[] = [];
    await scanMeta(this.deliveries, (m) => {
      if (m.st === 'pending' && (subscription === undefined || m.sub === subscription)) {
        out.push({ id: m.id, due: typeof m.next === 'number' ? m.next : 0 });
      }
    });
    return out.reverse();
  }

  async countByStatus(subscription: string): Promise<Record<DeliveryStatus, number>> {
    const counts: Record<DeliveryStatus, number> = { pending: 0, succeeded: 0, failed: 0, canceled: 0 };
    await scanMeta(this.deliveries, (m) => {
      if (m.sub === subscription && typeof m.st === 'string' && m.st in counts)
        counts[m.st as DeliveryStatus]++;
    });
    return counts;
  }

  recordAttempt(id: string, subscription: string, sample: AttemptSample): void {
    this.attempts.put({ id }, { sub: subscription, ok: sample.ok, ms: sample.ms }, sample.at);
  }

  /** Attempt samples of one subscription since `sinceMs` (wall clock). */
  async samples(subscription: string, sinceMs: number): Promise<AttemptSample[]> {
    const out: AttemptSample[] = [];
    await scanMeta(this.attempts, (m) => {
      if (m.sub === subscription && m.at >= sinceMs) {
        out.push({ at: m.at, ok: m.ok === true, ...(typeof m.ms === 'number' && { ms: m.ms }) });
      }
    });
    return out;
  }

  async applyRetention(): Promise<void> {
    await this.deliveries.applyRetention();
    await this.attempts.applyRetention();
  }

  async flush(): Promise<void> {
    await Promise.all([this.deliveries.flush(), this.attempts.flush()]);
  }

  async close(): Promise<void> {
    await this.deliveries.close();
    await this.attempts.close();
  }
}

/**
 * Visits every live entry's meta. The filter sees each entry and rejects it, so the page walks the whole
 * in-memory index and loads no record from disk: O(n) over small meta objects.
 */
async function scanMeta(store: RecordStore<{ id: string }>, visit: (m: MetaView) => void): Promise<void> {
  await store.page({
    limit: 1,
    filter: (m) => {
      visit(m);
      return false;
    },
  });
}

/** Field by field: object rest over a large delivery is a slow path, and this runs on every change. */
export function summaryOf(d: Delivery): DeliverySummary {
  const summary: DeliverySummary = {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    subscriptionId: d.subscriptionId,
    subscriptionName: d.subscriptionName,
    url: d.url,
    profile: d.profile,
    scheme: d.scheme,
    status: d.status,
    test: d.test,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    attemptCount: d.attemptCount,
    maxAttempts: d.maxAttempts,
  };
  if (d.nextAttemptAt !== undefined) summary.nextAttemptAt = d.nextAttemptAt;
  if (d.lastStatus !== undefined) summary.lastStatus = d.lastStatus;
  if (d.lastError !== undefined) summary.lastError = d.lastError;
  if (d.lastLatencyMs !== undefined) summary.lastLatencyMs = d.lastLatencyMs;
  if (d.finalReason !== undefined) summary.finalReason = d.finalReason;
  return summary;
}
