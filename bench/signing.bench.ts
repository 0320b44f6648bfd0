/**
 * Signing throughput: each scheme's sign and verify (through the same entry points the engine uses) against
 * bare node:crypto doing the same primitive, in the same run, interleaved so machine load hits both alike.
 * Run: node --import tsx bench/signing.bench.ts [--quick]. Writes bench/results-signing.json.
 */
import {
  createHash,
  createHmac,
  generateKeyPairSync,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { objectKey, type SigningKey, secretKey } from '../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../electron/core/signing/verify.js';
import type { SchemeId } from '../shared/contract/signing.js';

const QUICK = process.argv.includes('--quick');
/** Per side (ours / bare) and row, split over interleaved rounds. */
const MEASURE_MS = QUICK ? 90 : 360;
const ROUNDS = QUICK ? 3 : 7;
const WARMUP_MS = QUICK ? 20 : 60;
const BODY_SIZES = QUICK ? [1024] : [1024, 64 * 1024];
const RESULTS_FILE = fileURLToPath(new URL('./results-signing.json', import.meta.url));

function jsonBody(size: number): Buffer {
  const head = '{"event":"form.completed","timestamp":"2024-02-16T10:30:00Z","created":';
  const created = Math.floor(Date.now() / 1000);
  const prefix = `${head}${created},"data":{"note":"`;
  return Buffer.from(`${prefix}${'x'.repeat(Math.max(0, size - prefix.length - 3))}"}}`);
}

/** ops/s of `fn` over `ms` of wall time. */
function opsPerSec(fn: () => unknown, ms: number): { ops: number; elapsed: number } {
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(ms * 1_000_000));
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 8; i++) fn();
    ops += 8;
    now = process.hrtime.bigint();
  }
  return { ops, elapsed: Number(now - start) / 1e9 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Interleaved rounds of ours and bare; the ratio is the median of the per-round ratios, so a burst of load
 * from other processes during one round does not decide it.
 */
function compare(ours: () => unknown, bare: () => unknown): { ours: number; bare: number; ratio: number } {
  opsPerSec(ours, WARMUP_MS);
  opsPerSec(bare, WARMUP_MS);
  const total = { ours: { ops: 0, elapsed: 0 }, bare: { ops: 0, elapsed: 0 } };
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const o = opsPerSec(ours, MEASURE_MS / ROUNDS);
    const b = opsPerSec(bare, MEASURE_MS / ROUNDS);
    ratios.push(o.ops / o.elapsed / (b.ops / b.elapsed));
    for (const [side, m] of [
      ['ours', o],
      ['bare', b],
    ] as const) {
      total[side].ops += m.ops;
      total[side].elapsed += m.elapsed;
    }
  }
  return {
    ours: total.ours.ops / total.ours.elapsed,
    bare: total.bare.ops / total.bare.elapsed,
    ratio: median(ratios),
  };
}

interface Row {
  scheme: SchemeId;
  variant: string;
  op: 'sign' | 'verify';
  bodyBytes: number;
  oursOpsPerSec: number;
  bareOpsPerSec: number;
  /** ours / bare, median over rounds: 1.00 = no overhead. */
  ratio: number;
}

const hmacHex = (key: string | Buffer, ...parts: (string | Buffer)[]) => {
  const mac = createHmac('sha256', key);
  for (const p of parts) mac.update(p);
  return mac.digest();
};
const equalHex = (expected: Buffer, hex: string) => {
  const presented = Buffer.from(hex, 'hex');
  return presented.length === expected.length && timingSafeEqual(expected, presented);
};

interface Case {
  scheme: SchemeId;
  variant: string;
  key: SigningKey;
  verifyKey: SigningKey;
  bareSign: (body: Buffer) => unknown;
  bareVerify: (body: Buffer, headers: Record<string, string>) => boolean;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const whsec = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const whsecBytes = Buffer.from(whsec.slice(6), 'base64');
const TS = String(Math.floor(Date.now() / 1000));
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const rsaSign = (body: Buffer, key: KeyObject) =>
  sign('sha256', createHash('sha256').update(body).digest(), key);

const CASES: Case[] = [
  {
    scheme: 'instafill-hmac',
    variant: 'HMAC-SHA256 hex',
    key: secretKey('s3cret'),
    verifyKey: secretKey('s3cret'),
    bareSign: (b) => `sha256=${hmacHex('s3cret', b).toString('hex')}`,
    bareVerify: (b, h) => equalHex(hmacHex('s3cret', b), (h['X-Instafill-Signature'] ?? '').slice(7)),
  },
  {
    scheme: 'github',
    variant: 'HMAC-SHA256 hex',
    key: secretKey('s3cret'),
    verifyKey: secretKey('s3cret'),
    bareSign: (b) => `sha256=${hmacHex('s3cret', b).toString('hex')}`,
    bareVerify: (b, h) => equalHex(hmacHex('s3cret', b), (h['X-Hub-Signature-256'] ?? '').slice(7)),
  },
  {
    scheme: 'stripe',
    variant: 'HMAC-SHA256 hex of t.body',
    key: secretKey('whsec_s3cret'),
    verifyKey: secretKey('whsec_s3cret'),
    bareSign: (b) => hmacHex('whsec_s3cret', `${TS}.`, b).toString('hex'),
    bareVerify: (b, h) => {
      const parts = Object.fromEntries(
        (h['Stripe-Signature'] ?? '').split(',').map((p) => p.split('=') as [string, string]),
      );
      return equalHex(hmacHex('whsec_s3cret', `${parts.t}.`, b), parts.v1 ?? '');
    },
  },
  {
    scheme: 'standard-webhooks',
    variant: 'v1 HMAC',
    key: secretKey(whsec),
    verifyKey: secretKey(whsec),
    bareSign: (b) => hmacHex(whsecBytes, `${ID}.${TS}.`, b).toString('base64'),
    bareVerify: (b, h) => {
      const expected = hmacHex(whsecBytes, `${h['webhook-id']}.${h['webhook-timestamp']}.`, b);
      const presented = Buffer.from((h['webhook-signature'] ?? '').slice(3), 'base64');
      return presented.length === expected.length && timingSafeEqual(expected, presented);
    },
  },
  {
    scheme: 'standard-webhooks',
    variant: 'v1a ed25519',
    key: objectKey(ed.privateKey),
    verifyKey: objectKey(ed.publicKey),
    bareSign: (b) =>
      sign(null, Buffer.concat([Buffer.from(`${ID}.${TS}.`), b]), ed.privateKey).toString('base64'),
    bareVerify: (b, h) =>
      verify(
        null,
        Buffer.concat([Buffer.from(`${h['webhook-id']}.${h['webhook-timestamp']}.`), b]),
        ed.publicKey,
        Buffer.from((h['webhook-signature'] ?? '').slice(4), 'base64'),
      ),
  },
  {
    scheme: 'instnt-rsa',
    variant: 'RSA-2048 PKCS#1 v1.5, SHA-256 twice',
    key: objectKey(rsa.privateKey),
    verifyKey: objectKey(rsa.publicKey),
    bareSign: (b) => rsaSign(b, rsa.privateKey).toString('base64'),
    bareVerify: (b, h) =>
      verify(
        'sha256',
        createHash('sha256').update(b).digest(),
        rsa.publicKey,
        Buffer.from(h['Instnt-Signature'] ?? '', 'base64'),
      ),
  },
];

function run(): Row[] {
  const rows: Row[] = [];
  for (const size of BODY_SIZES) {
    const body = jsonBody(size);
    for (const c of CASES) {
      const opts = { id: ID, timestamp: Number(TS), event: 'form.completed' };
      const headers = signWebhook(c.scheme, body, c.key, opts);
      if (!verifyWebhook(c.scheme, body, headers, c.verifyKey).valid || !c.bareVerify(body, headers)) {
        throw new Error(`${c.scheme} ${c.variant}: the benchmark's own signature does not verify`);
      }
      const s = compare(
        () => signWebhook(c.scheme, body, c.key, opts),
        () => c.bareSign(body),
      );
      const v = compare(
        () => verifyWebhook(c.scheme, body, headers, c.verifyKey),
        () => c.bareVerify(body, headers),
      );
      for (const [op, m] of [
        ['sign', s],
        ['verify', v],
      ] as const) {
        rows.push({
          scheme: c.scheme,
          variant: c.variant,
          op,
          bodyBytes: body.length,
          oursOpsPerSec: m.ours,
          bareOpsPerSec: m.bare,
          ratio: m.ratio,
        });
      }
    }
  }
  return rows;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const started = Date.now();
const rows = run();
const header = ['scheme', 'variant', 'op', 'body', 'hookscope ops/s', 'node:crypto ops/s', 'ratio'];
const table = rows.map((r) => [
  r.scheme,
  r.variant,
  r.op,
  `${r.bodyBytes} B`,
  fmt(r.oursOpsPerSec),
  fmt(r.bareOpsPerSec),
  r.ratio.toFixed(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
const elapsedSec = (Date.now() - started) / 1000;
console.log(
  `\n${rows.length} rows in ${elapsedSec.toFixed(1)} s${QUICK ? ' (quick)' : ''}; ratio = hookscope / bare node:crypto`,
);

writeFileSync(
  RESULTS_FILE,
  `${JSON.stringify(
    {
      benchmark: 'signing',
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cpus: cpus().length,
      quick: QUICK,
      measureMsPerSide: MEASURE_MS,
      elapsedSec,
      rows: rows.map((r) => ({
        ...r,
        oursOpsPerSec: Math.round(r.oursOpsPerSec),
        bareOpsPerSec: Math.round(r.bareOpsPerSec),
        ratio: Number(r.ratio.toFixed(3)),
      })),
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${RESULTS_FILE}`);
