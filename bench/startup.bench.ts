/**
 * Start-up time and memory with a full data folder: 100k captures and 10k deliveries on disk (written with
 * the RecordStore / DeliveryLog directly, from a template capture the real receiver made), against an empty
 * data folder in the same run. Each round spawns the built CLI (`dist/host/cli.js serve`) and times spawn →
 * first 200 from GET /api/health; RSS is read from /proc after that answer. Rounds alternate empty/full;
 * medians reported. Run: node --import tsx bench/startup.bench.ts [--quick]. Writes bench/results-startup.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeliveryLog } from '../electron/core/dispatcher/deliveries/delivery-log.js';
import type { CaptureRecord } from '../electron/core/receiver/captures/capture-record.js';
import { RecordStore } from '../electron/core/store/record-store.js';
import { startHost } from '../electron/host/serve.js';
import { tempDir } from '../test/helpers/tmp.js';
import { benchDelivery } from './delivery-fixture.js';

const QUICK = process.argv.includes('--quick');
const CAPTURES = QUICK ? 20_000 : 100_000;
const DELIVERIES = QUICK ? 2_000 : 10_000;
const ROUNDS = QUICK ? 1 : 5;
const TOKEN = 'bench-startup-token';
const CLI = fileURLToPath(new URL('../dist/host/cli.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results-startup.json', import.meta.url));
const LOTS = { maxAgeMs: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

/** One real capture, made by the receiver, to copy: every field as the product writes it. */
async function templateCapture(): Promise<{ rec: CaptureRecord; meta: Record<string, unknown> }> {
  const tmp = tempDir('hookscope-bench-template-');
  try {
    const host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
    const health = (await host.engine.call('health', {}, { transport: 'cli', actor: 'bench' })) as {
      receiverUrl: string;
    };
    const res = await fetch(`${health.receiverUrl}/hooks/instafill?src=bench`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-instafill-event': 'form.completed' },
      body: JSON.stringify({
        event: 'form.completed',
        event_id: 'evt_template',
        data: { pad: 'x'.repeat(300) },
      }),
    });
    if (res.status !== 200) throw new Error(`template capture got ${res.status}`);
    await host.stop();
    const dir = join(tmp.dir, 'records', 'captures');
    const seg = readdirSync(dir).find((f) => f.startsWith('seg-'))!;
    const line = JSON.parse(readFileSync(join(dir, seg), 'utf8').split('\n')[0]!);
    return { rec: line.rec as CaptureRecord, meta: line.meta as Record<string, unknown> };
  } finally {
    tmp.remove();
  }
}

async function fill(dataDir: string): Promise<number> {
  const started = performance.now();
  const { rec, meta } = await templateCapture();
  const captures = await RecordStore.open<CaptureRecord>({
    dir: join(dataDir, 'records', 'captures'),
    retention: LOTS,
  });
  const t0 = Date.now() - CAPTURES * 10;
  for (let i = 0; i < CAPTURES; i++) {
    const at = t0 + i * 10;
    const id = `cap_${at.toString(36)}_${i.toString(16).padStart(12, '0')}`;
    captures.put({ ...rec, id, receivedAt: new Date(at).toISOString() }, meta as never, at);
    if (i % 5_000 === 4_999) await captures.flush();
  }
  await captures.close();
  const log = await DeliveryLog.open({
    deliveriesDir: join(dataDir, 'records', 'deliveries'),
    attemptsDir: join(dataDir, 'records', 'attempts'),
    retention: LOTS,
    now: Date.now,
    onIssue: () => undefined,
    issueRoot: dataDir,
  });
  const at = new Date().toISOString();
  for (let i = 0; i < DELIVERIES; i++) {
    // Finished deliveries: pending ones would be sent at start-up, and this bench measures start-up only.
    log.put(benchDelivery(i, at, i % 10 === 0 ? 'failed' : 'succeeded', 'http://127.0.0.1:9/hooks'));
  }
  await log.close();
  return performance.now() - started;
}

/** Spawns the CLI, polls /api/health until 200; returns the time to that answer and the RSS then. */
async function startOnce(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--receiver-port', '0', '--data', dataDir],
    {
      env: { ...process.env, HOOKSCOPE_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.resume();
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  try {
    const deadline = Date.now() + 120_000;
    let origin: string | undefined;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`no health answer in 120 s; stdout: ${out}`);
      origin ??= /is running at (http:\/\/[^/#\s]+)/.exec(out)?.[1];
      if (origin) {
        const res = await fetch(`${origin}/api/health`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        }).catch(() => undefined);
        if (res?.status === 200) {
          await res.text();
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const empty = tempDir('hookscope-bench-empty-');
  const full = tempDir('hookscope-bench-full-');
  try {
    const fillMs = await fill(full.dir);
    console.log(`wrote ${CAPTURES} captures and ${DELIVERIES} deliveries in ${(fillMs / 1000).toFixed(1)} s`);
    const runs = {
      empty: [] as { ms: number; rssMb: number }[],
      full: [] as { ms: number; rssMb: number }[],
    };
    if (!QUICK) await startOnce(empty.dir); // warm the disk cache and the module cache
    for (let r = 0; r < ROUNDS; r++) {
      runs.empty.push(await startOnce(empty.dir));
      runs.full.push(await startOnce(full.dir));
    }
    const summary = (xs: { ms: number; rssMb: number }[]) => ({
      ms: Math.round(median(xs.map((x) => x.ms))),
      rssMb: Math.round(median(xs.map((x) => x.rssMb)) * 10) / 10,
    });
    const result = {
      benchmark: 'startup',
      date: new Date().toISOString(),
      quick: QUICK,
      captures: CAPTURES,
      deliveries: DELIVERIES,
      rounds: ROUNDS,
      empty: summary(runs.empty),
      full: summary(runs.full),
    };
    console.log(`\n${'data folder'.padEnd(40)}${'to health ms'.padStart(14)}${'RSS MB'.padStart(10)}`);
    console.log(
      `${'empty'.padEnd(40)}${String(result.empty.ms).padStart(14)}${String(result.empty.rssMb).padStart(10)}`,
    );
    console.log(
      `${`${CAPTURES} captures + ${DELIVERIES} deliveries`.padEnd(40)}${String(result.full.ms).padStart(14)}${String(result.full.rssMb).padStart(10)}`,
    );
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    empty.remove();
    full.remove();
  }
}

await main();
