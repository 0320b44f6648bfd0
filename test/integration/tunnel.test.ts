/**
 * The tunnel manager against a localtunnel-protocol server on loopback (test/helpers/localtunnel-server.ts):
 * online with a URL, requests through to the receiver with the via-tunnel mark, health checks, the server
 * going away and coming back, a silently dropped tunnel, disable, and hosts that cannot work.
 */
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TunnelManager } from '../../electron/core/tunnel/tunnel-manager.js';
import type { TunnelTiming } from '../../electron/core/tunnel/tunnel-timing.js';
import { TUNNEL_CHECK_PATH_PREFIX, type TunnelState } from '../../shared/contract/tunnel.js';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { rawRequest } from '../helpers/raw-http.js';

/** Quick checks so tests see them; reconnect backoff stays the product's (the 5 s promise is about it). */
const FAST: Partial<TunnelTiming> = { checkIntervalMs: 200, checkTimeoutMs: 2_000, registerTimeoutMs: 3_000 };

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  viaTunnel: boolean;
}

/** A stand-in for the receiver: records requests and whether each came through the tunnel. */
async function startReceiver(isTunnel: (req: IncomingMessage) => boolean) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith(TUNNEL_CHECK_PATH_PREFIX)) return void res.writeHead(204).end();
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        viaTunnel: isTunnel(req),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('received');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    seen,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function until<T>(
  probe: () => T | undefined | false,
  timeoutMs = 8_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tunnel manager', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(serverOptions = {}, timing: Partial<TunnelTiming> = FAST) {
    const lt = await LocaltunnelTestServer.start(serverOptions);
    cleanups.push(() => lt.stop());
    const states: TunnelState[] = [];
    let manager: TunnelManager | undefined;
    const receiver = await startReceiver((req) => manager?.isTunnelConnection(req.socket) ?? false);
    cleanups.push(() => receiver.close());
    manager = new TunnelManager({
      receiver: () => ({ host: '127.0.0.1', port: receiver.port }),
      onChange: (s) => states.push(s),
      timing,
    });
    const m = manager;
    cleanups.push(() => m.close());
    const online = (after = 0) =>
      until(() => states.slice(after).find((s) => s.state === 'online'), 8_000, 'online');
    return { lt, states, receiver, manager: m, online };
  }

  it('goes connecting → online with a public URL from the server', async () => {
    const { lt, states, manager, online } = await setup();
    const first = manager.configure({ enabled: true, host: lt.url });
    expect(first.state).toBe('connecting');
    const up = await online();
    expect(up.url).toMatch(new RegExp(`^http://lt-[0-9a-f]{8}\\.localhost:${lt.port}$`));
    expect(up.host).toBe(lt.url);
    expect(states.map((s) => s.state).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'connecting',
      'online',
    ]);
    expect(lt.socketCount(lt.clientIds()[0]!)).toBeGreaterThan(0);
  });

  it('carries a request to the receiver byte for byte, marked as tunnelled; direct requests are not', async () => {
    const { lt, receiver, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const body = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x00, 0x0d, 0x0a, 0x7d]);
    const res = await lt.publicRequest(id, '/hooks/orders?x=1', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-instafill-signature': 'sha256=abc',
        'user-agent': 'Instafill-Webhooks/1.0',
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('received');
    const got = await until(() => receiver.seen.find((s) => s.url === '/hooks/orders?x=1'));
    expect(got.body.equals(body)).toBe(true);
    expect(got.viaTunnel).toBe(true);
    expect(got.headers.host).toBe(`${id}.localhost:${lt.port}`);
    expect(got.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(got.headers['x-instafill-signature']).toBe('sha256=abc');

    await rawRequest(`http://127.0.0.1:${receiver.port}/direct`, {
      method: 'POST',
      body: 'x',
      headers: { 'x-forwarded-for': '1.2.3.4' },
    });
    const direct = await until(() => receiver.seen.find((s) => s.url === '/direct'));
    expect(direct.viaTunnel).toBe(false);
  });

  it('asks for the configured subdomain', async () => {
    const { lt, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url, subdomain: 'hookscope-demo' });
    const up = await online();
    expect(up.url).toBe(`http://hookscope-demo.localhost:${lt.port}`);
    expect(up.subdomain).toBe('hookscope-demo');
    expect(lt.registrations).toEqual([{ asked: 'hookscope-demo', id: 'hookscope-demo' }]);
  });

  it('checks health through the public URL, past the reminder page, without reaching the receiver as a capture', async () => {
    const { lt, states, receiver, manager, online } = await setup({ reminder: true });
    manager.configure({ enabled: true, host: lt.url });
    await online();
    const checked = await until(() => states.find((s) => s.lastCheck)?.lastCheck);
    expect(checked).toMatchObject({ ok: true, status: 204 });
    expect(checked.latencyMs).toBeGreaterThanOrEqual(0);
    expect(receiver.seen).toHaveLength(0);
    // A browser gets the reminder page; the check (non-browser UA + bypass header) did not.
    const id = new URL(manager.state.url!).hostname.split('.')[0]!;
    const browser = await lt.publicRequest(id, '/', {
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' },
    });
    expect(browser.status).toBe(401);
  });

  it('answers 502 itself while the receiver is down, and the tunnel stays healthy', async () => {
    const { lt, states, receiver, manager, online } = await setup();
    await receiver.close();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const res = await lt.publicRequest(id, '/hook', { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    expect(res.body).toMatch(/receiver is not running/);
    const check = await until(() => states.find((s) => s.lastCheck)?.lastCheck);
    expect(check).toMatchObject({ ok: true, status: 502 });
  });

  it('reconnects within 5 s when the server goes away and comes back, with the same URL, state visible throughout', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const mark = states.length;
    await lt.stop();
    const down = await until(
      () => states.slice(mark).find((s) => s.state === 'reconnecting'),
      5_000,
      'reconnecting',
    );
    expect(down.error).toMatch(/tunnel server/);
    expect(down.url).toBe(up.url);
    expect(manager.state.state).toBe('reconnecting');
    // Down long enough for the backoff to reach its cap (3 s), so the timing below is the worst case.
    await new Promise((r) => setTimeout(r, 4_000));
    const waiting = manager.state;
    expect(waiting.state).toBe('reconnecting');
    expect(waiting.error).toMatch(/connection refused|tunnel server/);
    expect(Date.parse(waiting.retryAt!)).toBeGreaterThan(Date.now() - 3_500);

    const downAt = states.indexOf(down);
    const back = Date.now();
    await lt.restart();
    const again = await online(downAt);
    const tookMs = Date.now() - back;
    console.info(`tunnel back online ${tookMs} ms after the server returned`);
    expect(tookMs).toBeLessThan(5_000);
    expect(again.url).toBe(up.url);
    expect(again.error).toBeUndefined();
    const sequence = states
      .slice(downAt)
      .map((s) => s.state)
      .filter((s, i, all) => s !== all[i - 1]);
    expect(sequence).toEqual(['reconnecting', 'online']);
  });

  it('keeps retrying while reconnecting even when the host answers like a captive portal', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const mark = states.length;
    await lt.stop();
    const portal = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<form>'),
    );
    await new Promise<void>((resolve) => portal.listen(lt.port, '127.0.0.1', () => resolve()));
    const odd = await until(
      () =>
        states
          .slice(mark)
          .find((s) => s.state === 'reconnecting' && /not a localtunnel server/.test(s.error ?? '')),
      6_000,
      'a portal answer',
    );
    expect(odd.retryAt).toBeDefined();
    await new Promise<void>((resolve) => {
      portal.close(() => resolve());
      portal.closeAllConnections();
    });
    await lt.restart();
    expect((await online(states.indexOf(odd))).url).toBe(up.url);
  });

  it('rides out cut sockets without losing the tunnel', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const mark = states.length;
    lt.killSockets(id);
    await until(() => lt.socketCount(id) > 0, 5_000, 'sockets re-opened');
    const res = await lt.publicRequest(id, '/after-blip', { method: 'POST', body: 'x' });
    expect(res.status).toBe(200);
    expect(states.slice(mark).some((s) => s.state !== 'online')).toBe(false);
  });

  it('notices a tunnel the server forgot while its sockets stayed open, and restores it', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const mark = states.length;
    lt.forget(id, { keepSockets: true });
    manager.nudge(); // what the desktop does on powerMonitor 'resume'
    const down = await until(
      () => states.slice(mark).find((s) => s.state === 'reconnecting'),
      5_000,
      'reconnecting',
    );
    expect(down.error).toMatch(/health check .* failed: .*never reached this computer/);
    const again = await online(states.indexOf(down));
    expect(again.url).toBe(up.url);
  });

  it('reconnects on its own after health checks fail twice in a row', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const mark = states.length;
    lt.forget(id, { keepSockets: true });
    const down = await until(
      () => states.slice(mark).find((s) => s.state === 'reconnecting'),
      5_000,
      'reconnecting',
    );
    await online(states.indexOf(down));
    const failed = states.slice(mark).filter((s) => s.lastCheck?.ok === false);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed[0]!.state).toBe('online'); // one failure is tolerated as a blip
    expect(down.error).toMatch(/health check/);
  });

  it('notices a sleep by itself (late timer ticks) and checks at once', async () => {
    const timing = { ...FAST, checkIntervalMs: 60_000, wakeTickMs: 50, wakeGapMs: 200 };
    const { lt, states, manager, online } = await setup({}, timing);
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    await until(() => manager.state.lastCheck, 3_000, 'the first check');
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const mark = states.length;
    lt.forget(id, { keepSockets: true });
    const frozenUntil = Date.now() + 400; // as if suspended: no timer runs meanwhile
    while (Date.now() < frozenUntil) {}
    const down = await until(
      () => states.slice(mark).find((s) => s.state === 'reconnecting'),
      3_000,
      'reconnecting',
    );
    expect(down.error).toMatch(/health check/);
    await online(states.indexOf(down));
  });

  it('turns off: state off, the public URL stops answering', async () => {
    const { lt, states, manager, online } = await setup();
    manager.configure({ enabled: true, host: lt.url });
    const up = await online();
    const id = new URL(up.url!).hostname.split('.')[0]!;
    const off = manager.configure({ enabled: false, host: lt.url });
    expect(off.state).toBe('off');
    expect(off.url).toBeUndefined();
    expect(states.at(-1)!.state).toBe('off');
    // With no sockets left, the server forgets the client after its grace second; the URL is dead.
    await until(() => !lt.clientIds().includes(id), 3_000, 'the server to forget the client');
    const res = await lt.publicRequest(id, '/after-off');
    expect(res.status).toBe(404);
  });

  it('reports a host that is not a localtunnel server as an error, without retrying', async () => {
    const { manager, states } = await setup();
    const web = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>'),
    );
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise((resolve) => web.close(resolve)));
    const host = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    manager.configure({ enabled: true, host });
    const failed = await until(() => states.find((s) => s.state === 'error'));
    expect(failed.error).toBe(
      `${host} answered, but it is not a localtunnel server (expected JSON with id, port and url); check the tunnel host`,
    );
    expect(failed.retryAt).toBeUndefined();
  });

  it('reports an unreachable host as an error and keeps retrying', async () => {
    const { manager, states } = await setup();
    const closed = await LocaltunnelTestServer.start();
    const host = closed.url;
    await closed.stop();
    manager.configure({ enabled: true, host });
    const failed = await until(() => states.find((s) => s.state === 'error'));
    expect(failed.error).toMatch(
      /^nothing answers at http:\/\/localhost:\d+ \(connection refused\): is the tunnel server running\?$/,
    );
    expect(failed.retryAt).toBeDefined();
  });

  it('reports a subdomain the server refuses, in the server’s words', async () => {
    const { lt, manager, states } = await setup();
    manager.configure({ enabled: true, host: lt.url, subdomain: 'ab-cd' });
    const failed = await until(() => states.find((s) => s.state === 'error'));
    expect(failed.error).toMatch(/refused the subdomain "ab-cd": Invalid subdomain/);
    expect(failed.retryAt).toBeUndefined();
  });
});
