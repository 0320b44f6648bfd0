/** Replay (as received, edited, re-signed) and forward-to, against real local servers. */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureIdOf,
  eventually,
  type ReceiverHarness,
  send,
  startReceiver,
} from '../helpers/receiver-harness.js';

interface Seen {
  method: string;
  url: string;
  rawHeaders: [string, string][];
  body: Buffer;
}

/** A stand-in for the user's app: records what arrives, answers 201 with a small JSON body. */
async function startApp(): Promise<{
  url: string;
  seen: Seen[];
  close: () => Promise<void>;
  server: Server;
}> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders, body: Buffer.concat(chunks) });
      res.writeHead(201, { 'content-type': 'application/json', 'x-app': 'yes' });
      res.end('{"processed":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    server,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const SECRET = 'replay-secret';
const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('replay', () => {
  let rx: ReceiverHarness;
  let app: Awaited<ReturnType<typeof startApp>>;
  let keyId: string;
  const body = JSON.stringify({ event: 'form.completed', event_id: 'evt_replay', data: { n: 1 } });

  beforeAll(async () => {
    rx = await startReceiver();
    app = await startApp();
    keyId = rx.keys.importSecret(SECRET, 'replay key', 'instafill-hmac').id;
    await rx.call('createEndpoint', { path: '/in', verify: { scheme: 'instafill-hmac', keyId } });
    await rx.call('createEndpoint', {
      path: '/check',
      verify: { scheme: 'instafill-hmac', keyId },
      guards: { dedupe: { enabled: false } },
    });
  });
  afterAll(async () => {
    await app.close();
    await rx.close();
  });

  it('sends the original bytes and headers (order and duplicates kept) and records the answer', async () => {
    const binary = Buffer.concat([Buffer.from(body), randomBytes(64)]);
    const original = await send(`${rx.url}/in?x=1`, {
      headers: [
        ['X-Instafill-Signature', sign(binary)],
        ['X-Dup', 'a'],
        ['X-Dup', 'b'],
        ['Content-Type', 'application/octet-stream'],
      ],
      body: binary,
    });
    const replay = await rx.call('replayCapture', {
      id: captureIdOf(original),
      url: `${app.url}/hooks/app?y=2`,
    });
    expect(replay).toMatchObject({ mode: 'as-received', status: 201, responseText: '{"processed":true}' });
    expect(replay.responseHeaders).toContainEqual(['x-app', 'yes']);
    expect(replay.timing.totalMs).toBeGreaterThan(0);
    expect(replay.timing.firstByteMs).toBeDefined();
    const got = app.seen.at(-1)!;
    expect(got.body.equals(binary)).toBe(true);
    expect(got.url).toBe('/hooks/app?y=2');
    const names = got.rawHeaders.map(([n]) => n);
    expect(names.slice(0, 5)).toEqual(['Host', 'X-Instafill-Signature', 'X-Dup', 'X-Dup', 'Content-Type']);
    expect(got.rawHeaders.find(([n]) => n === 'Host')?.[1]).toBe(new URL(app.url).host);
    const detail = await rx.call('getCapture', { id: captureIdOf(original) });
    expect(detail.replays.map((r) => r.id)).toContain(replay.id);
  });

  it('keeps the signature intact: a replay to a verifying endpoint is valid', async () => {
    const original = await send(`${rx.url}/in`, { headers: [['X-Instafill-Signature', sign(body)]], body });
    const replay = await rx.call('replayCapture', { id: captureIdOf(original), url: `${rx.url}/check` });
    const landed = await rx.call('getCapture', {
      id: replay.responseHeaders!.find(([n]) => n === 'x-hookscope-capture')![1],
    });
    expect(landed.verdict).toBe('valid');
  });

  it('with an edited body the old signature fails; re-signed with a key it verifies again', async () => {
    const original = await send(`${rx.url}/in`, { headers: [['X-Instafill-Signature', sign(body)]], body });
    const edited = body.replace('"n":1', '"n":2');
    const unsigned = await rx.call('replayCapture', {
      id: captureIdOf(original),
      url: `${rx.url}/check`,
      body: edited,
    });
    expect(unsigned.mode).toBe('edited');
    const capId = (r: typeof unsigned) => r.responseHeaders!.find(([n]) => n === 'x-hookscope-capture')![1];
    expect((await rx.call('getCapture', { id: capId(unsigned) })).verdict).toBe('invalid');

    const resigned = await rx.call('replayCapture', {
      id: captureIdOf(original),
      url: `${rx.url}/check`,
      body: edited,
      resign: { scheme: 'instafill-hmac', keyId },
    });
    expect(resigned.resigned).toEqual({ scheme: 'instafill-hmac', keyId });
    const landed = await rx.call('getCapture', { id: capId(resigned) });
    expect(landed.verdict).toBe('valid');
    expect(landed.body.text).toBe(edited);
    expect(landed.rawHeaders.filter(([n]) => n.toLowerCase() === 'x-instafill-signature')).toHaveLength(1);
  });

  it('replaces the headers when given, and records a refused connection as an error', async () => {
    const original = await send(`${rx.url}/in`, { body });
    const replay = await rx.call('replayCapture', {
      id: captureIdOf(original),
      url: `${app.url}/h`,
      headers: [['X-Only', 'this']],
    });
    expect(app.seen.at(-1)!.rawHeaders.map(([n]) => n)).toEqual([
      'Host',
      'X-Only',
      'Content-Length',
      'Connection',
    ]);
    expect(replay.mode).toBe('edited');
    const dead = await rx.call('replayCapture', {
      id: captureIdOf(original),
      url: 'http://127.0.0.1:1/nothing',
    });
    expect(dead.error).toMatch(/connection refused/);
    expect(dead.status).toBeUndefined();
    await expect(rx.call('replayCapture', { id: 'cap_nope', url: app.url })).rejects.toThrow(
      /does not exist/,
    );
  });
});

describe('forward-to', () => {
  it('forwards the exact bytes to the local app after answering, and records its answer', async () => {
    const rx = await startReceiver();
    const app = await startApp();
    try {
      await rx.call('createEndpoint', { path: '/fwd', forwardTo: `${app.url}/webhooks` });
      const payload = Buffer.concat([Buffer.from('{"event_id":"fwd-1"}'), Buffer.from([0, 1, 2])]);
      const res = await send(`${rx.url}/fwd`, {
        headers: [
          ['X-Sig', 'abc'],
          ['X-Sig', 'def'],
        ],
        body: payload,
      });
      expect(res.status).toBe(200);
      const detail = await eventually(async () => {
        const d = await rx.call('getCapture', { id: captureIdOf(res) });
        return d.forward ? d : undefined;
      });
      expect(detail.forward).toMatchObject({
        url: `${app.url}/webhooks`,
        status: 201,
        responseText: '{"processed":true}',
      });
      expect(app.seen[0]!.body.equals(payload)).toBe(true);
      expect(app.seen[0]!.rawHeaders.filter(([n]) => n === 'X-Sig').map(([, v]) => v)).toEqual([
        'abc',
        'def',
      ]);
    } finally {
      await app.close();
      await rx.close();
    }
  });
});
