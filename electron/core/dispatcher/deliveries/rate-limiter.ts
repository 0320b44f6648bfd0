/**
 * Per-subscription outbound rate limit: requests to one subscription start at least 60 s / N apart (N per
 * minute), in wall time, because the limit protects a real receiver whatever the Hookscope clock does.
 * Waiters queue in order: each take() reserves the next free slot before it sleeps.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export class RateLimiter {
  readonly #nextSlot = new Map<string, number>();

  constructor(private readonly wall: () => number = Date.now) {}

  /** Resolves when a request may start; 0 per minute means unlimited. Rejects if `signal` aborts first. */
  async take(key: string, perMinute: number, signal?: AbortSignal): Promise<void> {
    if (perMinute <= 0) return;
    const spacing = 60_000 / perMinute;
    const now = this.wall();
    const slot = Math.max(now, this.#nextSlot.get(key) ?? now);
    this.#nextSlot.set(key, slot + spacing);
    if (slot > now) await sleep(slot - now, undefined, signal ? { signal } : undefined);
  }

  forget(key: string): void {
    this.#nextSlot.delete(key);
  }
}
