/**
 * Pending deliveries written most recently, kept as objects: every attempt reads its delivery right after
 * it was written (created, or updated by the previous attempt), and this saves that read from the segment
 * file. Bounded by count and by an estimate of their size (bodies dominate), oldest out first.
 */
import type { Delivery } from '../../../../shared/contract/dispatcher-model.js';

const MAX_ENTRIES = 4096;
const MAX_BYTES = 64 * 1024 * 1024;
/** One delivery may take at most this share of the budget; bigger ones are read from disk. */
const MAX_SHARE = 16;
/** Per delivery and per attempt: ids, headers, timings. */
const OVERHEAD_BYTES = 1024;

/** Rough bytes of a delivery in memory; `dataBytes` is the event data's JSON size when known. */
function estimateBytes(d: Delivery, dataBytes?: number): number | undefined {
  const data = dataBytes ?? d.attempts.at(-1)?.request.body.length;
  if (data === undefined) return undefined;
  let bytes = OVERHEAD_BYTES + data;
  for (const a of d.attempts)
    bytes += OVERHEAD_BYTES + a.request.body.length + (a.response?.body.length ?? 0);
  return bytes;
}

export class DeliveryCache {
  readonly #entries = new Map<string, { delivery: Delivery; bytes: number }>();
  #bytes = 0;

  /** Keeps `delivery` itself (pending ones only); any older entry for its id goes. */
  set(delivery: Delivery, dataBytes?: number): void {
    this.delete(delivery.id);
    const bytes = delivery.status === 'pending' ? estimateBytes(delivery, dataBytes) : undefined;
    if (bytes === undefined || bytes > MAX_BYTES / MAX_SHARE) return;
    this.#entries.set(delivery.id, { delivery, bytes });
    this.#bytes += bytes;
    while (this.#entries.size > MAX_ENTRIES || this.#bytes > MAX_BYTES) {
      this.delete(this.#entries.keys().next().value!);
    }
  }

  get(id: string): Delivery | undefined {
    return this.#entries.get(id)?.delivery;
  }

  delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }
}
