/**
 * RecordStore write throughput against a bare baseline: the same NDJSON lines appended with
 * FileHandle.appendFile + fdatasync (the sync call the store itself uses), in the same run and directory
 * type. Run: node --import tsx bench/record-store.bench.ts [--quick]. Writes bench/results-record-store.json.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordStore } from '../electron/core/store/record-store.js';

interface Capture {
  id: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A typical small webhook: about 600 bytes per line once encoded. */
const BODY_BYTES = 400;
const BULK_RECORDS = 20_000;
const BATCH_SIZE = 100;
const BATCHED_RECORDS = 10_000;
const SERIAL_RECORDS = 300;
const CONCURRENT_RECORDS = 2_000;
/**
 * Rounds per scenario, alternating store and baseline; the median is reported and the first round only
 * warms up. fsync latency on a shared disk swings several-fold between runs, hence medians, not means.
 */
const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 2 : 5;
const RESULTS_FILE = new URL('./results-record-store.json', import.meta.url);
const results: {
  scenario: string;
  records: number;
  storePerSec: number;
  baselinePerSec: number;
  ratio: number;
}[] = [];
const LOTS = { maxAgeMs: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

const capture = (n: number): Capture => ({
  id: `cap_${n}`,
  method: 'POST',
  path: '/hooks/stripe',
  headers: { 'content-type': 'application/json', 'stripe-signature': `t=${n},v1=${'a'.repeat(64)}` },
  body: 'x'.repeat(BODY_BYTES),
});
const lineOf = (n: number, at: number) => `${JSON.stringify({ id: `cap_${n}`, at, rec: capture(n) })}\n`;

type Workload = (put: (n: number) => void, flush: () => Promise<void>) => Promise<void>;

const serial: Workload = async (put, flush) => {
  for (let n = 0; n < SERIAL_RECORDS; n++) {
    put(n);
    await flush();
  }
};

interface Scenario {
  name: string;
  records: number;
  /** Off for one row only: it shows the store's CPU overhead without the disk's noise. */
  fsync: boolean;
  /** Drives the store; the baseline gets the same calls with put = buffer a line, flush = append + sync. */
  run: Workload;
}

const scenarios: Scenario[] = [
  {
    name: `bulk: ${BULK_RECORDS} puts, one flush`,
    records: BULK_RECORDS,
    fsync: true,
    run: async (put, flush) => {
      for (let n = 0; n < BULK_RECORDS; n++) put(n);
      await flush();
    },
  },
  {
    name: `batches of ${BATCH_SIZE}, flush after each`,
    records: BATCHED_RECORDS,
    fsync: true,
    run: async (put, flush) => {
      for (let n = 0; n < BATCHED_RECORDS; n++) {
        put(n);
        if (n % BATCH_SIZE === BATCH_SIZE - 1) await flush();
      }
    },
  },
  {
    name: 'serial: put + await flush, one by one',
    records: SERIAL_RECORDS,
    fsync: true,
    run: serial,
  },
  {
    name: 'serial, fsync off in both (CPU overhead only)',
    records: SERIAL_RECORDS,
    fsync: false,
    run: serial,
  },
  {
    name: `concurrent: ${CONCURRENT_RECORDS} requests, each put + await flush`,
    records: CONCURRENT_RECORDS,
    fsync: true,
    run: async (put, flush) => {
      await Promise.all(
        Array.from({ length: CONCURRENT_RECORDS }, async (_, n) => {
          put(n);
          await flush();
        }),
      );
    },
  },
];

async function timeStore(dir: string, scenario: Scenario, fsync: boolean): Promise<number> {
  const store = await RecordStore.open<Capture>({ dir, retention: LOTS, fsync });
  const started = performance.now();
  await scenario.run(
    (n) => store.put(capture(n), { method: 'POST', status: 200 }),
    () => store.flush(),
  );
  const elapsed = performance.now() - started;
  await store.close();
  return elapsed;
}

/** The naive durable writer: every flush appends what was buffered and fdatasyncs, with no coalescing. */
async function timeBaseline(dir: string, scenario: Scenario, fsync: boolean): Promise<number> {
  const file = await open(join(dir, 'baseline.ndjson'), 'a', 0o600);
  const pending: string[] = [];
  const started = performance.now();
  await scenario.run(
    (n) => {
      pending.push(lineOf(n, Date.now()));
    },
    async () => {
      const lines = pending.splice(0);
      if (lines.length === 0) return;
      await file.appendFile(lines.join(''));
      if (fsync) await file.datasync();
    },
  );
  const elapsed = performance.now() - started;
  await file.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (records: number, ms: number) => Math.round((records / ms) * 1000);
const pad = (text: string | number, width: number) => String(text).padStart(width);

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'hookscope-bench-'));
  console.log(
    `RecordStore vs appendFile+fdatasync, ${lineOf(0, Date.now()).length} bytes/line, dir ${root}\n`,
  );
  console.log(
    `${'scenario'.padEnd(52)}${pad('store rec/s', 13)}${pad('baseline rec/s', 16)}${pad('ratio', 8)}`,
  );
  try {
    for (const [i, scenario] of scenarios.entries()) {
      const stores: number[] = [];
      const baselines: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const base = await timeBaseline(await mkdtemp(join(root, `base-${i}-`)), scenario, scenario.fsync);
        const store = await timeStore(await mkdtemp(join(root, `store-${i}-`)), scenario, scenario.fsync);
        if (round === 0) continue;
        baselines.push(base);
        stores.push(store);
      }
      const store = median(stores);
      const baseline = median(baselines);
      const ratio = baseline / store;
      results.push({
        scenario: scenario.name,
        records: scenario.records,
        storePerSec: rate(scenario.records, store),
        baselinePerSec: rate(scenario.records, baseline),
        ratio,
      });
      console.log(
        `${scenario.name.padEnd(52)}${pad(rate(scenario.records, store), 13)}` +
          `${pad(rate(scenario.records, baseline), 16)}${pad(`${ratio.toFixed(2)}x`, 8)}` +
          `   (${store.toFixed(0)} ms vs ${baseline.toFixed(0)} ms)`,
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.log('\nratio = store throughput / baseline throughput (above 1: the store is faster).');
  console.log(
    'The baseline only appends: no index, no segments, no group commit between concurrent callers.',
  );
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ benchmark: 'record-store', date: new Date().toISOString(), quick: QUICK, rows: results }, null, 2)}\n`,
  );
}

await main();
