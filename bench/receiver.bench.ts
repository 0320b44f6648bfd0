/**
 * Receiver throughput: signed Instafill webhooks per second through Hookscope's receiver (verified, captured
 * and fsynced before each 2xx) against a bare node:http server and mockttp, in the same run, each server in
 * its own child process and autocannon (programmatic, loopback) in this one. Every request carries a fresh
 * event_id and a valid signature, so nothing is a duplicate and every verification does the full HMAC.
 * Run: node --import tsx bench/receiver.bench.ts [--quick]. Writes bench/results-receiver.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { HOOK_PATH, SECRET, START, TARGETS, type Target } from './receiver-targets.js';

const QUICK = process.argv.includes('--quick');
const DURATION_SEC = QUICK ? 2 : 5;
/**
 * Rounds per target, interleaved (bare, mockttp, hookscope, bare, …) against servers started once, so load
 * from other processes on a shared machine hits all three alike; medians are reported.
 */
const ROUNDS = QUICK ? 1 : 6;
/**
 * Concurrent senders. A durable receiver is bound by fsync latency per group commit, so its rate grows with
 * concurrency while the in-memory servers' does not; 100 is a busy provider's retry storm, not a flood.
 */
const CONNECTIONS = Number(argValue('--connections') ?? 100);
/** Each server gets this much load before the measured rounds (JIT, first segment file, socket pools). */
const WARMUP_SEC = 1;
const STOP_GRACE_MS = 5000;
/** Signed requests built before the run (fresh event ids), so the load generator is not the bottleneck. */
const POOL = QUICK ? 15_000 : 100_000;
const RESULTS = fileURLToPath(new URL('./results-receiver.json', import.meta.url));

// ----------------------------------------------------------------------------------------- parent side
function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface Round {
  reqPerSec: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

interface Server {
  child: ChildProcess;
  url: string;
  stats: Promise<{ captured?: number; cpuUsPerRequest?: number }>;
}

function startChild(target: Target): Promise<{
  child: ChildProcess;
  url: string;
  stats: Promise<{ captured?: number; cpuUsPerRequest?: number }>;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', target],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const stats = new Promise<{ captured?: number; cpuUsPerRequest?: number }>((resolve) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /STATS (.*)\n/.exec(out);
      if (m?.[1]) resolve(JSON.parse(m[1]));
    });
    child.on('exit', () => resolve({}));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target} did not start`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /READY (\S+)\n/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stats });
      }
    });
    child.on('exit', (code) => reject(new Error(`${target} exited (${code}) before it was ready`)));
  });
}

type Signed = { body: string; headers: Record<string, string> };

function signedRequest(n: number): Signed {
  const body = JSON.stringify({
    event: 'form.completed',
    event_id: `evt_bench_${process.pid}_${n}`,
    timestamp: new Date().toISOString(),
    data: {
      session_id: 'sess_abc123',
      form_id: 'form_xyz789',
      form_name: 'Job Application Form',
      completed_by: 'applicant@example.com',
      filled_pdf_url: 'https://instafill.ai/download/sess_abc123.pdf',
      field_data: { applicant_name: 'John Smith', email: 'john@example.com', phone: '555-1234' },
    },
  });
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-instafill-event': 'form.completed',
      'x-instafill-signature': signature,
    },
  };
}

async function measure(server: Server, pool: Signed[], seconds = DURATION_SEC): Promise<Round> {
  let next = 0;
  const result = await autocannon({
    url: `${server.url}${HOOK_PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    // A pool this size is not used up in one round; if it were, repeats would be flagged duplicates (still 200).
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...pool[next++ % pool.length]! }) }],
  });
  return {
    reqPerSec: result.requests.total / (result.duration || seconds),
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** Stops a server and returns what it says it stored. */
async function stop(server: Server): Promise<{ captured?: number; cpuUsPerRequest?: number }> {
  server.child.kill('SIGTERM');
  const stats = await server.stats;
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  return stats;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? 0;
};

async function main(): Promise<void> {
  const rounds: Record<Target, Round[]> = { bare: [], mockttp: [], hookscope: [] };
  const servers = new Map<Target, Server>();
  let made = 0;
  let captured: number | undefined;
  const cpuUs: Partial<Record<Target, number>> = {};
  try {
    const started = await Promise.all(TARGETS.map((t) => startChild(t)));
    for (const [i, t] of TARGETS.entries()) servers.set(t, started[i]!);
    for (const target of TARGETS) {
      const pool = Array.from({ length: POOL / 4 }, () => signedRequest(++made));
      await measure(servers.get(target)!, pool, WARMUP_SEC);
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const target of TARGETS) {
        const pool = Array.from({ length: POOL }, () => signedRequest(++made));
        const round = await measure(servers.get(target)!, pool);
        rounds[target].push(round);
        process.stderr.write(
          `round ${r + 1}/${ROUNDS} ${target}: ${round.reqPerSec.toFixed(0)} req/s, ${round.total2xx} 2xx, ${round.non2xx} non-2xx, ${round.errors} errors\n`,
        );
      }
    }
  } finally {
    for (const [target, server] of servers) {
      const stats = await stop(server);
      if (target === 'hookscope') captured = stats.captured;
      if (stats.cpuUsPerRequest !== undefined) cpuUs[target] = stats.cpuUsPerRequest;
    }
  }
  const summary = Object.fromEntries(
    TARGETS.map((t) => {
      const rs = rounds[t];
      return [
        t,
        {
          reqPerSec: Math.round(median(rs.map((x) => x.reqPerSec))),
          p50Ms: median(rs.map((x) => x.p50Ms)),
          p99Ms: median(rs.map((x) => x.p99Ms)),
          non2xx: rs.reduce((s, x) => s + x.non2xx, 0),
          errors: rs.reduce((s, x) => s + x.errors, 0),
          cpuUsPerRequest: cpuUs[t],
          rounds: rs,
        },
      ];
    }),
  ) as Record<
    Target,
    {
      reqPerSec: number;
      p50Ms: number;
      p99Ms: number;
      non2xx: number;
      errors: number;
      cpuUsPerRequest?: number;
      rounds: Round[];
    }
  >;
  const hs = summary.hookscope.reqPerSec;
  const ratios = { vsBare: hs / summary.bare.reqPerSec, vsMockttp: hs / summary.mockttp.reqPerSec };
  // Requests cut off when a round ends may be captured without their answer being counted: hence ≥.
  const answered = rounds.hookscope.reduce((sum, r) => sum + r.total2xx, 0);
  const capturedOk = (captured ?? 0) >= answered;

  const rows = TARGETS.map((t) => {
    const s = summary[t];
    const ratio = t === 'hookscope' ? '1.00' : (hs / s.reqPerSec).toFixed(2);
    const cpu = s.cpuUsPerRequest === undefined ? '?' : String(s.cpuUsPerRequest);
    return `${t.padEnd(10)} ${String(s.reqPerSec).padStart(8)} ${s.p50Ms.toFixed(1).padStart(8)} ${s.p99Ms.toFixed(1).padStart(8)} ${cpu.padStart(9)} ${String(s.non2xx + s.errors).padStart(7)}   ${ratio}`;
  });
  console.log(
    `\nReceiver: signed Instafill webhooks, ${CONNECTIONS} connections, ${DURATION_SEC} s × ${ROUNDS} round(s), ${cpus().length} CPUs`,
  );
  // CPU µs per request is the server process's own CPU time divided by requests served: unlike req/s it
  // hardly moves when other processes compete for the machine.
  console.log('target        req/s   p50 ms   p99 ms  CPU µs/req  failed   hookscope ÷ this (req/s)');
  for (const row of rows) console.log(row);
  console.log(
    `hookscope: every 2xx verified and durable (captures stored = answers: ${capturedOk ? 'yes' : 'NO'}); ` +
      `${(ratios.vsMockttp * 100).toFixed(0)}% of mockttp, ${(ratios.vsBare * 100).toFixed(0)}% of bare node:http`,
  );
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        quick: QUICK,
        node: process.version,
        cpus: cpus().length,
        connections: CONNECTIONS,
        durationSec: DURATION_SEC,
        rounds: ROUNDS,
        results: summary,
        ratios,
        hookscopeCaptured: captured,
        hookscopeAnswered2xx: answered,
        hookscopeCapturedEveryAnswer: capturedOk,
      },
      null,
      2,
    )}\n`,
  );
}

// ------------------------------------------------------------------------------- entry: child or parent
const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) {
  const target = process.argv[serveAt + 1] as Target;
  const running = await START[target]();
  // CPU time from here on, so start-up (module loading, tsx) is not charged to the requests.
  const cpuAtReady = process.cpuUsage();
  process.stdout.write(`READY ${running.url}\n`);
  process.once('SIGTERM', async () => {
    // A server that cannot stop cleanly must still not outlive the benchmark.
    setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
    const { served, captured } = await running.stop();
    const cpu = process.cpuUsage(cpuAtReady);
    const cpuUsPerRequest = served > 0 ? Math.round((cpu.user + cpu.system) / served) : undefined;
    const stats = {
      ...(captured !== undefined && { captured }),
      ...(cpuUsPerRequest !== undefined && { cpuUsPerRequest }),
    };
    process.stdout.write(`STATS ${JSON.stringify(stats)}\n`, () => process.exit(0));
  });
} else {
  await main();
}
