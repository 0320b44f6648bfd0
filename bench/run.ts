/**
 * `npm run bench [-- --quick] [name…]`: runs every bench/*.bench.ts one after another (never in parallel:
 * they measure ratios against baselines on the same 2 cores), each writing its bench/results-<name>.json;
 * then collects those into ONE table — each figure beside its same-run baseline and the ratio — printed,
 * written to bench/results.json, and put into docs/performance.md between `<!-- bench:start -->` and
 * `<!-- bench:end -->` (the hand-written prose around the markers is kept).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const quick = flags.includes('--quick');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const started = Date.now();
const ran: { bench: string; ok: boolean; seconds: number }[] = [];
for (const file of files) {
  console.log(`\n=== ${file} ${flags.join(' ')}`);
  const t0 = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file), ...flags], {
    stdio: 'inherit',
  });
  const ok = result.status === 0;
  ran.push({ bench: file.replace('.bench.ts', ''), ok, seconds: (Date.now() - t0) / 1000 });
  if (!ok) console.error(`${file} failed (exit ${result.status ?? result.signal})`);
}

// ---- collect ----------------------------------------------------------------------------------------

interface Row {
  area: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  /** value ÷ baselineValue. */
  ratio?: number;
  /** Whether the results file was written by this run (older files are shown, marked stale). */
  fresh: boolean;
}

const rows: Row[] = [];
function load<T>(name: string): { data: T; fresh: boolean } | undefined {
  const file = join(dir, `results-${name}.json`);
  if (!existsSync(file)) return undefined;
  return { data: JSON.parse(readFileSync(file, 'utf8')) as T, fresh: statSync(file).mtimeMs >= started };
}
const add = (row: Omit<Row, 'ratio'> & { ratio?: number }) =>
  rows.push({
    ...row,
    ratio: row.ratio ?? (row.baselineValue ? row.value / row.baselineValue : undefined),
  });

interface ReceiverResults {
  connections: number;
  results: Record<string, { reqPerSec: number }>;
}
interface DispatcherResults {
  deliveries: { perSec: number; autocannonRps: number; connections: number };
  scheduler: { pending: number; p50Us: number; p99Us: number };
  restartScan: { pending: number; scanMs: number };
}
interface SigningResults {
  rows: {
    scheme: string;
    variant: string;
    op: string;
    bodyBytes: number;
    oursOpsPerSec: number;
    bareOpsPerSec: number;
  }[];
}
interface StoreResults {
  rows: { scenario: string; storePerSec: number; baselinePerSec: number }[];
}
interface UiResults {
  postToRow: { posts: number; p50Ms: number; p95Ms: number };
}
interface StartupResults {
  captures: number;
  deliveries: number;
  empty: { ms: number; rssMb: number };
  full: { ms: number; rssMb: number };
}

const receiver = load<ReceiverResults>('receiver');
if (receiver) {
  const r = receiver.data.results;
  const fig = `captures/s, verified + durable before 2xx (${receiver.data.connections} conns)`;
  if (r.hookscope && r.bare)
    add({
      area: 'receiver',
      figure: fig,
      value: r.hookscope.reqPerSec,
      unit: '/s',
      baseline: 'bare node:http',
      baselineValue: r.bare.reqPerSec,
      fresh: receiver.fresh,
    });
  if (r.hookscope && r.mockttp)
    add({
      area: 'receiver',
      figure: fig,
      value: r.hookscope.reqPerSec,
      unit: '/s',
      baseline: 'mockttp',
      baselineValue: r.mockttp.reqPerSec,
      fresh: receiver.fresh,
    });
}
const dispatcher = load<DispatcherResults>('dispatcher');
if (dispatcher) {
  const d = dispatcher.data;
  add({
    area: 'dispatcher',
    figure: `signed, logged deliveries/s (${d.deliveries.connections} in flight)`,
    value: d.deliveries.perSec,
    unit: '/s',
    baseline: 'autocannon, same endpoint',
    baselineValue: d.deliveries.autocannonRps,
    fresh: dispatcher.fresh,
  });
  add({
    area: 'scheduler',
    figure: `step with ${d.scheduler.pending.toLocaleString('en')} pending, p50`,
    value: d.scheduler.p50Us,
    unit: 'µs',
    fresh: dispatcher.fresh,
  });
  add({
    area: 'scheduler',
    figure: `step with ${d.scheduler.pending.toLocaleString('en')} pending, p99`,
    value: d.scheduler.p99Us,
    unit: 'µs',
    fresh: dispatcher.fresh,
  });
  add({
    area: 'scheduler',
    figure: `restart scan of ${d.restartScan.pending.toLocaleString('en')} pending`,
    value: d.restartScan.scanMs,
    unit: 'ms',
    fresh: dispatcher.fresh,
  });
}
const signing = load<SigningResults>('signing');
if (signing) {
  for (const s of signing.data.rows) {
    add({
      area: 'signing',
      figure: `${s.scheme} ${s.op} ops/s (${s.bodyBytes} B)`,
      value: s.oursOpsPerSec,
      unit: '/s',
      baseline: `node:crypto ${s.variant}`,
      baselineValue: s.bareOpsPerSec,
      fresh: signing.fresh,
    });
  }
}
const store = load<StoreResults>('record-store');
if (store) {
  for (const s of store.data.rows) {
    add({
      area: 'record store',
      figure: `${s.scenario} (records/s)`,
      value: s.storePerSec,
      unit: '/s',
      baseline: 'bare appendFile (+ fdatasync when the store syncs)',
      baselineValue: s.baselinePerSec,
      fresh: store.fresh,
    });
  }
}
const ui = load<UiResults>('ui-latency');
if (ui) {
  const p = ui.data.postToRow;
  add({
    area: 'ui',
    figure: `webhook POST → visible in the UI, p50 (${p.posts} posts)`,
    value: p.p50Ms,
    unit: 'ms',
    fresh: ui.fresh,
  });
  add({
    area: 'ui',
    figure: `webhook POST → visible in the UI, p95 (${p.posts} posts)`,
    value: p.p95Ms,
    unit: 'ms',
    fresh: ui.fresh,
  });
}
const startup = load<StartupResults>('startup');
if (startup) {
  const s = startup.data;
  const what = `${s.captures.toLocaleString('en')} captures + ${s.deliveries.toLocaleString('en')} deliveries on disk`;
  add({
    area: 'start-up',
    figure: `CLI spawn → first health answer, ${what}`,
    value: s.full.ms,
    unit: 'ms',
    baseline: 'empty data dir',
    baselineValue: s.empty.ms,
    fresh: startup.fresh,
  });
  add({
    area: 'start-up',
    figure: `RSS after start-up, ${what}`,
    value: s.full.rssMb,
    unit: 'MB',
    baseline: 'empty data dir',
    baselineValue: s.empty.rssMb,
    fresh: startup.fresh,
  });
}

// ---- print, write -----------------------------------------------------------------------------------

const num = (n: number | undefined) =>
  n === undefined ? '' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(n >= 10 ? 1 : 2);
const table = [
  '| area | figure | Hookscope | baseline (same run) | baseline | ratio |',
  '| --- | --- | --: | --- | --: | --: |',
  ...rows.map(
    (r) =>
      `| ${r.area} | ${r.figure}${r.fresh ? '' : ' *'} | ${num(r.value)} ${r.unit} | ${r.baseline ?? '—'} | ${r.baselineValue === undefined ? '—' : `${num(r.baselineValue)} ${r.unit}`} | ${r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`} |`,
  ),
].join('\n');
const seconds = (Date.now() - started) / 1000;
const older = rows.some((r) => !r.fresh)
  ? `\n\n\\* from an earlier run: that bench was not run this time, its bench/results-<name>.json is older.`
  : '';
const stamp = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${quick ? '`--quick`' : 'full run'}, ${seconds.toFixed(0)} s, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`;
console.log(
  `\n${table}\n\n${stamp}; ratio = Hookscope ÷ baseline (for rates above 1 is faster; for ms/MB above 1 is more).`,
);
writeFileSync(
  join(dir, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), quick, seconds, node: process.version, cpus: cpus().length, benches: ran, rows }, null, 2)}\n`,
);

const doc = join(dir, '..', 'docs', 'performance.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const generated = `${START}\n<!-- generated by \`npm run bench\` from bench/results.json; edits here are overwritten -->\n\n${stamp}. Ratio = Hookscope ÷ the baseline measured in the same run (for rates, above 1 is faster; for ms and MB, above 1 is more).\n\n${table}${older}\n${END}`;
let text = readFileSync(doc, 'utf8');
if (text.includes(START) && text.includes(END)) {
  text = text.slice(0, text.indexOf(START)) + generated + text.slice(text.indexOf(END) + END.length);
} else {
  const firstSection = text.indexOf('\n## ');
  const block = `\n## Figures\n\n${generated}\n`;
  text =
    firstSection === -1
      ? `${text}${block}`
      : `${text.slice(0, firstSection)}${block}${text.slice(firstSection)}`;
}
writeFileSync(doc, text);
process.exitCode = ran.some((r) => !r.ok) ? 1 : 0;
