/** The engine's live events, fanned out to every transport (SSE for browsers, IPC for the desktop). */
import type { LiveEventName, LiveEvents, LiveMessage } from '../../shared/contract/index.js';

export type LiveListener = (message: LiveMessage) => void;

export class LiveBus {
  private readonly listeners = new Set<LiveListener>();

  emit<K extends LiveEventName>(event: K, data: LiveEvents[K]): void {
    const message = { event, data } as LiveMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A broken subscriber (e.g. a closed socket) must never stop the engine or other subscribers.
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
