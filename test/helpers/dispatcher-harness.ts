/**
 * The dispatcher area on its own, wired the way the engine wires it (real conf stores, real RecordStores,
 * the signing module's KeyService), plus a scriptable local webhook receiver. Calls go through the
 * contract's zod schemas like Engine.call, so tests see the same validation the API gives.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AuditLog } from '../../electron/core/audit/audit-log.js';
import { createDispatcherArea, type DispatcherArea } from '../../electron/core/dispatcher/dispatcher-area.js';
import type { DispatcherHandlers } from '../../electron/core/dispatcher/dispatcher-handlers.js';
import { LiveBus } from '../../electron/core/live-bus.js';
import { KeyService } from '../../electron/core/signing/keys/key-service.js';
import {
  KEYS_STORE_DEFAULTS,
  KEYS_STORE_SCHEMA,
  type KeysStoreShape,
} from '../../electron/core/signing/keys/stored-key.js';
import { confBackend } from '../../electron/core/store/conf-backend.js';
import { openConfigStore } from '../../electron/core/store/config-store.js';
import { plainSecretBox } from '../../electron/core/store/plain-secret-box.js';
import { RecordStore } from '../../electron/core/store/record-store.js';
import type { CallContext } from '../../shared/contract/define.js';
import { dispatcherMethods } from '../../shared/contract/dispatcher.js';
import type { LiveMessage, Settings } from '../../shared/contract/index.js';
import type { AuditEntry, StoreIssue } from '../../shared/contract/system.js';
import { ValidationError } from '../../shared/errors.js';

type Methods = typeof dispatcherMethods;
type Name = keyof Methods;

export interface DispatcherHarness {
  area: DispatcherArea;
  keys: KeyService;
  live: LiveMessage[];
  settings: Settings;
  /** Damaged files found at start (moved aside and reported). */
  issues: StoreIssue[];
  call<N extends Name>(name: N, params?: unknown): Promise<Awaited<ReturnType<DispatcherHandlers[N]>>>;
  close(): Promise<void>;
}

const CTX: CallContext = { transport: 'internal', actor: 'test' };

export async function startDispatcher(dataDir: string): Promise<DispatcherHarness> {
  const bus = new LiveBus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const auditStore = await RecordStore.open<AuditEntry>({
    dir: join(dataDir, 'records', 'audit'),
    retention: { maxAgeMs: 86_400_000, maxCount: 100_000 },
  });
  const audit = new AuditLog(auditStore, bus);
  const keys = new KeyService({
    store: openConfigStore<KeysStoreShape>(confBackend, {
      cwd: join(dataDir, 'config'),
      name: 'keys',
      defaults: KEYS_STORE_DEFAULTS,
      schema: KEYS_STORE_SCHEMA,
      projectVersion: '0.1.0',
      onIssue: () => undefined,
    }),
    box: plainSecretBox,
  });
  const issues: StoreIssue[] = [];
  const settings: Settings = {
    theme: 'system',
    retention: { maxAgeDays: 30, maxCount: 100_000 },
    alertUrl: '',
  };
  const area = createDispatcherArea({
    confBackend,
    configDir: join(dataDir, 'config'),
    dataDir,
    version: '0.1.0',
    onIssue: (issue) => issues.push(issue),
    live: bus,
    audit,
    settings: {
      get: () => settings,
      recordRetention: () => ({
        maxAgeMs: settings.retention.maxAgeDays * 86_400_000,
        maxCount: settings.retention.maxCount,
      }),
    },
    keys,
  });
  await area.ready;
  const call = async (name: Name, params: unknown = {}) => {
    const parsed = dispatcherMethods[name].params.safeParse(params);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const handler = area.handlers[name] as (p: unknown, c: CallContext) => unknown;
    return handler(parsed.data, CTX);
  };
  return {
    area,
    keys,
    live,
    settings,
    issues,
    call: call as DispatcherHarness['call'],
    close: async () => {
      await area.close();
      await auditStore.close();
    },
  };
}

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Replies in order; the last one repeats. */
  replies: Reply[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers from a script. */
export async function startReceiver(
  replies: Reply[] = [{ status: 200, body: 'ok' }],
): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const state = { replies };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      });
      const index = Math.min(received.length - 1, state.replies.length - 1);
      const reply = state.replies[index] ?? { status: 200 };
      const send = () => {
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get replies() {
      return state.replies;
    },
    set replies(next: Reply[]) {
      state.replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Waits until `check` passes (polling), or fails with the last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw lastError;
}
