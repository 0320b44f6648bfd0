/**
 * The tunnel server goes away and comes back while the real host (built CLI) has its tunnel on: the state
 * is visible throughout (GET /api/tunnel and the live `tunnel` events), the tunnel is back online within
 * 5 s of the server's return with the same URL, and webhooks flow through it again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../shared/contract/index.js';
import { type FaultHost, sleep, startFaultHost } from '../helpers/fault-host.js';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { tempDir } from '../helpers/tmp.js';

describe('tunnel server outage', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('shows reconnecting while the server is away and is online again within 5 s of its return', async () => {
    const lt = await LocaltunnelTestServer.start();
    cleanups.push(() => lt.stop());
    const tmp = tempDir('hookscope-fault-tunnel-');
    cleanups.push(tmp.remove);
    const host: FaultHost = await startFaultHost(tmp.dir, [
      '--tunnel',
      '--tunnel-host',
      lt.url,
      '--subdomain',
      'fault-tunnel',
    ]);
    cleanups.push(() => host.kill());
    const live: LiveMessage[] = [];
    const sub = host.api.live((m) => live.push(m));
    cleanups.push(() => sub.close());

    const waitFor = async (state: string, timeoutMs: number) => {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const t = await host.api.getTunnel();
        if (t.state === state) return t;
        if (Date.now() > until)
          throw new Error(`tunnel not ${state} within ${timeoutMs} ms: ${JSON.stringify(t)}`);
        await sleep(50);
      }
    };
    const up = await waitFor('online', 10_000);
    const viaTunnel = await lt.publicRequest('fault-tunnel', '/through', { method: 'POST', body: 'one' });
    expect(viaTunnel.status).toBe(200);

    const polled: string[] = [];
    const liveMark = live.length;
    await lt.stop();
    const downAt = Date.now();
    await waitFor('reconnecting', 5_000);
    const detectMs = Date.now() - downAt;
    // Away for 4 s (the reconnect backoff reaches its cap); the state is readable the whole time.
    while (Date.now() - downAt < 4_000) {
      polled.push((await host.api.getTunnel()).state);
      await sleep(200);
    }
    expect(new Set(polled)).toEqual(new Set(['reconnecting']));
    expect((await host.api.health()).tunnel.state).toBe('reconnecting');

    const backAt = Date.now();
    await lt.restart();
    const again = await waitFor('online', 5_000);
    const reconnectMs = Date.now() - backAt;
    expect(reconnectMs).toBeLessThan(5_000);
    expect(again.url).toBe(up.url);
    const after = await lt.publicRequest('fault-tunnel', '/through', { method: 'POST', body: 'two' });
    expect(after.status).toBe(200);

    await sleep(100);
    const seen = live
      .slice(liveMark)
      .filter((m) => m.event === 'tunnel')
      .map((m) => (m.data as { state: string }).state)
      .filter((s, i, all) => s !== all[i - 1]);
    console.log(
      `[faults] tunnel outage: ${JSON.stringify({ detectMs, downMs: backAt - downAt, reconnectMs, liveStates: seen, polls: polled.length })}`,
    );
    expect(seen[0]).toBe('reconnecting');
    expect(seen.at(-1)).toBe('online');
  }, 60_000);
});
