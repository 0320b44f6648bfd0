/**
 * Which event ids each endpoint has seen, and in which capture, so a repeat within the endpoint's window is
 * flagged as a duplicate (the seed: "24-hour idempotency window"). Rebuilt at start from the captures'
 * indexed meta, so a restart does not forget what arrived an hour ago.
 */

/** The longest window an endpoint may configure; older entries are of no use to anyone. */
export const MAX_DEDUPE_WINDOW_MS = 30 * 86_400_000;

interface Seen {
  captureId: string;
  at: number;
}

export class DedupeIndex {
  /** Insertion order is arrival order, so expired entries are always at the front. */
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The earlier capture of this event id within `windowMs`, if any. */
  firstSeen(endpoint: string, eventId: string, windowMs: number): string | undefined {
    const entry = this.seen.get(key(endpoint, eventId));
    return entry && this.now() - entry.at <= windowMs ? entry.captureId : undefined;
  }

  /** Notes a first sighting; a later sighting never replaces it within the window (duplicate-of stays stable). */
  remember(
    endpoint: string,
    eventId: string,
    captureId: string,
    at: number,
    windowMs = MAX_DEDUPE_WINDOW_MS,
  ): void {
    this.expire();
    const k = key(endpoint, eventId);
    const existing = this.seen.get(k);
    if (existing && at - existing.at <= windowMs) return;
    // Re-insert so the map stays in arrival order.
    this.seen.delete(k);
    this.seen.set(k, { captureId, at });
  }

  /**
   * At start-up, oldest first: every capture that was not a duplicate was a first sighting when it arrived,
   * so the newest of them is the one later arrivals are compared with.
   */
  restore(endpoint: string, eventId: string, captureId: string, at: number): void {
    const k = key(endpoint, eventId);
    this.seen.delete(k);
    this.seen.set(k, { captureId, at });
  }

  /** After retention: a capture that is gone is no longer anybody's original. */
  prune(isLive: (captureId: string) => boolean): void {
    for (const [k, entry] of this.seen) if (!isLive(entry.captureId)) this.seen.delete(k);
  }

  /** Forgets a capture the user deleted. */
  forgetCapture(captureId: string): void {
    for (const [k, entry] of this.seen) if (entry.captureId === captureId) this.seen.delete(k);
  }

  get size(): number {
    return this.seen.size;
  }

  private expire(): void {
    const cutoff = this.now() - MAX_DEDUPE_WINDOW_MS;
    for (const [k, entry] of this.seen) {
      if (entry.at >= cutoff) break;
      this.seen.delete(k);
    }
  }
}

const key = (endpoint: string, eventId: string): string => `${endpoint}\u0000${eventId}`;
