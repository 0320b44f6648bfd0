/**
 * The browser's (and scripts') transport: one function per contract method, built from the contract's
 * route table, so it can never lack a method. Live events arrive over SSE read with fetch (not
 * EventSource, which cannot send the Authorization header).
 */

import type { ApiClient } from '../contract/index.js';
import { contract, fillPath, type LiveMessage, type MethodName, parseRoute } from '../contract/index.js';
import { ApiError, type WireError } from '../errors.js';
import { parseSseChunk } from './sse-parser.js';

export interface HttpClientOptions {
  /** e.g. http://127.0.0.1:4800 — no trailing slash needed. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export type LiveState = 'connecting' | 'open' | 'closed';

export interface LiveSubscription {
  close(): void;
}

export interface HttpApi extends ApiClient {
  /** Subscribes to live events; reconnects with backoff until closed. */
  live(onMessage: (message: LiveMessage) => void, onState?: (state: LiveState) => void): LiveSubscription;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export function createHttpClient(options: HttpClientOptions): HttpApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const authHeaders = { authorization: `Bearer ${options.token}` };

  async function call(name: MethodName, params: Record<string, unknown> = {}): Promise<unknown> {
    const def = contract[name];
    const { method, path } = parseRoute(def.route);
    const { path: filled, rest } = fillPath(path, params);
    let url = base + filled;
    const init: RequestInit = { method, headers: { ...authHeaders } };
    if (method === 'GET' || method === 'DELETE') {
      const query = toQuery(rest);
      if (query) url += `?${query}`;
    } else {
      init.body = JSON.stringify(rest);
      init.headers = { ...authHeaders, 'content-type': 'application/json' };
    }
    const response = await doFetch(url, init);
    if (!response.ok) throw await errorFrom(response);
    if ('raw' in def && def.raw) return response.text();
    if (response.status === 204) return undefined;
    return response.json();
  }

  const api = {} as Record<string, unknown>;
  for (const name of Object.keys(contract) as MethodName[]) {
    api[name] = (params?: Record<string, unknown>) => call(name, params);
  }
  api.live = (onMessage: (m: LiveMessage) => void, onState?: (s: LiveState) => void) =>
    openLive(base, authHeaders, doFetch, onMessage, onState);
  return api as unknown as HttpApi;
}

function toQuery(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  return search.toString();
}

async function errorFrom(response: Response): Promise<ApiError> {
  let wire: WireError = { code: 'internal', message: `HTTP ${response.status} ${response.statusText}` };
  try {
    const body = (await response.json()) as { error?: WireError };
    if (body?.error?.code) wire = body.error;
  } catch {
    // Not JSON (a proxy, a crash page): keep the status line.
  }
  return new ApiError(wire, response.status);
}

function openLive(
  base: string,
  headers: Record<string, string>,
  doFetch: typeof fetch,
  onMessage: (m: LiveMessage) => void,
  onState?: (s: LiveState) => void,
): LiveSubscription {
  let closed = false;
  let controller: AbortController | undefined;
  let delay = RECONNECT_MIN_MS;

  const run = async (): Promise<void> => {
    while (!closed) {
      onState?.('connecting');
      controller = new AbortController();
      try {
        const response = await doFetch(`${base}/api/live`, {
          headers: { ...headers, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw await errorFrom(response);
        onState?.('open');
        delay = RECONNECT_MIN_MS;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSseChunk(buffer + value);
          buffer = parsed.rest;
          for (const event of parsed.events)
            onMessage({ event: event.event, data: event.data } as LiveMessage);
        }
      } catch (err) {
        if (err instanceof ApiError && err.code === 'unauthorized') {
          closed = true;
        }
      }
      if (closed) break;
      onState?.('closed');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
    onState?.('closed');
  };
  void run();
  return {
    close() {
      closed = true;
      controller?.abort();
    },
  };
}
