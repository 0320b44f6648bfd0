/**
 * The fault suite's host: the built CLI as a real process (`spawnHost`) on ephemeral loopback ports, with a
 * known token, an HTTP client and the receiver URL; `kill()` is kill -9, `stop()` a clean SIGTERM. Also a
 * small seeded PRNG (mulberry32) so generated inputs are the same on every run, and the signed Instafill
 * webhook the load tests send.
 */
import { createHmac } from 'node:crypto';
import { createHttpClient, type HttpApi } from '../../shared/client/http-client.js';
import { type SpawnedHost, spawnHost } from './spawn-host.js';

export const FAULT_TOKEN = 'fault-suite-token-0001';
export const INSTAFILL_SECRET = 'fault-instafill-secret';

export interface FaultHost {
  host: SpawnedHost;
  api: HttpApi;
  origin: string;
  receiverUrl: string;
  /** kill -9; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

export async function startFaultHost(dataDir: string, extraArgs: string[] = []): Promise<FaultHost> {
  const host = await spawnHost(
    ['--port', '0', '--receiver-port', '0', '--data', dataDir, ...extraArgs],
    { HOOKSCOPE_TOKEN: FAULT_TOKEN },
    20_000,
  );
  const origin = new URL(host.uiUrl).origin;
  const api = createHttpClient({ baseUrl: origin, token: FAULT_TOKEN });
  const receiverUrl = (await api.health()).receiverUrl;
  const gone = async (signal: NodeJS.Signals) => {
    if (host.child.exitCode !== null || host.child.signalCode !== null) return;
    host.child.kill(signal);
    const timer = setTimeout(() => host.child.kill('SIGKILL'), 5_000);
    await host.exited;
    clearTimeout(timer);
  };
  return { host, api, origin, receiverUrl, kill: () => gone('SIGKILL'), stop: () => gone('SIGTERM') };
}

/** mulberry32: a tiny seeded PRNG; the same seed gives the same inputs on every run. */
export function seeded(seed: number): {
  next: () => number;
  int: (max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  bytes: (n: number) => Buffer;
} {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    bytes: (n) => {
      const out = Buffer.alloc(n);
      for (let i = 0; i < n; i++) out[i] = int(256);
      return out;
    },
  };
}

/** A signed Instafill `form.completed` webhook with a unique event id. */
export function signedInstafill(eventId: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    event: 'form.completed',
    event_id: eventId,
    timestamp: new Date().toISOString(),
    data: {
      session_id: 'sess_fault',
      form_id: 'form_fault',
      field_data: { n: eventId, pad: 'x'.repeat(64) },
    },
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-instafill-event': 'form.completed',
      'x-instafill-signature': `sha256=${createHmac('sha256', INSTAFILL_SECRET).update(body).digest('hex')}`,
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
