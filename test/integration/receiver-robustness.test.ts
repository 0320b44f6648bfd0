/** Nothing a sender does may crash or wedge the receiver: malformed input, slow senders, resets, bad bytes. */
import { randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../electron/core/signing/forge/certificate.js';
import {
  captureIdOf,
  eventually,
  type ReceiverHarness,
  send,
  startReceiver,
} from '../helpers/receiver-harness.js';

const HEADERS_TIMEOUT_MS = 400;
const REQUEST_TIMEOUT_MS = 800;

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Writes `bytes`, then collects what the server answers until it closes (or `waitMs` passes). */
async function exchange(url: string, bytes: Buffer | string, waitMs = 3000): Promise<string> {
  const socket = await openSocket(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(bytes);
  });
}

describe('hostile and broken senders', () => {
  let rx: ReceiverHarness;
  const errors: unknown[] = [];
  beforeAll(async () => {
    rx = await startReceiver({
      timeouts: { headersMs: HEADERS_TIMEOUT_MS, requestMs: REQUEST_TIMEOUT_MS },
      onError: (err) => errors.push(err),
    });
    await rx.call('createEndpoint', { path: '/r' });
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    // Still serving after everything below.
    expect((await send(`${rx.url}/r`, { body: 'alive' })).status).toBe(200);
    await rx.close();
  });

  it.each([
    ['garbage instead of HTTP', randomBytes(300)],
    ['an unknown HTTP version', 'GET / HTTP/7.3\r\nHost: x\r\n\r\n'],
    ['a space in a header name', 'POST /r HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n'],
    ['a bare LF in a header value', 'POST /r HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n'],
    [
      'conflicting Content-Length and Transfer-Encoding',
      'POST /r HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    ['a broken chunk size', 'POST /r HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n'],
    ['headers over the size limit', `POST /r HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ])('answers %s with a 4xx or closes, and keeps serving', async (_name, bytes) => {
    const reply = await exchange(rx.url, bytes);
    expect(reply === '' || /^HTTP\/1\.1 4\d\d/.test(reply)).toBe(true);
    expect((await send(`${rx.url}/r`, { body: 'next' })).status).toBe(200);
  });

  it('captures header values and bodies that are not UTF-8, byte for byte', async () => {
    const body = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x00]);
    const head = Buffer.concat([
      Buffer.from('POST /r HTTP/1.1\r\nHost: x\r\nX-Bytes: '),
      Buffer.from([0xe9, 0xff, 0x80]),
      Buffer.from(`\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`),
    ]);
    const reply = await exchange(rx.url, Buffer.concat([head, body]));
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    const id = /x-hookscope-capture: (\S+)/.exec(reply)![1]!;
    const detail = await rx.call('getCapture', { id });
    expect(detail.rawHeaders).toContainEqual(['X-Bytes', '\u00e9\u00ff\u0080']);
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
    expect(detail.body.text).toBeUndefined();
  });

  it('cuts off a sender that trickles its headers (slowloris)', async () => {
    const socket = await openSocket(rx.url);
    const closed = new Promise<number>((resolve) => {
      const started = performance.now();
      socket.on('close', () => resolve(performance.now() - started));
      socket.on('error', () => undefined);
    });
    socket.write('POST /r HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    const after = await closed;
    clearInterval(drip);
    expect(after).toBeLessThan(HEADERS_TIMEOUT_MS * 6);
  });

  it('keeps what arrived of a body that stalls past the request timeout, with a note', async () => {
    const socket = await openSocket(rx.url);
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.resume(); // read the 408, so the server's close reaches us
    socket.write('POST /r HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"event_id":"stalled-1"');
    await closed;
    const capture = await eventually(
      async () => (await rx.call('listCaptures', { q: 'stalled-1' })).items[0],
    );
    const detail = await rx.call('getCapture', { id: capture.id });
    expect(detail.notes.join(' ')).toMatch(/before the body was complete/);
    expect(detail.body.text).toBe('{"event_id":"stalled-1"');
    expect(detail.status).toBe(0);
  });

  it('survives a sender that resets mid-body, and records the partial request', async () => {
    const socket = await openSocket(rx.url);
    socket.on('error', () => undefined);
    socket.write('POST /r HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"event_id":"reset-mid"');
    await new Promise((r) => setTimeout(r, 50));
    socket.resetAndDestroy();
    const capture = await eventually(
      async () => (await rx.call('listCaptures', { q: 'reset-mid' })).items[0],
    );
    expect((await rx.call('getCapture', { id: capture.id })).notes.join(' ')).toMatch(
      /closed the connection/,
    );
  });

  it('survives a sender that leaves while a delayed answer is pending', async () => {
    await rx.call('createEndpoint', { path: '/r/slow', response: { delayMs: 300 } });
    const socket = await openSocket(rx.url);
    socket.on('error', () => undefined);
    socket.write('POST /r/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 400));
  });

  it('takes a flood of concurrent connections that send nothing, then serves normally', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => openSocket(rx.url)));
    for (const s of sockets) s.on('error', () => undefined);
    expect((await send(`${rx.url}/r`, { body: 'through the flood' })).status).toBe(200);
    for (const s of sockets) s.destroy();
  });
});

describe('HTTPS', () => {
  it('serves HTTPS with the signing area certificate and captures as usual', async () => {
    const cert = await generateSelfSignedCertificate();
    const rx = await startReceiver({
      listen: { host: '127.0.0.1', port: 0, tls: { cert: cert.pem, key: cert.keyPem } },
    });
    try {
      expect(rx.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await new Promise<{ status: number; id: string }>((resolve, reject) => {
        const req = httpsRequest(
          `${rx.url}/secure`,
          { method: 'POST', ca: cert.pem, agent: false },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, id: String(res.headers['x-hookscope-capture']) }),
            );
          },
        );
        req.on('error', reject);
        req.end('{"event_id":"tls-1"}');
      });
      expect(answer.status).toBe(200);
      expect((await rx.call('getCapture', { id: answer.id })).body.text).toBe('{"event_id":"tls-1"}');
      // A reset over TLS (where no RST can be sent) still drops the connection without an error answer.
      await rx.call('createEndpoint', { path: '/tls-reset', response: { mode: 'reset' } });
      const dropped = await new Promise<string>((resolve) => {
        const req = httpsRequest(
          `${rx.url}/tls-reset`,
          { method: 'POST', ca: cert.pem, agent: false },
          (res) => resolve(`answered ${res.statusCode}`),
        );
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        req.end('{}');
      });
      expect(dropped).toMatch(/ECONNRESET|socket hang up/);
      // Plain HTTP on the HTTPS port is refused without harm.
      const plain = await exchange(
        rx.url.replace('https', 'http'),
        'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
        1000,
      );
      expect(plain).not.toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await rx.close();
    }
  });
});

describe('capture ids on answers', () => {
  it('are unique under concurrency', async () => {
    const rx = await startReceiver();
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => send(`${rx.url}/u`, { body: `${i}` })),
      );
      expect(new Set(answers.map(captureIdOf)).size).toBe(40);
    } finally {
      await rx.close();
    }
  });
});

describe('start-up', () => {
  it('says which flag to change when the receiver port is taken', async () => {
    const first = await startReceiver();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startReceiver({ listen: { host: '127.0.0.1', port } })).rejects.toThrow(
        /127\.0\.0\.1:\d+: the port is in use; pass --receiver-port/,
      );
    } finally {
      await first.close();
    }
  });
});
