/**
 * kill -9 the host while signed Instafill webhooks pour in; after a restart on the same data folder every
 * capture that got a 2xx is there, byte for byte. Senders are a bounded loop of concurrent keep-alive-free
 * requests on loopback; the kill lands in the middle of the stream.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultHost, signedInstafill, sleep, startFaultHost } from '../helpers/fault-host.js';
import { tempDir } from '../helpers/tmp.js';

const SENDERS = 16;
const LOAD_MS = 2_500;
const HOOK = '/hooks/instafill';

interface Acked {
  id: string;
  body: string;
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; id?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers, agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          id: res.headers['x-hookscope-capture'] as string | undefined,
        }),
      );
      res.on('error', () => resolve({ status: 0 }));
    });
    req.on('error', () => resolve({ status: 0 }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

describe('kill -9 under load', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('keeps every capture that was answered 2xx, byte-exact, across a kill -9 and restart', async () => {
    const tmp = tempDir('hookscope-fault-kill-');
    cleanups.push(tmp.remove);
    let host: FaultHost = await startFaultHost(tmp.dir);
    cleanups.push(() => host.kill());
    await host.api.createEndpoint({
      path: HOOK,
      verify: { scheme: 'instafill-hmac', secret: 'fault-instafill-secret' },
    });
    const url = `${host.receiverUrl}${HOOK}`;
    const acked: Acked[] = [];
    let sent = 0;
    let refused = 0;
    let stop = false;
    const started = Date.now();
    const sender = async (n: number) => {
      for (let i = 0; !stop && i < 100_000; i++) {
        const { body, headers } = signedInstafill(`evt_kill_${n}_${i}`);
        sent++;
        const res = await post(url, body, headers);
        if (res.status >= 200 && res.status < 300 && res.id) acked.push({ id: res.id, body });
        else refused++;
        if (res.status === 0) await sleep(5); // the host is gone: do not spin
      }
    };
    const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
    await sleep(LOAD_MS);
    const killedAt = Date.now();
    await host.kill();
    await sleep(200); // senders see refused connections for a moment
    stop = true;
    await Promise.all(senders);
    const ackedBeforeKill = acked.length;

    const restartAt = Date.now();
    host = await startFaultHost(tmp.dir);
    const restartMs = Date.now() - restartAt;
    const health = await host.api.health();
    expect(health.storeIssues.filter((i) => !/incomplete|tail/.test(i.reason))).toEqual([]);

    let found = 0;
    const missing: string[] = [];
    const differing: string[] = [];
    for (let i = 0; i < acked.length; i += 16) {
      await Promise.all(
        acked.slice(i, i + 16).map(async (a) => {
          const detail = await host.api.getCapture({ id: a.id }).catch(() => undefined);
          if (!detail) return void missing.push(a.id);
          found++;
          const bytes = Buffer.from(detail.body.base64, 'base64').toString('utf8');
          if (bytes !== a.body) differing.push(a.id);
        }),
      );
    }
    const figures = {
      senders: SENDERS,
      loadMs: killedAt - started,
      sent,
      acked: ackedBeforeKill,
      refusedOrCut: refused,
      found,
      missing: missing.length,
      differing: differing.length,
      restartMs,
      storeIssues: health.storeIssues.length,
    };
    console.log(`[faults] kill -9 under load: ${JSON.stringify(figures)}`);
    expect(ackedBeforeKill).toBeGreaterThan(100);
    expect(missing).toEqual([]);
    expect(differing).toEqual([]);
    expect(found).toBe(ackedBeforeKill);
  }, 60_000);
});
