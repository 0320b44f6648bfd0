/**
 * The three servers the receiver benchmark compares, each run alone in a child process so autocannon (in
 * the parent) never shares its event loop: a bare node:http server (the ceiling), mockttp (HTTP Toolkit's
 * engine, recording traffic in memory as it does by default) and Hookscope's receiver (every request
 * verified, captured and fsynced before its 2xx). Run by receiver.bench.ts as `--serve <kind>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../electron/core/audit/audit-log.js';
import { LiveBus } from '../electron/core/live-bus.js';
import { createReceiverArea } from '../electron/core/receiver/receiver-area.js';
import { createSigningPort } from '../electron/core/receiver/signing-adapter.js';
import { KeyService } from '../electron/core/signing/keys/key-service.js';
import { KEYS_STORE_DEFAULTS, type KeysStoreShape } from '../electron/core/signing/keys/stored-key.js';
import { confBackend } from '../electron/core/store/conf-backend.js';
import { openConfigStore } from '../electron/core/store/config-store.js';
import { plainSecretBox } from '../electron/core/store/plain-secret-box.js';
import { RecordStore } from '../electron/core/store/record-store.js';
import type { AuditEntry } from '../shared/contract/system.js';

export const TARGETS = ['bare', 'mockttp', 'hookscope'] as const;
export type Target = (typeof TARGETS)[number];
export const HOOK_PATH = '/hooks/instafill';
export const SECRET = 'bench-instafill-secret';
const REPLY = '{"ok":true}';
const LOTS = { maxAgeMs: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

export interface Running {
  url: string;
  /** Stops the server; returns how many requests it served and what it stored (checked against the 2xx count). */
  stop(): Promise<{ served: number; captured?: number }>;
}

async function bare(): Promise<Running> {
  let served = 0;
  const server = createServer((req, res) => {
    served++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Buffer.concat(chunks);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': REPLY.length });
      res.end(REPLY);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((r) => {
        server.close(() => r({ served }));
        server.closeAllConnections();
      }),
  };
}

async function mockttp(): Promise<Running> {
  // Loaded only here, so the other targets' processes do not carry mockttp's modules.
  const { getLocal } = await import('mockttp');
  const server = getLocal();
  await server.start();
  // Given headers, mockttp sends exactly those: without a Content-Length a keep-alive client never sees the end.
  const endpoint = await server
    .forPost(HOOK_PATH)
    .thenReply(200, REPLY, { 'content-type': 'application/json', 'content-length': String(REPLY.length) });
  return {
    url: server.url.replace('localhost', '127.0.0.1'),
    stop: async () => {
      const captured = (await endpoint.getSeenRequests()).length;
      await server.stop();
      return { served: captured, captured };
    },
  };
}

async function hookscope(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-receiver-'));
  const live = new LiveBus();
  const audit = await RecordStore.open<AuditEntry>({ dir: join(dir, 'records', 'audit'), retention: LOTS });
  const keys = new KeyService({
    store: openConfigStore<KeysStoreShape>(confBackend, {
      cwd: join(dir, 'config'),
      name: 'keys',
      defaults: KEYS_STORE_DEFAULTS,
      projectVersion: '0.1.0',
      onIssue: () => undefined,
    }),
    box: plainSecretBox,
  });
  const area = await createReceiverArea({
    dataDir: dir,
    confBackend,
    secretBox: plainSecretBox,
    version: '0.1.0',
    audit: new AuditLog(audit, live),
    live,
    onIssue: () => undefined,
    retention: LOTS,
    listen: { host: '127.0.0.1', port: 0 },
    signing: createSigningPort(keys),
  });
  await area.handlers.createEndpoint(
    { path: HOOK_PATH, verify: { scheme: 'instafill-hmac', secret: SECRET } },
    { transport: 'internal', actor: 'bench' },
  );
  return {
    url: area.url,
    stop: async () => {
      const captured = area.captures.count();
      await area.close();
      await audit.close();
      rmSync(dir, { recursive: true, force: true });
      return { served: captured, captured };
    },
  };
}

export const START: Record<Target, () => Promise<Running>> = { bare, mockttp, hookscope };
