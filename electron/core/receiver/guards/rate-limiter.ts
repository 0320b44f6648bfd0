/**
 * Rate limit per endpoint and source address, in fixed one-minute windows (what the seed's checklist asks
 * for: "max 100 webhooks/minute per source IP"). Memory stays bounded: stale windows are swept once the
 * table grows past a threshold.
 */

const WINDOW_MS = 60_000;
/** Above this many tracked sources, windows that ended are dropped on the next check. */
const SWEEP_AT = 10_000;

interface Window {
  start: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSec: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a request and says whether it is within `perMinute`. */
  hit(endpointId: string, source: string, perMinute: number): RateDecision {
    const now = this.now();
    const start = now - (now % WINDOW_MS);
    const key = `${endpointId}\u0000${source}`;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size >= SWEEP_AT) this.sweep(start);
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    return {
      allowed: window.count <= perMinute,
      retryAfterSec: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)),
      count: window.count,
    };
  }

  /** Forgets an endpoint's counters (after it is edited or deleted). */
  reset(endpointId: string): void {
    const prefix = `${endpointId}\u0000`;
    for (const key of this.windows.keys()) if (key.startsWith(prefix)) this.windows.delete(key);
  }

  private sweep(currentStart: number): void {
    for (const [key, window] of this.windows) if (window.start < currentStart) this.windows.delete(key);
  }
}
