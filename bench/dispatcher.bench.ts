/**
 * Dispatcher benchmarks. (1) Signed, logged deliveries per second to a fast local endpoint, against
 * autocannon hammering the same endpoint with the same concurrency in the same run (autocannon before and
 * after, averaged, so drift hits both). (2) The scheduler with 100k pending retries: insert, step, memory,
 * and the restart scan of 100k pending deliveries in the delivery log.
 * Run: node --import tsx bench/dispatcher.bench.ts [--quick]. Writes bench/results-dispatcher.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { AuditLog } from '../electron/core/audit/audit-log.js';
import { Clock } from '../electron/core/clock/clock.js';
import { Scheduler } from '../electron/core/clock/scheduler.js';
import { DeliveryLog } from '../electron/core/dispatcher/deliveries/delivery-log.js';
import { createDispatcherArea } from '../electron/core/dispatcher/dispatcher-area.js';
import { LiveBus } from '../electron/core/live-bus.js';
import { KeyService } from '../electron/core/signing/keys/key-service.js';
import { KEYS_STORE_DEFAULTS, type KeysStoreShape } from '../electron/core/signing/keys/stored-key.js';
import { confBackend } from '../electron/core/store/conf-backend.js';
import { openConfigStore } from '../electron/core/store/config-store.js';
import { plainSecretBox } from '../electron/core/store/plain-secret-box.js';
import { RecordStore } from '../electron/core/store/record-store.js';
import type { AuditEntry } from '../shared/contract/system.js';
import { benchDelivery } from './delivery-fixture.js';

const QUICK = process.argv.includes('--quick');
const DELIVERIES = QUICK ? 1_000 : 20_000;
const WARMUP = 300;
const FIRE_BATCH = 100;
/**
 * Events are offered as a stream that keeps at most this many deliveries queued (a burst of 20k at once
 * measures the backlog, not the dispatcher); it is far above the 64 in flight, so the sender never idles.
 */
const MAX_BACKLOG = 1_000;
const AUTOCANNON_SEC = QUICK ? 1.5 : 8;
/** The scheduler's default concurrency: autocannon gets as many connections. */
const CONNECTIONS = 64;
const PENDING = 100_000;
/** The restart scan writes real delivery records first: the full 100k outside quick mode only. */
const SCAN_PENDING = QUICK ? 20_000 : PENDING;
const STEPS = QUICK ? 300 : 2_000;
const WEEK_MS = 7 * 86_400_000;
const LOTS = { maxAgeMs: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** A minimal HTTP endpoint in its own process, so it does not share the event loop with the load. */
const ENDPOINT = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }); res.end('ok'); });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

async function startEndpoint(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', ENDPOINT], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`endpoint exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function autocannonRps(url: string, body: string, seconds = AUTOCANNON_SEC): Promise<number> {
  const result = await autocannon({
    url: `${url}/hooks`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-instafill-signature': `sha256=${'a'.repeat(64)}` },
    body,
  });
  return result.requests.total / (result.duration || seconds);
}

interface DeliveryRun {
  deliveries: number;
  seconds: number;
  perSec: number;
  bodyBytes: number;
}

async function dispatcherRun(url: string): Promise<DeliveryRun> {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-'));
  const live = new LiveBus();
  const auditStore = await RecordStore.open<AuditEntry>({
    dir: join(dir, 'records', 'audit'),
    retention: LOTS,
  });
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
  const area = createDispatcherArea({
    confBackend,
    configDir: join(dir, 'config'),
    dataDir: dir,
    version: '0.1.0',
    onIssue: () => undefined,
    live,
    audit: new AuditLog(auditStore, live),
    settings: {
      get: () => ({ theme: 'system', alertUrl: '', retention: { maxAgeDays: 30, maxCount: 1_000_000 } }),
      recordRetention: () => ({ maxAgeMs: 30 * 86_400_000, maxCount: 1_000_000 }),
    },
    keys,
  });
  await area.ready;
  const ctx = { transport: 'internal', actor: 'bench' } as const;
  await area.handlers.createSubscription({ url: `${url}/hooks`, events: ['form.completed'] } as never, ctx);
  let succeeded = 0;
  let failed = 0;
  let bodyBytes = 0;
  live.subscribe((m) => {
    if (m.event !== 'delivery') return;
    if (m.data.status === 'succeeded') succeeded++;
    if (m.data.status === 'failed' || (m.data.lastStatus !== undefined && m.data.lastStatus !== 200))
      failed++;
  });
  let fired = 0;
  const fire = async (n: number) => {
    for (let i = 0; i < n; i += FIRE_BATCH) {
      while (fired - succeeded > MAX_BACKLOG) await new Promise((r) => setTimeout(r, 1));
      fired += Math.min(FIRE_BATCH, n - i);
      for (let j = i; j < Math.min(n, i + FIRE_BATCH); j++) {
        const result = await area.handlers.fireEvent({ type: 'form.completed', data: { total: j } }, ctx);
        if (bodyBytes === 0) bodyBytes = Buffer.byteLength(JSON.stringify(result.event.data)) + 120;
      }
      await new Promise((r) => setImmediate(r));
    }
  };
  const waitFor = async (target: number) => {
    while (succeeded < target) {
      if (failed > 0) throw new Error(`${failed} deliveries failed during the benchmark`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await fire(WARMUP);
  await waitFor(WARMUP);
  const start = performance.now();
  await fire(DELIVERIES);
  await waitFor(WARMUP + DELIVERIES);
  const seconds = (performance.now() - start) / 1000;
  await area.close();
  await auditStore.close();
  rmSync(dir, { recursive: true, force: true });
  return { deliveries: DELIVERIES, seconds, perSec: DELIVERIES / seconds, bodyBytes };
}

function schedulerRun() {
  const clock = new Clock();
  clock.setMode('manual');
  let ran = 0;
  const scheduler = new Scheduler(clock, async () => {
    ran++;
  });
  const t0 = clock.now();
  const dues = Array.from({ length: PENDING }, () => t0 + 1000 + Math.floor(Math.random() * WEEK_MS));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const insertStart = performance.now();
  for (let i = 0; i < PENDING; i++) scheduler.schedule(`dlv_${i.toString(36).padStart(12, '0')}`, dues[i]!);
  const insertMs = performance.now() - insertStart;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return { scheduler, clock, insertMs, heapMb, ran: () => ran };
}

async function stepRun(s: ReturnType<typeof schedulerRun>) {
  const times: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const start = performance.now();
    await s.scheduler.step();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const reschedule = performance.now();
  for (let i = 0; i < 10_000; i++)
    s.scheduler.schedule(`dlv_${i.toString(36).padStart(12, '0')}`, s.clock.now() + WEEK_MS);
  const rescheduleUs = ((performance.now() - reschedule) * 1000) / 10_000;
  await s.scheduler.close();
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    steps: STEPS,
    ran: s.ran(),
    meanUs: mean * 1000,
    p50Us: times[Math.floor(times.length * 0.5)]! * 1000,
    p99Us: times[Math.floor(times.length * 0.99)]! * 1000,
    rescheduleUs,
  };
}

/** Writes PENDING pending deliveries to a real delivery log, reopens it, and times the restart scan. */
async function restartScanRun() {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-bench-scan-'));
  const options = {
    deliveriesDir: join(dir, 'deliveries'),
    attemptsDir: join(dir, 'attempts'),
    retention: LOTS,
    now: Date.now,
    onIssue: () => undefined,
    issueRoot: dir,
  };
  const log = await DeliveryLog.open(options);
  const at = new Date().toISOString();
  for (let i = 0; i < SCAN_PENDING; i++) {
    log.put(benchDelivery(i, at, 'pending', 'https://example.com/hooks'), Date.now() + i);
  }
  await log.close();
  const openStart = performance.now();
  const reopened = await DeliveryLog.open(options);
  const openMs = performance.now() - openStart;
  const scanStart = performance.now();
  const pending = await reopened.pending();
  const scanMs = performance.now() - scanStart;
  await reopened.close();
  rmSync(dir, { recursive: true, force: true });
  if (pending.length !== SCAN_PENDING)
    throw new Error(`restart scan found ${pending.length} of ${SCAN_PENDING}`);
  return { pending: pending.length, openMs, scanMs };
}

const started = performance.now();
const endpoint = await startEndpoint();
const sampleBody = JSON.stringify({
  event: 'form.completed',
  event_id: 'evt_bench',
  timestamp: '2024-02-16T10:30:00Z',
  workspace_id: 'ws_default',
  data: { session_id: 'sess_abc123', form_id: 'form_xyz789', form_name: 'Job Application Form', total: 1 },
});
let delivery: DeliveryRun;
let cannon: number[];
try {
  // Warm-up (connections, JIT on both sides), discarded: a cold first run reads several times too low.
  await autocannonRps(endpoint.url, sampleBody, 1);
  const before = await autocannonRps(endpoint.url, sampleBody);
  delivery = await dispatcherRun(endpoint.url);
  const after = await autocannonRps(endpoint.url, sampleBody);
  cannon = [before, after];
} finally {
  endpoint.child.kill();
}
const cannonRps = (cannon[0]! + cannon[1]!) / 2;
const sched = schedulerRun();
const step = await stepRun(sched);
const scan = await restartScanRun();
const elapsedSec = (performance.now() - started) / 1000;

const rows: [string, string, string][] = [
  [
    'deliveries/s (signed instafill-hmac, logged, 64 in flight)',
    delivery.perSec.toFixed(0),
    `${(delivery.perSec / cannonRps).toFixed(3)} × autocannon`,
  ],
  [
    'autocannon req/s, same endpoint, 64 connections',
    cannonRps.toFixed(0),
    `runs ${cannon.map((c) => c.toFixed(0)).join(' / ')}`,
  ],
  [
    `scheduler: insert ${PENDING / 1000}k pending`,
    `${sched.insertMs.toFixed(0)} ms`,
    `${((sched.insertMs * 1000) / PENDING).toFixed(2)} µs each`,
  ],
  [
    `scheduler: heap for ${PENDING / 1000}k pending`,
    `${sched.heapMb.toFixed(1)} MB`,
    `${((sched.heapMb * 1024 * 1024) / PENDING).toFixed(0)} B each`,
  ],
  [
    `scheduler: step with ${PENDING / 1000}k pending (median)`,
    `${step.p50Us.toFixed(1)} µs`,
    `p99 ${step.p99Us.toFixed(1)} µs, mean ${step.meanUs.toFixed(1)} µs, ${step.steps} steps`,
  ],
  ['scheduler: reschedule one of 100k', `${step.rescheduleUs.toFixed(2)} µs`, ''],
  [
    `restart: reopen log with ${SCAN_PENDING / 1000}k pending`,
    `${scan.openMs.toFixed(0)} ms`,
    `scan ${scan.scanMs.toFixed(0)} ms`,
  ],
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(
  `\n${elapsedSec.toFixed(1)} s${QUICK ? ' (quick)' : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
);

const results = {
  when: new Date().toISOString(),
  quick: QUICK,
  node: process.version,
  cpus: cpus().length,
  deliveries: {
    ...delivery,
    autocannonRps: cannonRps,
    autocannonRuns: cannon,
    ratio: delivery.perSec / cannonRps,
    connections: CONNECTIONS,
  },
  scheduler: { pending: PENDING, insertMs: sched.insertMs, heapMb: sched.heapMb, ...step },
  restartScan: scan,
  elapsedSec,
};
writeFileSync(
  fileURLToPath(new URL('./results-dispatcher.json', import.meta.url)),
  `${JSON.stringify(results, null, 2)}\n`,
);
