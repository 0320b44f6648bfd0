/** Guards over real HTTP: dedupe by event id, IP allowlist (direct and tunnelled), rate limit, validation. */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIdOf, type ReceiverHarness, send, startReceiver } from '../helpers/receiver-harness.js';

describe('dedupe', () => {
  let rx: ReceiverHarness;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  beforeAll(async () => {
    rx = await startReceiver({ now: () => clock });
  });
  afterAll(() => rx.close());

  it('flags a repeated event_id, id or webhook-id within the window and answers as configured', async () => {
    await rx.call('createEndpoint', { path: '/d/plain' });
    await rx.call('createEndpoint', { path: '/d/conflict', guards: { dedupe: { status: 409 } } });
    const first = await send(`${rx.url}/d/plain`, { body: '{"event_id":"evt-1","event":"form.completed"}' });
    const again = await send(`${rx.url}/d/plain`, { body: '{"event":"form.completed","event_id":"evt-1"}' });
    expect(again.status).toBe(200);
    expect((await rx.call('getCapture', { id: captureIdOf(again) })).duplicateOf).toBe(captureIdOf(first));

    const instnt = await send(`${rx.url}/d/conflict`, {
      body: '{"id":"evt_fh238sh3","type":"document.submitted"}',
    });
    const instntAgain = await send(`${rx.url}/d/conflict`, {
      body: '{"id":"evt_fh238sh3","type":"document.submitted"}',
    });
    expect(instnt.status).toBe(200);
    expect(instntAgain.status).toBe(409);

    const sw = await send(`${rx.url}/d/plain`, {
      headers: [['webhook-id', 'msg_1']],
      body: '{"id":"other"}',
    });
    const swAgain = await send(`${rx.url}/d/plain`, {
      headers: [['webhook-id', 'msg_1']],
      body: '{"id":"different"}',
    });
    expect((await rx.call('getCapture', { id: captureIdOf(swAgain) })).duplicateOf).toBe(captureIdOf(sw));

    const dupes = await rx.call('listCaptures', { duplicate: 'true' });
    expect(dupes.items.map((c) => c.id).sort()).toEqual(
      [captureIdOf(again), captureIdOf(instntAgain), captureIdOf(swAgain)].sort(),
    );
  });

  it('forgets an event id after the window (24 h by default) and keeps endpoints apart', async () => {
    await rx.call('createEndpoint', { path: '/d/window' });
    await rx.call('createEndpoint', { path: '/d/other' });
    await send(`${rx.url}/d/window`, { body: '{"event_id":"win-1"}' });
    const elsewhere = await send(`${rx.url}/d/other`, { body: '{"event_id":"win-1"}' });
    expect((await rx.call('getCapture', { id: captureIdOf(elsewhere) })).duplicateOf).toBeUndefined();
    clock += 24 * 3600_000 + 1000;
    const later = await send(`${rx.url}/d/window`, { body: '{"event_id":"win-1"}' });
    expect((await rx.call('getCapture', { id: captureIdOf(later) })).duplicateOf).toBeUndefined();
  });

  it('can be switched off', async () => {
    await rx.call('createEndpoint', { path: '/d/off', guards: { dedupe: { enabled: false } } });
    await send(`${rx.url}/d/off`, { body: '{"event_id":"off-1"}' });
    const again = await send(`${rx.url}/d/off`, { body: '{"event_id":"off-1"}' });
    expect((await rx.call('getCapture', { id: captureIdOf(again) })).duplicateOf).toBeUndefined();
  });
});

describe('IP allowlist', () => {
  let rx: ReceiverHarness;
  let tunnelled = false;
  beforeAll(async () => {
    rx = await startReceiver({ isTunnel: (_socket: Socket) => tunnelled });
  });
  afterAll(() => rx.close());

  it('lets listed addresses in and refuses others with 403, keeping a capture without the body', async () => {
    await rx.call('createEndpoint', { path: '/ip/local', guards: { ipAllowlist: ['127.0.0.0/8'] } });
    await rx.call('createEndpoint', {
      path: '/ip/instafill',
      guards: { ipAllowlist: ['52.1.2.0/24', '54.3.4.0/24'] },
    });
    expect((await send(`${rx.url}/ip/local`, { body: 'ok' })).status).toBe(200);
    const refused = await send(`${rx.url}/ip/instafill`, { body: 'secret payload' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString()).error).toMatch(
      /127.0.0.1 is not on this endpoint's IP allowlist/,
    );
    const detail = await rx.call('getCapture', { id: captureIdOf(refused) });
    expect(detail).toMatchObject({ status: 403, response: { kind: 'rejected' } });
    expect(detail.body.omitted).toMatch(/refused with 403/);
  });

  it('judges tunnelled requests by the tunnel-added (right-most) X-Forwarded-For, and never trusts it directly', async () => {
    // Direct: a spoofed header changes nothing.
    const spoofed = await send(`${rx.url}/ip/instafill`, {
      headers: [['X-Forwarded-For', '52.1.2.3']],
      body: '',
    });
    expect(spoofed.status).toBe(403);
    tunnelled = true;
    try {
      const viaTunnel = await send(`${rx.url}/ip/instafill`, {
        headers: [['X-Forwarded-For', '10.9.9.9, 52.1.2.77']],
        body: '{}',
      });
      expect(viaTunnel.status).toBe(200);
      const detail = await rx.call('getCapture', { id: captureIdOf(viaTunnel) });
      expect(detail).toMatchObject({
        viaTunnel: true,
        clientAddress: '52.1.2.77',
        remoteAddress: '127.0.0.1',
      });
      // The sender's own entry (left) does not count: the right-most one is what the tunnel saw.
      const forged = await send(`${rx.url}/ip/instafill`, {
        headers: [['X-Forwarded-For', '52.1.2.3, 10.0.0.1']],
        body: '',
      });
      expect(forged.status).toBe(403);
    } finally {
      tunnelled = false;
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-minute limit, per source', async () => {
    let clock = Date.parse('2026-01-01T00:00:10Z');
    let tunnelled = false;
    const rx = await startReceiver({ now: () => clock, isTunnel: () => tunnelled });
    try {
      await rx.call('createEndpoint', { path: '/rl', guards: { rateLimitPerMinute: 3 } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await send(`${rx.url}/rl`, { body: `${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await send(`${rx.url}/rl`, { body: '' });
      expect(limited.headers['retry-after']).toBe('50');
      expect((await rx.call('getCapture', { id: captureIdOf(limited) })).response.reason).toMatch(
        /rate limit of 3/,
      );
      // Another source (through the tunnel) has its own budget.
      tunnelled = true;
      expect(
        (await send(`${rx.url}/rl`, { headers: [['X-Forwarded-For', '198.51.100.7']], body: '' })).status,
      ).toBe(200);
      tunnelled = false;
      clock += 60_000;
      expect((await send(`${rx.url}/rl`, { body: '' })).status).toBe(200);
    } finally {
      await rx.close();
    }
  });
});

describe('payload validation', () => {
  it('flags a payload the injected validator rejects, and answers 400 only when told to', async () => {
    const rx = await startReceiver({
      validator: ({ json }) => {
        const type = typeof json?.event === 'string' ? json.event : undefined;
        if (type !== 'form.completed')
          return { ok: false, problems: [`unknown event type "${String(type)}"`] };
        return json?.data
          ? { ok: true, eventType: type, problems: [] }
          : { ok: false, eventType: type, problems: ['data is required'] };
      },
    });
    try {
      const flag = await rx.call('createEndpoint', { path: '/v/flag', guards: { validatePayload: true } });
      await rx.call('createEndpoint', {
        path: '/v/reject',
        guards: { validatePayload: true, rejectInvalidPayload: true },
      });
      const good = await send(`${rx.url}/v/flag`, { body: '{"event":"form.completed","data":{}}' });
      expect((await rx.call('getCapture', { id: captureIdOf(good) })).validation).toEqual({
        ok: true,
        eventType: 'form.completed',
        problems: [],
      });
      const bad = await send(`${rx.url}/v/flag`, { body: '{"event":"form.exploded"}' });
      expect(bad.status).toBe(200);
      expect((await rx.call('getCapture', { id: captureIdOf(bad) })).validation).toMatchObject({
        ok: false,
        problems: ['unknown event type "form.exploded"'],
      });
      const refused = await send(`${rx.url}/v/reject`, { body: '{"event":"form.completed"}' });
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.body.toString()).error).toMatch(/data is required/);
      expect(flag.guards.validatePayload).toBe(true);
    } finally {
      await rx.close();
    }
  });
});
