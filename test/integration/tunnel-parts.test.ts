/**
 * The tunnel's parts on loopback: registration against servers that answer in every wrong way, and the
 * gateway (byte relay, tunnel-connection marks, the health check's nonce spotted across chunk borders).
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { register } from '../../electron/core/tunnel/registration.js';
import type { TunnelRegistrationError } from '../../electron/core/tunnel/tunnel-errors.js';
import { TunnelGateway } from '../../electron/core/tunnel/tunnel-gateway.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json =
  (status: number, body: unknown): http.RequestListener =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const attempt = (host: string, extra: { subdomain?: string; timeoutMs?: number } = {}) =>
  register({ host, signal: new AbortController().signal, timeoutMs: extra.timeoutMs ?? 2_000, ...extra });

async function failure(promise: Promise<unknown>): Promise<TunnelRegistrationError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as TunnelRegistrationError;
}

describe('registration', () => {
  it('asks /?new or /<subdomain> and reads the answer, capping the socket count at 10', async () => {
    const asked: string[] = [];
    const host = await serve((req, res) => {
      asked.push(req.url ?? '');
      json(200, { id: 'abcd', port: 4567, max_conn_count: 500, url: 'https://abcd.lt.example.com/' })(
        req,
        res,
      );
    });
    expect(await attempt(host)).toEqual({
      id: 'abcd',
      port: 4567,
      maxConnCount: 10,
      url: 'https://abcd.lt.example.com',
    });
    await attempt(`${host}/`, { subdomain: 'my-hooks' });
    expect(asked).toEqual(['/?new', '/my-hooks']);
  });

  it('follows a redirect, as the library did', async () => {
    const target = await serve(json(200, { id: 'abcd', port: 1234, url: 'http://abcd.x.example' }));
    const host = await serve((_req, res) => res.writeHead(302, { location: `${target}/?new` }).end());
    expect(await attempt(host)).toMatchObject({ id: 'abcd', maxConnCount: 1 });
  });

  it('keeps a refusal final and passes on the server’s words', async () => {
    const host = await serve(json(403, { message: 'Invalid subdomain.' }));
    const err = await failure(attempt(host, { subdomain: 'ab-cd' }));
    expect(err.message).toBe(
      `the tunnel server at ${host} refused the subdomain "ab-cd": Invalid subdomain.`,
    );
    expect(err.retryable).toBe(false);
  });

  it.each([429, 502, 503])('treats HTTP %i as passing trouble', async (status) => {
    const host = await serve((_req, res) => res.writeHead(status).end('busy'));
    const err = await failure(attempt(host));
    expect(err.message).toBe(`the tunnel server at ${host} refused a new tunnel: HTTP ${status}`);
    expect(err.retryable).toBe(true);
  });

  it.each([
    [
      'HTML',
      (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(200).end('<html></html>'),
    ],
    ['an array', json(200, [1, 2])],
    ['no port', json(200, { id: 'abcd', url: 'http://abcd.x' })],
    ['a bad port', json(200, { id: 'abcd', port: 70000, url: 'http://abcd.x' })],
    ['a non-http url', json(200, { id: 'abcd', port: 80, url: 'ftp://abcd.x' })],
    ['an id that is no DNS label', json(200, { id: 'a b', port: 80, url: 'http://abcd.x' })],
    [
      'a huge answer',
      (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(200).end('x'.repeat(100_000)),
    ],
  ])('says a server answering %s is not a localtunnel server', async (_what, handler) => {
    const host = await serve(handler);
    const err = await failure(attempt(host));
    expect(err.message).toMatch(/is not a localtunnel server .*check the tunnel host$/);
    expect(err.retryable).toBe(false);
  });

  it('gives up on a server that does not answer in time', async () => {
    const host = await serve(() => {}); // never answers
    const started = Date.now();
    const err = await failure(attempt(host, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err.message).toBe(`${host} did not answer within 300 ms`);
    expect(err.retryable).toBe(true);
  });
});

describe('gateway', () => {
  async function setup(receiverPort?: number) {
    const seenPorts: number[] = [];
    const receiver = net.createServer((socket) => {
      seenPorts.push(socket.remotePort!);
      socket.on('data', (d) => socket.write(d)); // echo
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
    const port = receiverPort ?? (receiver.address() as AddressInfo).port;
    const gateway = await TunnelGateway.start(() => ({ host: '127.0.0.1', port }));
    cleanups.push(() => gateway.close());
    const connect = async () => {
      const socket = net.connect({ host: '127.0.0.1', port: gateway.port });
      await new Promise((resolve) => socket.once('connect', resolve));
      cleanups.push(() => socket.destroy());
      return socket;
    };
    return { gateway, connect, seenPorts };
  }

  const read = (socket: net.Socket) =>
    new Promise<string>((resolve) => socket.once('data', (d) => resolve(d.toString())));

  it('relays bytes unchanged and marks its own connections to the receiver', async () => {
    const { gateway, connect, seenPorts } = await setup();
    const socket = await connect();
    socket.write(Buffer.from('POST / HTTP/1.1\r\n\r\n\u00ff'));
    expect(await read(socket)).toBe('POST / HTTP/1.1\r\n\r\n\u00ff');
    expect(seenPorts).toHaveLength(1);
    expect(gateway.isTunnelConnection({ remoteAddress: '127.0.0.1', remotePort: seenPorts[0] })).toBe(true);
    expect(gateway.isTunnelConnection({ remoteAddress: '10.0.0.1', remotePort: seenPorts[0] })).toBe(false);
    expect(gateway.isTunnelConnection({ remoteAddress: '127.0.0.1', remotePort: seenPorts[0]! + 1 })).toBe(
      false,
    );
    socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(gateway.isTunnelConnection({ remoteAddress: '127.0.0.1', remotePort: seenPorts[0] })).toBe(false);
  });

  it('does not connect to the receiver before the first byte', async () => {
    const { connect, seenPorts } = await setup();
    await connect();
    await new Promise((r) => setTimeout(r, 50));
    expect(seenPorts).toHaveLength(0);
  });

  it('spots a token split across chunks', async () => {
    const { gateway, connect } = await setup();
    const watch = gateway.watchFor('0123456789abcdef');
    const socket = await connect();
    socket.write('GET /.hookscope/tunnel-check/01234567');
    await read(socket);
    socket.write('89abcdef HTTP/1.1\r\n\r\n');
    await expect(watch.seen).resolves.toBeUndefined();
  });

  it('answers 502 when the receiver is not running', async () => {
    const { connect } = await setup(0);
    const socket = await connect();
    socket.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n');
    const answer = await read(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    expect(answer).toMatch(/receiver is not running/);
  });
});
