/**
 * The receiver's generated bad inputs: raw request bytes (malformed and huge headers, bad framing, invalid
 * UTF-8, bodies over the limit, bad signatures, bad methods, the odd slow sender) built from the seeded RNG.
 */
import { signedInstafill } from '../fault-host.js';
import { crlf } from './raw-socket.js';
import type { Rng } from './recorder.js';

export { crlf, type RawAnswer, rawSend } from './raw-socket.js';

export interface ReceiverCase {
  kind: string;
  pieces: Buffer[];
  /** Pause between pieces, in ms (a slow sender). */
  pause?: number;
  /** The body the host must store byte for byte if it accepts the request. */
  body?: Buffer;
}

const KINDS = [
  'garbage',
  'header-name',
  'huge-header',
  'many-headers',
  'utf8-body',
  'latin1-header',
  'bad-length',
  'two-lengths',
  'bad-chunk',
  'over-limit',
  'bad-signature',
  'bad-method',
];

/** A POST head to `path` on `host` with the given further header lines. */
const post = (path: string, host: string, ...lines: string[]) =>
  crlf([`POST ${path} HTTP/1.1`, `Host: ${host}`, ...lines]);

/** One generated receiver input: its bytes, how to send them, and what a 2xx must have stored. */
export function receiverCase(rng: Rng, i: number, host: string): ReceiverCase {
  const kind = KINDS[i % KINDS.length]!;
  const path = `/fuzz/${i}`;
  switch (kind) {
    case 'garbage':
      return { kind, pieces: [Buffer.concat([rng.bytes(1 + rng.int(200)), Buffer.from('\r\n\r\n')])] };
    case 'header-name':
      return {
        kind,
        pieces: [
          post(
            path,
            host,
            `Bad${String.fromCharCode(rng.int(32))} Name: v`,
            'Content-Length: 0',
            'Connection: close',
          ),
        ],
      };
    case 'huge-header':
      return {
        kind,
        pieces: [
          post(
            path,
            host,
            `X-Huge: ${'h'.repeat(17_000 + rng.int(50_000))}`,
            'Content-Length: 0',
            'Connection: close',
          ),
        ],
      };
    case 'many-headers':
      return {
        kind,
        pieces: [
          post(
            path,
            host,
            ...Array.from({ length: 1500 + rng.int(1500) }, (_, n) => `X-H${n}: ${'v'.repeat(8)}`),
            'Content-Length: 0',
            'Connection: close',
          ),
        ],
      };
    case 'utf8-body': {
      // Invalid UTF-8 (lone continuation bytes, overlongs, surrogates) mixed with random bytes: valid HTTP.
      const body = Buffer.concat([
        Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xff, 0xfe]),
        rng.bytes(rng.int(300)),
      ]);
      const head = post(
        path,
        host,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Connection: close',
      );
      return { kind, body, pieces: [Buffer.concat([head, body])] };
    }
    case 'latin1-header': {
      const body = Buffer.from(`{"n":${i}}`);
      const value = Buffer.from(rng.bytes(20).map((b) => 0x80 | b)).toString('latin1');
      const head = post(path, host, `X-Odd: ${value}`, `Content-Length: ${body.length}`, 'Connection: close');
      return { kind, body, pause: i % 48 === 5 ? 150 : 0, pieces: [head, body] };
    }
    case 'bad-length': {
      const length = rng.pick(['abc', '-1', '1e3', '0x10', ' 12 3']);
      return { kind, pieces: [post(path, host, `Content-Length: ${length}`, 'Connection: close')] };
    }
    case 'two-lengths':
      return {
        kind,
        pieces: [post(path, host, 'Content-Length: 3', 'Content-Length: 5', 'Connection: close')],
      };
    case 'bad-chunk': {
      const head = post(path, host, 'Transfer-Encoding: chunked', 'Connection: close').subarray(0, -2);
      const size = rng.pick(['zz', '-5', 'ffffffffffffffffff', '3;\u0000']);
      return {
        kind,
        pieces: [Buffer.concat([head, Buffer.from(`\r\n${size}\r\nabc\r\n0\r\n\r\n`, 'latin1')])],
      };
    }
    case 'over-limit': {
      const body = rng.bytes(1024 + rng.int(8_000));
      const head = post('/limited', host, `Content-Length: ${body.length}`, 'Connection: close');
      return { kind, pieces: [Buffer.concat([head, body])] };
    }
    case 'bad-signature': {
      const { body } = signedInstafill(`evt_bad_${i}`);
      const sig = rng.pick([
        '',
        'sha256=',
        'sha256=zz',
        `sha256=${'0'.repeat(64)}`,
        'md5=abc',
        '\u00ff\u00fe',
      ]);
      const head = post(
        '/hooks/instafill',
        host,
        'Content-Type: application/json',
        `X-Instafill-Signature: ${sig}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
      );
      return { kind, body: Buffer.from(body), pieces: [Buffer.concat([head, Buffer.from(body)])] };
    }
    default: {
      const method = rng.pick(['G@T', 'PO ST', '', '\u0000', 'X'.repeat(300)]);
      return {
        kind,
        pieces: [crlf([`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close'])],
      };
    }
  }
}
