/**
 * What the Electron preload exposes on `window.hookscope`: the same ApiClient the HTTP transport
 * implements, plus live events. The desktop shell owns the implementation; the renderer only relies on
 * this shape, so the same build runs in the app and in a browser tab.
 */
import type { ApiClient, LiveMessage } from '../../shared/contract/index.js';

export type HookscopeBridge = ApiClient & {
  /** Subscribes to the engine's live events; returns the unsubscribe function. */
  onLive(listener: (message: LiveMessage) => void): () => void;
};

declare global {
  interface Window {
    /** Present only inside the desktop app (set by the preload script through contextBridge). */
    hookscope?: HookscopeBridge;
  }
}
