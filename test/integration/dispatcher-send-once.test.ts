/**
 * POST /api/events/send-once through the real headless host: one signed event to an ad-hoc URL, verified
 * by a local server with node:crypto; nothing becomes a delivery or an audit entry; bad input is a 422.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { createHttpClient, type HttpApi } from '../../shared/client/http-client.js';
import { ApiError } from '../../shared/errors.js';
import { rawRequest } from '../helpers/raw-http.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'send-once-token-0001';
const SECRET = 'adhoc-instafill-secret';
const tmp = tempDir();
let host: RunningHost;
let api: HttpApi;
let server: Server;
let url: string;
const seen: { headers: IncomingHttpHeaders; body: Buffer; verified: boolean }[] = [];

/** Verifies X-Instafill-Signature: sha256=<hex HMAC-SHA256 of the raw body>, in constant time. */
function verifiesInstafill(body: Buffer, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

beforeAll(async () => {
  host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
  api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const verified = verifiesInstafill(body, req.headers['x-instafill-signature'] as string | undefined);
      seen.push({ headers: req.headers, body, verified });
      res.writeHead(verified ? 200 : 401, { 'content-type': 'application/json', 'x-seen': 'yes' });
      res.end(JSON.stringify({ verified }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

afterAll(async () => {
  await host.stop();
  await new Promise((done) => server.close(done));
  tmp.remove();
});

describe('fireOnce (POST /api/events/send-once) over HTTP', () => {
  it('signs with an inline secret and the receiver verifies the Instafill HMAC', async () => {
    const result = await api.fireOnce({
      type: 'form.completed',
      data: { total: 1500 },
      to: url,
      scheme: 'instafill-hmac',
      secret: SECRET,
      test: true,
    });
    expect(result.outcome.ok).toBe(true);
    expect(result.outcome.response?.status).toBe(200);
    expect(JSON.parse(result.outcome.response!.body)).toEqual({ verified: true });
    expect(result.outcome.response?.headers).toContainEqual(['x-seen', 'yes']);
    expect(result.outcome.timings.totalMs).toBeGreaterThan(0);
    expect(result).toMatchObject({ profile: 'instafill', scheme: 'instafill-hmac' });
    expect(result.event).toMatchObject({ type: 'form.completed', test: true });
    const got = seen.at(-1)!;
    expect(got.verified).toBe(true);
    expect(got.body.toString()).toBe(result.outcome.request.body);
    expect(JSON.parse(got.body.toString())).toMatchObject({ event: 'form.completed', data: { total: 1500 } });
    const sent = new Map(result.outcome.request.headers.map(([k, v]) => [k.toLowerCase(), v]));
    expect(sent.get('x-instafill-signature')).toBe(got.headers['x-instafill-signature']);
  });

  it('signs with a stored key by keyId; a wrong secret is refused by the receiver', async () => {
    const key = await api.createKey({ secret: SECRET, name: 'Ad-hoc', scheme: 'instafill-hmac' });
    const ok = await api.fireOnce({
      type: 'form.completed',
      to: url,
      scheme: 'instafill-hmac',
      keyId: key.id,
    });
    expect(ok.outcome.response?.status).toBe(200);
    expect(seen.at(-1)!.verified).toBe(true);
    const wrong = await api.fireOnce({
      type: 'form.completed',
      to: url,
      scheme: 'instafill-hmac',
      secret: 'x',
    });
    expect(wrong.outcome.ok).toBe(false);
    expect(wrong.outcome.response?.status).toBe(401);
    expect(seen.at(-1)!.verified).toBe(false);
  });

  it('stores nothing: no delivery, no audit entry', async () => {
    const auditBefore = (await api.listAudit({})).items.length;
    await api.fireOnce({ type: 'form.completed', to: url, scheme: 'instafill-hmac', secret: SECRET });
    expect((await api.listDeliveries({})).items).toEqual([]);
    expect((await api.listAudit({})).items.length).toBe(auditBefore);
  });

  it('refuses a non-http(s) URL, a missing key and unknown fields with 422', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const post = (body: unknown) =>
      rawRequest(`${host.api.url}/api/events/send-once`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    const base = { type: 'form.completed', scheme: 'instafill-hmac', secret: SECRET };
    const ftp = await post({ ...base, to: 'ftp://example.com/x' });
    expect(ftp.status).toBe(422);
    expect(ftp.body).toContain('http');
    expect((await post({ ...base, to: 'not a url' })).status).toBe(422);
    expect((await post({ type: 'form.completed', scheme: 'instafill-hmac', to: url })).status).toBe(422);
    expect((await post({ ...base, to: url, colour: 'red' })).status).toBe(422);
    const err = await api
      .fireOnce({
        type: 'form.completed',
        to: 'file:///etc/passwd',
        scheme: 'instafill-hmac',
        secret: SECRET,
      })
      .catch((e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation');
    expect((err as ApiError).issues?.map((i) => i.path)).toEqual(['to']);
    const unknownType = await api
      .fireOnce({ type: 'nope.nope', to: url, scheme: 'instafill-hmac', secret: SECRET })
      .catch((e: ApiError) => e);
    expect((unknownType as ApiError).code).toBe('validation');
  });
});
