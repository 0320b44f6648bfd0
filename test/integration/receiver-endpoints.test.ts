/** Endpoints: CRUD with validation, persistence and audit; and every response behaviour over real HTTP. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  captureIdOf,
  eventually,
  type ReceiverHarness,
  send,
  startReceiver,
} from '../helpers/receiver-harness.js';
import { tempDir } from '../helpers/tmp.js';

describe('endpoint configuration', () => {
  let rx: ReceiverHarness;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  it('creates with defaults, edits, deletes, and audits each change', async () => {
    const ep = await rx.call('createEndpoint', { path: '/hooks/crud/', name: 'CRUD' });
    expect(ep).toMatchObject({
      path: '/hooks/crud',
      name: 'CRUD',
      response: { status: 200, mode: 'respond' },
    });
    expect(ep.guards).toMatchObject({
      dedupe: { enabled: true, windowSec: 86_400 },
      maxBodyBytes: 10 * 1024 * 1024,
    });
    const edited = await rx.call('updateEndpoint', {
      id: ep.id,
      response: { status: 202 },
      guards: { rateLimitPerMinute: 5, dedupe: { status: 409 } },
    });
    expect(edited.response.status).toBe(202);
    expect(edited.response.body).toBe('{"ok":true}');
    expect(edited.guards).toMatchObject({ rateLimitPerMinute: 5, dedupe: { enabled: true, status: 409 } });
    expect((await rx.call('listEndpoints')).map((e) => e.id)).toContain(ep.id);
    await rx.call('deleteEndpoint', { id: ep.id });
    await expect(rx.call('getEndpoint', { id: ep.id })).rejects.toThrow(/does not exist/);
    const audit = await rx.audit.page({ limit: 10 });
    expect(audit.items.map((a) => a.action).reverse()).toEqual([
      'endpoint.create',
      'endpoint.update',
      'endpoint.delete',
    ]);
    expect(audit.items.find((a) => a.action === 'endpoint.update')?.changes).toMatchObject({
      'response.status': { before: 200, after: 202 },
    });
  });

  it('refuses a taken path, a bad allowlist, a verify without key and an unknown key, saying why', async () => {
    await rx.call('createEndpoint', { path: '/hooks/taken' });
    await expect(rx.call('createEndpoint', { path: '/hooks/taken/' })).rejects.toThrow(/already used/);
    await expect(
      rx.call('createEndpoint', { path: '/x1', guards: { ipAllowlist: ['10.0.0.0/8', 'nope'] } }),
    ).rejects.toThrow(/"nope" is not an IP address or CIDR range/);
    await expect(
      rx.call('createEndpoint', { path: '/x2', verify: { scheme: 'instafill-hmac' } }),
    ).rejects.toThrow(/verify.keyId .* or verify.secret/);
    await expect(
      rx.call('createEndpoint', {
        path: '/x3',
        verify: { scheme: 'instafill-hmac', keyId: 'key_doesnotexist' },
      }),
    ).rejects.toThrow(/does not exist/);
    await expect(rx.call('createEndpoint', { path: 'no-slash' })).rejects.toThrow(/starts with \//);
    await expect(
      rx.call('createEndpoint', { path: '/x4', response: { headers: [['X-Evil', 'a\r\nSet-Cookie: b']] } }),
    ).rejects.toThrow(/CR, LF or NUL/);
  });

  it('never returns a verify secret, keeps it across edits, and audits it redacted', async () => {
    const ep = await rx.call('createEndpoint', {
      path: '/hooks/secret',
      verify: { scheme: 'instafill-hmac', secret: 's3cr3t' },
    });
    expect(ep.verify).toEqual({ scheme: 'instafill-hmac', hasSecret: true, rejectInvalid: false });
    const edited = await rx.call('updateEndpoint', {
      id: ep.id,
      verify: { scheme: 'instafill-hmac', rejectInvalid: true },
    });
    expect(edited.verify).toEqual({ scheme: 'instafill-hmac', hasSecret: true, rejectInvalid: true });
    const audit = await rx.audit.page({ limit: 20 });
    expect(JSON.stringify(audit.items)).not.toContain('s3cr3t');
  });

  it('persists endpoints across restarts', async () => {
    const tmp = tempDir();
    try {
      let one = await startReceiver({}, tmp.dir);
      const ep = await one.call('createEndpoint', { path: '/persisted', response: { status: 201 } });
      await one.close();
      one = await startReceiver({}, tmp.dir);
      expect(await one.call('getEndpoint', { id: ep.id })).toMatchObject({
        path: '/persisted',
        response: { status: 201 },
      });
      expect((await send(`${one.url}/persisted`, { body: '' })).status).toBe(201);
      await one.close();
    } finally {
      tmp.remove();
    }
  });
});

describe('response behaviours', () => {
  let rx: ReceiverHarness;
  let dice = 0;
  beforeAll(async () => {
    rx = await startReceiver({ random: () => dice });
  });
  afterAll(() => rx.close());

  it('answers with the configured status, headers, body and delay', async () => {
    await rx.call('createEndpoint', {
      path: '/b/custom',
      response: {
        status: 418,
        headers: [
          ['X-One', '1'],
          ['Content-Type', 'text/plain'],
        ],
        body: 'teapot',
        delayMs: 150,
      },
    });
    const started = performance.now();
    const res = await send(`${rx.url}/b/custom`, { body: 'x' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(418);
    expect(res.headers['x-one']).toBe('1');
    expect(res.body.toString()).toBe('teapot');
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.response).toMatchObject({ kind: 'respond', status: 418, body: 'teapot', delayMs: 150 });
  });

  it('fails the first N requests, then succeeds; an edit starts the count again', async () => {
    const ep = await rx.call('createEndpoint', {
      path: '/b/flaky',
      response: { failFirst: 2, failStatus: 503 },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(`${rx.url}/b/flaky`, { body: `${i}` })).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    await rx.call('updateEndpoint', { id: ep.id, response: { failFirst: 1 } });
    expect((await send(`${rx.url}/b/flaky`, { body: '' })).status).toBe(503);
    const failed = await rx.call('listCaptures', { endpoint: ep.id, limit: 10 });
    const reasons = (await Promise.all(failed.items.map((c) => rx.call('getCapture', { id: c.id })))).map(
      (d) => d.response.reason,
    );
    expect(reasons).toContain('fail first 2 (1 of 2)');
  });

  it('fails a share of requests at random', async () => {
    await rx.call('createEndpoint', { path: '/b/random', response: { failPercent: 30, failStatus: 500 } });
    dice = 0.1; // 10 < 30: fail
    expect((await send(`${rx.url}/b/random`, { body: '' })).status).toBe(500);
    dice = 0.5; // 50 ≥ 30: succeed
    expect((await send(`${rx.url}/b/random`, { body: '' })).status).toBe(200);
    dice = 0;
  });

  it('hangs until the sender gives up, and records how long it held on', async () => {
    await rx.call('createEndpoint', { path: '/b/hang', response: { mode: 'hang' } });
    const outcome = await new Promise<string>((resolve) => {
      const req = request(`${rx.url}/b/hang`, { method: 'POST', timeout: 300 }, () => resolve('answered'));
      req.on('timeout', () => {
        req.destroy();
        resolve('gave up');
      });
      req.on('error', () => undefined);
      req.end('{"event_id":"hang-1"}');
    });
    expect(outcome).toBe('gave up');
    const capture = await eventually(async () => {
      const page = await rx.call('listCaptures', { q: 'hang-1' });
      const detail = page.items[0] && (await rx.call('getCapture', { id: page.items[0].id }));
      return detail?.response.heldMs !== undefined ? detail : undefined;
    });
    expect(capture.response.kind).toBe('hang');
    // Held from the moment the capture was durable until the sender hung up: positive and bounded by the
    // sender's 300 ms idle timeout (plus scheduling slack); exact figures depend on the machine's load.
    expect(capture.response.heldMs).toBeGreaterThan(0);
    expect(capture.response.heldMs).toBeLessThan(5_000);
    expect(capture.status).toBe(0);
  });

  it('resets the connection, after the capture is stored', async () => {
    await rx.call('createEndpoint', { path: '/b/reset', response: { mode: 'reset' } });
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = request(`${rx.url}/b/reset`, { method: 'POST' }, () => undefined);
      req.on('error', resolve);
      req.end('{"event_id":"reset-1"}');
    });
    expect(error.code).toBe('ECONNRESET');
    const page = await rx.call('listCaptures', { q: 'reset-1' });
    expect(page.items).toHaveLength(1);
    expect((await rx.call('getCapture', { id: page.items[0]!.id })).response.kind).toBe('reset');
  });
});
