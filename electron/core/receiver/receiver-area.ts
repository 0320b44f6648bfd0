/**
 * The receiver as the engine sees it: opens the endpoints config store and the capture stores, rebuilds
 * the dedupe index, starts the HTTP(S) server and returns the contract handlers. Everything a test may
 * want to replace (signing, validator, clock, randomness, the capture record store) is injectable.
 */

import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { Replay } from '../../../shared/contract/receiver.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { LiveBus } from '../live-bus.js';
import { openConfigStore } from '../store/config-store.js';
import type { RetentionSource } from '../store/record-store.js';
import { RecordStore } from '../store/record-store.js';
import type { ConfBackend, IssueSink, SecretBox } from '../store/types.js';
import { type CaptureRecord, toSummary } from './captures/capture-record.js';
import { bodiesDirBeside, CaptureStore, type Records } from './captures/capture-store.js';
import { ENDPOINTS_SCHEMA } from './endpoints/endpoint-defaults.js';
import { EndpointService, type EndpointsFile } from './endpoints/endpoint-service.js';
import { DedupeIndex, MAX_DEDUPE_WINDOW_MS } from './guards/dedupe-index.js';
import { RateLimiter } from './guards/rate-limiter.js';
import { Forwarder } from './outbound/forwarder.js';
import { ReplayService } from './outbound/replay-service.js';
import { createReceiverHandlers, type ReceiverHandlers } from './receiver-handlers.js';
import { ReceiverServer } from './server/receiver-server.js';
import { createRequestHandler } from './server/request-handler.js';
import type { PayloadValidator, SigningPort } from './signing-port.js';

/** How often retention runs while the app is open (it also runs at every start). */
const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface ReceiverAreaOptions {
  dataDir: string;
  confBackend: ConfBackend;
  secretBox: SecretBox;
  version: string;
  audit: AuditLog;
  live: LiveBus;
  onIssue: IssueSink;
  retention: RetentionSource;
  listen: { host: string; port: number; tls?: { cert: string; key: string } };
  signing?: SigningPort;
  validator?: PayloadValidator;
  /** Which receiver connections came through the tunnel (the tunnel gateway knows). */
  isTunnel?: (socket: Socket) => boolean;
  now?: () => number;
  random?: () => number;
  timeouts?: { headersMs?: number; requestMs?: number; forwardMs?: number };
  /** Tests: wrap the capture record store, e.g. to make flush slow and prove the answer waits for it. */
  wrapCaptureRecords?: (records: Records<CaptureRecord>) => Records<CaptureRecord>;
  /** Where internal errors are reported (a request that crashed is answered 500 and logged here). */
  onError?: (err: unknown) => void;
}

export interface ReceiverArea {
  handlers: ReceiverHandlers;
  /** Where senders post: the real address, also when port 0 was asked for. */
  url: string;
  port: number;
  endpoints: EndpointService;
  captures: CaptureStore;
  close(): Promise<void>;
}

export async function createReceiverArea(options: ReceiverAreaOptions): Promise<ReceiverArea> {
  const now = options.now ?? Date.now;
  const recordsDir = join(options.dataDir, 'records', 'captures');
  const storeOptions = {
    retention: options.retention,
    now,
    onIssue: options.onIssue,
    issueRoot: options.dataDir,
  };
  const endpointsFile = openConfigStore<EndpointsFile>(options.confBackend, {
    cwd: join(options.dataDir, 'config'),
    name: 'endpoints',
    defaults: { endpoints: [] },
    schema: ENDPOINTS_SCHEMA,
    projectVersion: options.version,
    onIssue: options.onIssue,
    issueRoot: options.dataDir,
  });
  const rawRecords = await RecordStore.open<CaptureRecord>({ dir: recordsDir, ...storeOptions });
  const records = options.wrapCaptureRecords?.(rawRecords) ?? rawRecords;
  const replayRecords = await RecordStore.open<Replay>({
    dir: join(options.dataDir, 'records', 'replays'),
    ...storeOptions,
  });
  const captures = await CaptureStore.open(records, replayRecords, bodiesDirBeside(recordsDir));

  const endpoints = new EndpointService(
    endpointsFile,
    options.audit,
    options.live,
    options.secretBox,
    options.signing && { assertUsable: (id) => options.signing?.assertKey(id) },
    now,
  );
  const dedupe = await rebuildDedupe(captures, now);
  const limiter = new RateLimiter(now);
  endpoints.onChange((id) => limiter.reset(id));
  // Nobody listening (a headless host without a UI open, the benchmark): skip building the summary.
  const announce = (record: CaptureRecord) => {
    if (options.live.size > 0) options.live.emit('capture', toSummary(record));
  };
  const forwarder = new Forwarder((record) => {
    captures.update(record, Date.parse(record.receivedAt));
    announce(record);
  }, options.timeouts?.forwardMs);
  const onError = options.onError ?? ((err: unknown) => console.error('[hookscope] receiver error:', err));
  const inspectDeps = { signing: options.signing, validator: options.validator };

  let server: ReceiverServer;
  try {
    server = await ReceiverServer.start({
      host: options.listen.host,
      port: options.listen.port,
      tls: options.listen.tls,
      headersTimeoutMs: options.timeouts?.headersMs,
      requestTimeoutMs: options.timeouts?.requestMs,
      isTunnel: options.isTunnel,
      handler: createRequestHandler({
        ...inspectDeps,
        dedupe,
        match: (path) => endpoints.match(path),
        captures,
        limiter,
        onCapture: announce,
        forward: (record, body, url) => forwarder.forward(record, body, url),
        now,
        random: options.random ?? Math.random,
        onError,
      }),
    });
  } catch (err) {
    await captures.close();
    throw err;
  }

  const retention = setInterval(() => {
    captures
      .applyRetention()
      .then((removed) => removed > 0 && dedupe.prune((id) => captures.meta(id) !== undefined))
      .catch(onError);
  }, RETENTION_INTERVAL_MS);
  retention.unref();

  const handlers = createReceiverHandlers({
    endpoints,
    captures,
    replays: new ReplayService(captures, options.signing, now),
    dedupe,
    limiter,
    importDeps: {
      ...inspectDeps,
      captures,
      match: (path) => endpoints.match(path),
      onCapture: announce,
      now,
    },
    receiverUrl: () => server.url,
    certificatePem: options.listen.tls?.cert,
  });

  let closing: Promise<void> | undefined;
  return {
    handlers,
    url: server.url,
    port: server.port,
    endpoints,
    captures,
    close: () => {
      closing ??= (async () => {
        clearInterval(retention);
        await server.close();
        await forwarder.drain();
        await captures.close();
      })();
      return closing;
    },
  };
}

/** Event ids seen within the longest dedupe window, oldest first, from the captures' meta alone. */
async function rebuildDedupe(captures: CaptureStore, now: () => number): Promise<DedupeIndex> {
  const dedupe = new DedupeIndex(now);
  const cutoff = now() - MAX_DEDUPE_WINDOW_MS;
  const seen: { endpoint: string; eventId: string; id: string; at: number }[] = [];
  await captures.scanMeta((m) => {
    if (m.at < cutoff || typeof m.eventId !== 'string' || m.duplicate === true || m.source === 'imported')
      return;
    if (typeof m.endpoint === 'string')
      seen.push({ endpoint: m.endpoint, eventId: m.eventId, id: m.id, at: m.at });
  });
  for (const s of seen.reverse()) dedupe.restore(s.endpoint, s.eventId, s.id, s.at);
  return dedupe;
}
