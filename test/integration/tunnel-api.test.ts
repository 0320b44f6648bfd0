/**
 * The tunnel through the headless host's control API, over real HTTP: GET/PUT /api/tunnel, validation,
 * live `tunnel` events over SSE, the audit trail, settings that survive a restart, and a request through
 * the tunnel landing in the real receiver as a via-tunnel capture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { createHttpClient, type HttpApi } from '../../shared/client/http-client.js';
import type { TunnelState } from '../../shared/contract/tunnel.js';
import { ApiError } from '../../shared/errors.js';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'tunnel-api-token-0001';

async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('tunnel API on the headless host', () => {
  const tmp = tempDir();
  let lt: LocaltunnelTestServer;
  let host: RunningHost;
  let api: HttpApi;

  const start = async () => {
    host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
    api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
  };

  beforeAll(async () => {
    lt = await LocaltunnelTestServer.start();
    await start();
  });
  afterAll(async () => {
    await host.stop();
    await lt.stop();
    tmp.remove();
  });

  it('starts off, on the public server by default', async () => {
    const state = await api.getTunnel();
    expect(state).toMatchObject({ state: 'off', host: 'https://localtunnel.me' });
    expect(state.url).toBeUndefined();
  });

  it.each([
    [
      { enabled: true, host: 'ftp://lt.example.com' },
      /host: the tunnel host must be an http:\/\/ or https:\/\/ URL/,
    ],
    [
      { enabled: true, host: 'localtunnel.me' },
      /host: the tunnel host must be an http:\/\/ or https:\/\/ URL/,
    ],
    [{ enabled: true, host: 'https://user:pw@lt.example.com' }, /must not contain a user name/],
    [{ enabled: true, subdomain: 'Not_Valid' }, /subdomain: .*4-63 lowercase letters/],
    [{ enabled: true, subdomain: 'abc' }, /subdomain/],
    [{ enabled: 'yes' }, /enabled/],
    [{ host: 'https://lt.example.com' }, /enabled/],
    [{ enabled: true, port: 4801 }, /port|unrecognized/i],
  ])('refuses %j with 422 and says why', async (params, message) => {
    const err = await api.updateTunnel(params as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).httpStatus).toBe(422);
    expect((err as ApiError).message).toMatch(message);
    expect((await api.getTunnel()).state).toBe('off');
  });

  it('connects on PUT, streams connecting → online over SSE, and carries requests to the receiver', async () => {
    const events: TunnelState[] = [];
    const live = api.live((m) => {
      if (m.event === 'tunnel') events.push(m.data);
    });
    try {
      await new Promise((r) => setTimeout(r, 200)); // let the SSE stream open
      const put = await api.updateTunnel({ enabled: true, host: `${lt.url}/`, subdomain: 'hookscope-api' });
      expect(put).toMatchObject({ state: 'connecting', host: lt.url, subdomain: 'hookscope-api' });
      const online = await until(() => events.find((e) => e.state === 'online'));
      expect(online.url).toBe(`http://hookscope-api.localhost:${lt.port}`);
      expect(events.map((e) => e.state).filter((s, i, all) => s !== all[i - 1])).toEqual([
        'connecting',
        'online',
      ]);
      expect(await api.getTunnel()).toMatchObject({ state: 'online', url: online.url });

      const res = await lt.publicRequest('hookscope-api', '/through-the-tunnel', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'webhook-sender/1.0' },
        body: '{"event_id":"evt_tunnel_1"}',
      });
      expect(res.status).toBeLessThan(500);
      const capture = await until(async () =>
        (await api.listCaptures({})).items.find((c) => c.path === '/through-the-tunnel'),
      );
      expect(capture.viaTunnel).toBe(true);
      expect(capture.remoteAddress).toBe('127.0.0.1');
    } finally {
      live.close();
    }
  });

  it('audits the change with who made it', async () => {
    const audit = await api.listAudit({});
    const entry = audit.items.find((e) => e.action === 'tunnel.update');
    expect(entry).toMatchObject({ target: 'tunnel', actor: expect.stringMatching(/^api 127\.0\.0\.1/) });
    expect(entry?.changes?.enabled).toEqual({ before: false, after: true });
  });

  it('keeps the settings across a restart and reconnects to the same URL', async () => {
    await host.stop();
    await start();
    const online = await until(async () => {
      const s = await api.getTunnel();
      return s.state === 'online' && s;
    });
    expect(online).toMatchObject({
      host: lt.url,
      subdomain: 'hookscope-api',
      url: `http://hookscope-api.localhost:${lt.port}`,
    });
  });

  it('turns off on PUT {enabled: false} and keeps host and subdomain for next time', async () => {
    const off = await api.updateTunnel({ enabled: false });
    expect(off).toMatchObject({ state: 'off', host: lt.url, subdomain: 'hookscope-api' });
    expect(off.url).toBeUndefined();
    const cleared = await api.updateTunnel({ enabled: false, subdomain: '' });
    expect(cleared.subdomain).toBeUndefined();
  });
});
