/**
 * An endpoint that flaps (200/500), hangs past the timeout, resets connections and answers 429 with
 * Retry-After, plus one that answers 410, all under a burst of events on a manual clock. The dispatcher keeps
 * its promises: every delivery ends succeeded, failed (after its whole retry policy) or canceled (410
 * disabled its subscription); the endpoint never sees two attempts of one delivery at once; the number of
 * requests the endpoint saw per event matches the attempts the log recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type DispatcherHarness, startDispatcher } from '../helpers/dispatcher-harness.js';
import { seeded } from '../helpers/fault-host.js';
import { tempDir } from '../helpers/tmp.js';

const EVENTS = 60;
const RETRIES = [1, 1, 1];

type Behaviour = 'ok' | 'error' | 'throttle' | 'reset' | 'hang';

async function flakyServer(seed: number) {
  const rng = seeded(seed);
  const inflight = new Map<string, number>();
  const seen = new Map<string, number>();
  const outcomes: Record<Behaviour | 'gone', number> = {
    ok: 0,
    error: 0,
    throttle: 0,
    reset: 0,
    hang: 0,
    gone: 0,
  };
  let maxInflight = 0;
  const hung = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = (JSON.parse(Buffer.concat(chunks).toString()) as { event_id: string }).event_id;
      const key = `${req.url} ${id}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const now = (inflight.get(key) ?? 0) + 1;
      inflight.set(key, now);
      maxInflight = Math.max(maxInflight, now);
      res.on('close', () => inflight.set(key, (inflight.get(key) ?? 1) - 1));
      if (req.url === '/gone') {
        outcomes.gone++;
        res.writeHead(410).end('gone');
        return;
      }
      const roll = rng.next();
      const b: Behaviour =
        roll < 0.4 ? 'ok' : roll < 0.55 ? 'error' : roll < 0.7 ? 'throttle' : roll < 0.85 ? 'reset' : 'hang';
      outcomes[b]++;
      if (b === 'ok') res.writeHead(200).end('ok');
      else if (b === 'error') res.writeHead(500).end('flap');
      else if (b === 'throttle') res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else if (b === 'reset') req.socket.destroy();
      else {
        hung.add(res);
        setTimeout(() => {
          hung.delete(res);
          res.destroy();
        }, 3_000).unref();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    outcomes,
    maxInflight: () => maxInflight,
    close: () =>
      new Promise<void>((r) => {
        for (const res of hung) res.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe('a flapping, hanging, resetting, throttling and gone endpoint', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('ends every delivery per its policy, disables on 410, never runs one delivery twice at once', async () => {
    const tmp = tempDir('hookscope-fault-flaky-');
    cleanups.push(tmp.remove);
    const server = await flakyServer(0x5eed);
    cleanups.push(() => server.close());
    const d: DispatcherHarness = await startDispatcher(tmp.dir);
    cleanups.push(() => d.close());
    await d.call('setClock', { mode: 'manual' });
    const flap = await d.call('createSubscription', {
      url: `${server.url}/flap`,
      events: ['form.completed'],
      timeoutMs: 1_000,
      retry: { preset: 'custom', delaysSec: RETRIES },
    });
    const gone = await d.call('createSubscription', {
      url: `${server.url}/gone`,
      events: ['form.completed'],
      retry: { preset: 'custom', delaysSec: RETRIES },
    });
    const started = Date.now();
    const fired = await Promise.all(
      Array.from({ length: EVENTS }, () => d.call('fireEvent', { type: 'form.completed' })),
    );
    const ids = fired.flatMap((f) => f.deliveries.map((x) => x.id));
    expect(ids).toHaveLength(EVENTS * 2);

    // Immediate attempts run on the frozen clock; then step through the retries (bounded).
    let steps = 0;
    for (; steps < 40; steps++) {
      await new Promise((r) => setTimeout(r, 50));
      const clock = await d.call('getClock');
      const inFlight = (await d.call('listDeliveries', { status: 'pending', limit: 200 })).items.filter(
        (x) => x.attemptCount === 0,
      );
      if (clock.pending === 0 && inFlight.length === 0) break;
      if (clock.pending > 0) await d.call('stepClock');
    }
    const tookMs = Date.now() - started;

    const byStatus: Record<string, number> = {};
    let mismatched = 0;
    for (const id of ids) {
      const delivery = await d.call('getDelivery', { id });
      byStatus[`${delivery.subscriptionId === gone.id ? 'gone' : 'flap'}:${delivery.status}`] =
        (byStatus[`${delivery.subscriptionId === gone.id ? 'gone' : 'flap'}:${delivery.status}`] ?? 0) + 1;
      const statuses = delivery.attempts.map((a) => a.response?.status ?? 0);
      if (delivery.subscriptionId === flap.id) {
        expect(['succeeded', 'failed']).toContain(delivery.status);
        if (delivery.status === 'succeeded') {
          expect(statuses.at(-1)).toBe(200);
          expect(delivery.attempts.length).toBeLessThanOrEqual(RETRIES.length + 1);
        } else {
          expect(delivery.attempts).toHaveLength(RETRIES.length + 1);
          expect(statuses.every((s) => s < 200 || s >= 300)).toBe(true);
        }
      } else {
        expect(['failed', 'canceled']).toContain(delivery.status);
        expect(statuses.every((s) => s === 410)).toBe(true);
      }
      const n =
        server.seen.get(`${delivery.subscriptionId === flap.id ? '/flap' : '/gone'} ${delivery.eventId}`) ??
        0;
      if (n !== delivery.attempts.length) mismatched++;
    }
    const sub = await d.call('getSubscription', { id: gone.id });
    const figures = {
      events: EVENTS,
      deliveries: ids.length,
      steps,
      tookMs,
      served: server.outcomes,
      byStatus,
      maxInflightPerDelivery: server.maxInflight(),
      requestsNotMatchingAttempts: mismatched,
    };
    console.log(`[faults] flaky endpoint: ${JSON.stringify(figures)}`);
    expect(steps).toBeLessThan(40);
    expect(sub.enabled).toBe(false);
    expect(sub.disabledReason).toMatch(/410/);
    expect(server.maxInflight()).toBe(1);
    expect(mismatched).toBe(0);
    expect(server.outcomes.hang + server.outcomes.reset + server.outcomes.throttle).toBeGreaterThan(10);
  }, 90_000);
});
