/** Captures over real HTTP: exact bytes and headers, inbox, encodings, body limit, durability, listing. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../electron/core/receiver/captures/capture-record.js';
import type { Records } from '../../electron/core/receiver/captures/capture-store.js';
import {
  captureIdOf,
  eventually,
  type ReceiverHarness,
  send,
  startReceiver,
} from '../helpers/receiver-harness.js';
import { tempDir } from '../helpers/tmp.js';

/** Sends raw bytes on a socket and resolves with everything the server wrote back. */
function rawExchange(url: string, bytes: Buffer | string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => {
      chunks.push(c);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) socket.end();
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

describe('captures', () => {
  let rx: ReceiverHarness;
  let endpointId: string;

  beforeAll(async () => {
    rx = await startReceiver();
    endpointId = (await rx.call('createEndpoint', { path: '/hooks/main', name: 'Main' })).id;
  });
  afterAll(() => rx.close());

  it('keeps method, path, query, headers in order with duplicates, and binary bytes exactly', async () => {
    const body = Buffer.concat([randomBytes(3000), Buffer.from([0, 0xff, 0xfe, 0x0d, 0x0a])]);
    const sent = await send(`${rx.url}/hooks/main?b=2&a=1&a=3`, {
      method: 'PUT',
      headers: [
        ['X-Second', 'one'],
        ['x-first', 'two'],
        ['X-Second', 'three'],
        ['Content-Type', 'application/octet-stream'],
      ],
      body,
    });
    expect(sent.status).toBe(200);
    const detail = await rx.call('getCapture', { id: captureIdOf(sent) });
    expect(detail).toMatchObject({
      method: 'PUT',
      path: '/hooks/main',
      query: 'b=2&a=1&a=3',
      url: '/hooks/main?b=2&a=1&a=3',
    });
    expect(detail.endpoint).toBe(endpointId);
    expect(detail.endpointName).toBe('Main');
    const names = detail.rawHeaders.map(([n]) => n);
    expect(names.indexOf('X-Second')).toBeLessThan(names.indexOf('x-first'));
    expect(detail.rawHeaders.filter(([n]) => n === 'X-Second').map(([, v]) => v)).toEqual(['one', 'three']);
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
    expect(detail.body.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(detail.size).toBe(body.length);
    expect(detail.body.text).toBeUndefined();
    expect(detail.remoteAddress).toBe('127.0.0.1');
    expect(detail.viaTunnel).toBe(false);
    expect(detail.response).toMatchObject({ kind: 'respond', status: 200 });
  });

  it('stores a big body as a 0600 file beside the store and reads it back', async () => {
    const body = randomBytes(200_000);
    const sent = await send(`${rx.url}/hooks/main`, { body });
    const detail = await rx.call('getCapture', { id: captureIdOf(sent) });
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
    const file = join(rx.dir, 'records', 'capture-bodies', `${detail.id}.bin`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await rx.call('deleteCapture', { id: detail.id });
    expect(existsSync(file)).toBe(false);
    await expect(rx.call('getCapture', { id: detail.id })).rejects.toThrow(/does not exist/);
  });

  it('stores a gzip body raw and shows it decoded', async () => {
    const json = JSON.stringify({ event: 'form.completed', event_id: 'gz-1', data: { a: 'é' } });
    const gz = gzipSync(json);
    const sent = await send(`${rx.url}/hooks/main`, {
      headers: [
        ['Content-Encoding', 'gzip'],
        ['Content-Type', 'application/json'],
      ],
      body: gz,
    });
    const detail = await rx.call('getCapture', { id: captureIdOf(sent) });
    expect(Buffer.from(detail.body.base64, 'base64').equals(gz)).toBe(true);
    expect(detail.body).toMatchObject({ encoding: 'gzip', decodedSize: Buffer.byteLength(json), text: json });
    expect(detail).toMatchObject({ eventId: 'gz-1', eventType: 'form.completed' });
  });

  it('puts requests matching no endpoint in the inbox and announces every capture live', async () => {
    const sent = await send(`${rx.url}/nowhere/at/all`, { body: 'hello' });
    expect(sent.status).toBe(200);
    const id = captureIdOf(sent);
    const detail = await rx.call('getCapture', { id });
    expect(detail.endpoint).toBe('inbox');
    expect(rx.live.some((m) => m.event === 'capture' && m.data.id === id)).toBe(true);
    const inbox = await rx.call('listCaptures', { endpoint: 'inbox' });
    expect(inbox.items.map((c) => c.id)).toContain(id);
    expect(inbox.items.every((c) => c.endpoint === 'inbox')).toBe(true);
  });

  it("answers the tunnel's health probe with 204 and keeps it out of the inbox", async () => {
    const before = (await rx.call('listCaptures', { limit: 500 })).items.length;
    const probe = await send(`${rx.url}/.hookscope/tunnel-check/n0nce`, { method: 'GET' });
    expect(probe.status).toBe(204);
    expect(probe.headers['x-hookscope-capture']).toBeUndefined();
    expect((await rx.call('listCaptures', { limit: 500 })).items.length).toBe(before);
  });

  it('answers 413 to a body over the limit and still keeps its headers with a note', async () => {
    const small = await rx.call('createEndpoint', { path: '/hooks/small', guards: { maxBodyBytes: 1000 } });
    const declared = await send(`${rx.url}/hooks/small`, {
      headers: [['X-Probe', 'declared']],
      body: Buffer.alloc(5000, 1),
    });
    expect(declared.status).toBe(413);
    const d1 = await rx.call('getCapture', { id: captureIdOf(declared) });
    expect(d1.rawHeaders).toContainEqual(['X-Probe', 'declared']);
    expect(d1.size).toBe(5000);
    expect(d1.notes.join(' ')).toMatch(/over the limit of 1000 bytes/);
    expect(d1.body.omitted).toMatch(/over the limit/);
    expect(d1.body.base64).toBe('');

    // Chunked: no Content-Length, so the limit is found while reading.
    const chunked = await send(`${rx.url}/hooks/small`, {
      headers: [
        ['Transfer-Encoding', 'chunked'],
        ['X-Probe', 'chunked'],
      ],
      body: Buffer.alloc(4000, 2),
    });
    expect(chunked.status).toBe(413);
    const d2 = await rx.call('getCapture', { id: captureIdOf(chunked) });
    expect(d2.rawHeaders).toContainEqual(['X-Probe', 'chunked']);
    expect(d2.response.status).toBe(413);
    expect(small.guards.maxBodyBytes).toBe(1000);
  });

  it('lists with filters, text search in path, headers and body, and pages with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sent = await send(`${rx.url}/hooks/main?n=${i}`, {
        headers: [['X-Batch', `batch-${i % 2 === 0 ? 'even' : 'odd'}`]],
        body: JSON.stringify({ marker: `needle-${i}` }),
      });
      ids.push(captureIdOf(sent));
    }
    const byHeader = await rx.call('listCaptures', { q: 'BATCH-ODD' });
    expect(byHeader.items.map((c) => c.id).sort()).toEqual([ids[1], ids[3]].sort());
    const byBody = await rx.call('listCaptures', { q: 'needle-4' });
    expect(byBody.items.map((c) => c.id)).toEqual([ids[4]]);
    const byPath = await rx.call('listCaptures', { q: 'n=2' });
    expect(byPath.items.map((c) => c.id)).toEqual([ids[2]]);
    const byMethod = await rx.call('listCaptures', { method: 'put' });
    expect(byMethod.items.length).toBeGreaterThan(0);
    expect(byMethod.items.every((c) => c.method === 'PUT')).toBe(true);

    const first = await rx.call('listCaptures', { q: 'needle', limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const second = await rx.call('listCaptures', { q: 'needle', limit: 2, before: first.nextBefore });
    expect(second.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const third = await rx.call('listCaptures', { q: 'needle', limit: 2, before: second.nextBefore });
    expect(third.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(third.nextBefore).toBeUndefined();
  });

  it('refuses a raw request with an invalid header and keeps serving', async () => {
    const reply = await rawExchange(rx.url, 'POST /hooks/main HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect((await send(`${rx.url}/hooks/main`, { body: 'still here' })).status).toBe(200);
  });
});

describe('durable before 2xx', () => {
  it('answers only after the capture store flushed, and concurrent requests wait for it together', async () => {
    const FLUSH_DELAY_MS = 150;
    let inFlight = 0;
    let maxInFlight = 0;
    const putIds: string[] = [];
    /** Ids whose flush had completed: only these may have been answered. */
    const durable = new Set<string>();
    const wrap = (records: Records<CaptureRecord>): Records<CaptureRecord> => ({
      put: (record, meta, at) => {
        putIds.push(record.id);
        records.put(record, meta, at);
      },
      get: (id) => records.get(id),
      meta: (id) => records.meta(id),
      delete: (id) => records.delete(id),
      page: (q) => records.page(q),
      count: () => records.count(),
      applyRetention: () => records.applyRetention(),
      close: () => records.close(),
      flush: async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        const covered = [...putIds];
        await new Promise((r) => setTimeout(r, FLUSH_DELAY_MS));
        await records.flush();
        for (const id of covered) durable.add(id);
        inFlight--;
      },
    });
    const rx = await startReceiver({ wrapCaptureRecords: wrap });
    try {
      const started = performance.now();
      const one = await send(`${rx.url}/a`, { body: 'one' });
      expect(one.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(FLUSH_DELAY_MS - 5);
      expect(durable.has(captureIdOf(one))).toBe(true);

      const CONCURRENT = 20;
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          send(`${rx.url}/b`, { body: `n${i}` }).then((s) => ({
            s,
            durableAtAnswer: durable.has(captureIdOf(s)),
          })),
        ),
      );
      for (const { s, durableAtAnswer } of answers) {
        expect(s.status).toBe(200);
        expect(durableAtAnswer).toBe(true);
      }
      // Requests wait for the store together (it group-commits them), never one behind another.
      expect(maxInFlight).toBeGreaterThan(1);
    } finally {
      await rx.close();
    }
  });

  it('survives a restart: captures, bodies and the dedupe memory come back', async () => {
    const tmp = tempDir();
    try {
      let rx = await startReceiver({}, tmp.dir);
      await rx.call('createEndpoint', { path: '/hooks/keep' });
      const body = JSON.stringify({ event_id: 'persist-1', blob: 'x'.repeat(40_000) });
      const first = await send(`${rx.url}/hooks/keep`, { body });
      await rx.close();

      rx = await startReceiver({}, tmp.dir);
      const detail = await rx.call('getCapture', { id: captureIdOf(first) });
      expect(detail.body.text).toBe(body);
      const again = await send(`${rx.url}/hooks/keep`, { body });
      expect((await rx.call('getCapture', { id: captureIdOf(again) })).duplicateOf).toBe(captureIdOf(first));
      expect(readdirSync(join(tmp.dir, 'records', 'capture-bodies')).length).toBe(2);
      await rx.close();
    } finally {
      tmp.remove();
    }
  });
});

describe('live events', () => {
  it('sends endpoint changes and capture summaries', async () => {
    const rx = await startReceiver();
    try {
      const ep = await rx.call('createEndpoint', { path: '/live' });
      await rx.call('updateEndpoint', { id: ep.id, name: 'Renamed' });
      await rx.call('deleteEndpoint', { id: ep.id });
      const actions = rx.live
        .filter((m) => m.event === 'endpoint')
        .map((m) => (m.event === 'endpoint' ? m.data.action : ''));
      expect(actions).toEqual(['created', 'updated', 'deleted']);
      const sent = await send(`${rx.url}/live`, { body: '{}' });
      const summary = await eventually(() =>
        rx.live.find((m) => m.event === 'capture' && m.data.id === captureIdOf(sent)),
      );
      expect(summary.data).toMatchObject({ endpoint: 'inbox', method: 'POST', status: 200 });
    } finally {
      await rx.close();
    }
  });
});

describe('retention', () => {
  it('drops captures past the age limit together with their body files', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const rx = await startReceiver({ now: () => clock, retention: { maxAgeMs: 3600_000, maxCount: 1000 } });
    try {
      const old = await send(`${rx.url}/old`, { body: randomBytes(50_000) });
      clock += 2 * 3600_000;
      const fresh = await send(`${rx.url}/fresh`, { body: 'fresh' });
      expect(await rx.area.captures.applyRetention()).toBe(1);
      await expect(rx.call('getCapture', { id: captureIdOf(old) })).rejects.toThrow(/does not exist/);
      expect((await rx.call('getCapture', { id: captureIdOf(fresh) })).body.text).toBe('fresh');
      expect(readdirSync(join(rx.dir, 'records', 'capture-bodies'))).toEqual([]);
    } finally {
      await rx.close();
    }
  });
});
