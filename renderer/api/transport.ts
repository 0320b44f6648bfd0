/**
 * The two ways the renderer reaches the engine, behind one shape: the Electron preload bridge (IPC) or
 * HTTP + SSE against the headless host that served this page. Everything above this file sees only
 * `Transport`, so the same build runs in the desktop app and in a browser tab.
 */
import { createHttpClient } from '../../shared/client/http-client.js';
import type { ApiClient, LiveMessage } from '../../shared/contract/index.js';
import type { HookscopeBridge } from './bridge-types.js';

export type LiveState = 'connecting' | 'open' | 'closed';
export type HostKind = 'desktop' | 'browser';

export interface Transport {
  kind: HostKind;
  api: ApiClient;
  /** Starts live events; returns the function that stops them. */
  connectLive(onMessage: (message: LiveMessage) => void, onState: (state: LiveState) => void): () => void;
}

export function bridgeTransport(bridge: HookscopeBridge): Transport {
  return {
    kind: 'desktop',
    api: bridge,
    connectLive(onMessage, onState) {
      // IPC has no connection to lose: events flow for as long as the window lives.
      const unsubscribe = bridge.onLive(onMessage);
      onState('open');
      return () => {
        unsubscribe();
        onState('closed');
      };
    },
  };
}

export interface HttpTransportOptions {
  baseUrl: string;
  token: string;
  /** Called with the server's message whenever it answers 401 (the host restarted with a new token). */
  onUnauthorized(message: string): void;
}

export function httpTransport(options: HttpTransportOptions): Transport {
  // Watching every response here catches a refused token on the live stream too, which the client
  // otherwise ends quietly.
  const watchingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) options.onUnauthorized(await messageOf(response.clone()));
    return response;
  };
  const client = createHttpClient({ baseUrl: options.baseUrl, token: options.token, fetch: watchingFetch });
  return {
    kind: 'browser',
    api: client,
    connectLive(onMessage, onState) {
      const subscription = client.live(onMessage, onState);
      return () => subscription.close();
    },
  };
}

async function messageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return 'The host refused the token.';
}
