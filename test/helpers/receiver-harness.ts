/**
 * A receiver area on its own (no control API): real HTTP on an ephemeral loopback port, a temp data dir,
 * the signing area's KeyService for verify and re-sign, and every live event kept for assertions.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { AuditLog } from '../../electron/core/audit/audit-log.js';
import { LiveBus } from '../../electron/core/live-bus.js';
import {
  createReceiverArea,
  type ReceiverArea,
  type ReceiverAreaOptions,
} from '../../electron/core/receiver/receiver-area.js';
import type { ReceiverMethodName } from '../../electron/core/receiver/receiver-handlers.js';
import { createSigningPort } from '../../electron/core/receiver/signing-adapter.js';
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
import { type Contract, contract, type LiveMessage, type ResultOf } from '../../shared/contract/index.js';
import type { AuditEntry } from '../../shared/contract/system.js';
import { tempDir } from './tmp.js';

export interface ReceiverHarness {
  url: string;
  dir: string;
  area: ReceiverArea;
  keys: KeyService;
  audit: RecordStore<AuditEntry>;
  live: LiveMessage[];
  /** Calls a receiver method the way the engine does: params through the contract's schema first. */
  call<N extends ReceiverMethodName>(
    name: N,
    params?: Record<string, unknown>,
  ): Promise<ResultOf<Contract[N]>>;
  close(): Promise<void>;
}

const CTX = { transport: 'internal', actor: 'test' } as const;

export async function startReceiver(
  overrides: Partial<ReceiverAreaOptions> = {},
  existingDir?: string,
): Promise<ReceiverHarness> {
  const tmp = existingDir ? { dir: existingDir, remove: () => undefined } : tempDir('hookscope-receiver-');
  const live = new LiveBus();
  const messages: LiveMessage[] = [];
  live.subscribe((m) => messages.push(m));
  const onIssue = () => undefined;
  const audit = await RecordStore.open<AuditEntry>({
    dir: join(tmp.dir, 'records', 'audit'),
    retention: { maxAgeMs: 86_400_000, maxCount: 1000 },
  });
  const keys = new KeyService({
    store: openConfigStore<KeysStoreShape>(confBackend, {
      cwd: join(tmp.dir, 'config'),
      name: 'keys',
      defaults: KEYS_STORE_DEFAULTS,
      schema: KEYS_STORE_SCHEMA,
      projectVersion: '0.1.0',
      onIssue,
    }),
    box: plainSecretBox,
  });
  let area: ReceiverArea;
  try {
    area = await createReceiverArea({
      dataDir: tmp.dir,
      confBackend,
      secretBox: plainSecretBox,
      version: '0.1.0',
      audit: new AuditLog(audit, live),
      live,
      onIssue,
      retention: { maxAgeMs: 30 * 86_400_000, maxCount: 100_000 },
      listen: { host: '127.0.0.1', port: 0 },
      signing: createSigningPort(keys),
      ...overrides,
    });
  } catch (err) {
    await audit.close();
    tmp.remove();
    throw err;
  }
  return {
    url: area.url,
    dir: tmp.dir,
    area,
    keys,
    audit,
    live: messages,
    call: async (name, params = {}) => {
      const parsed = contract[name].params.parse(params);
      const handler = area.handlers[name] as (p: unknown, c: typeof CTX) => unknown;
      return (await handler(parsed, CTX)) as never;
    },
    close: async () => {
      await area.close();
      await audit.close();
      tmp.remove();
    },
  };
}

export interface Sent {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP request with exact bytes and ordered (possibly repeated) headers. */
export function send(
  url: string,
  options: { method?: string; headers?: [string, string][]; body?: Buffer | string } = {},
): Promise<Sent> {
  const headers = options.headers ?? [];
  // With headers given as a list, Node adds no Host header of its own.
  if (!headers.some(([n]) => n.toLowerCase() === 'host')) headers.unshift(['Host', new URL(url).host]);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'POST',
        headers: headers as unknown as Record<string, string>,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The capture id the receiver puts on every answer. */
export const captureIdOf = (sent: Sent): string => String(sent.headers['x-hookscope-capture']);

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
