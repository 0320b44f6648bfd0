/**
 * The receiver through the headless host: REST routes (JSON and raw), the receiver URL in health (the real
 * port when port 0 was asked for), live capture events over SSE, and signed Instafill and Instnt requests
 * arriving through a tunnel (a localtunnel-protocol server on loopback) and verifying.
 */
import { createHash, createHmac, createSign } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { createHttpClient, type HttpApi } from '../../shared/client/http-client.js';
import type { LiveMessage } from '../../shared/contract/index.js';
import { ApiError } from '../../shared/errors.js';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { rawRequest } from '../helpers/raw-http.js';
import { eventually } from '../helpers/receiver-harness.js';
import { spawnHost } from '../helpers/spawn-host.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'receiver-api-token-01';

describe('receiver through the control API', () => {
  const tmp = tempDir();
  let host: RunningHost;
  let api: HttpApi;
  let receiverUrl: string;
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
    api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
    receiverUrl = (await api.health()).receiverUrl;
  });
  afterAll(async () => {
    await host.stop();
    tmp.remove();
  });

  it('reports the receiver URL it really listens on, on its own port', async () => {
    expect(receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(receiverUrl).port).not.toBe('0');
    expect(new URL(receiverUrl).port).not.toBe(new URL(host.api.url).port);
    const res = await fetch(`${receiverUrl}/health-check`, { method: 'POST', body: 'hi' });
    expect(res.status).toBe(200);
    // The receiver is not the control API: no API routes there.
    expect((await api.listCaptures({ q: 'health-check' })).items).toHaveLength(1);
  });

  it('serves endpoint CRUD over REST, with validation errors as 422 and unknown ids as 404', async () => {
    const created = await api.createEndpoint({ path: '/api/made', name: 'Made', response: { status: 202 } });
    expect((await api.listEndpoints()).map((e) => e.id)).toContain(created.id);
    expect((await api.updateEndpoint({ id: created.id, name: 'Renamed' })).name).toBe('Renamed');
    expect((await fetch(`${receiverUrl}/api/made`, { method: 'POST', body: '{}' })).status).toBe(202);
    const bad = await api.createEndpoint({ path: 'relative' }).catch((e: ApiError) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).httpStatus).toBe(422);
    expect(await api.deleteEndpoint({ id: created.id })).toEqual({ id: created.id, deleted: true });
    const gone = await api.getEndpoint({ id: created.id }).catch((e: ApiError) => e);
    expect((gone as ApiError).httpStatus).toBe(404);
    const audit = await api.listAudit({ limit: 5 });
    expect(audit.items.map((a) => a.action)).toContain('endpoint.delete');
  });

  it('lists, searches, exports curl (text/plain) and HAR (application/json), imports and deletes', async () => {
    const res = await fetch(`${receiverUrl}/api/search?k=v`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-trace': 'trace-abc' },
      body: '{"event_id":"evt_rest_1"}',
    });
    const id = res.headers.get('x-hookscope-capture')!;
    const found = await api.listCaptures({ q: 'trace-abc' });
    expect(found.items.map((c) => c.id)).toEqual([id]);

    const curl = await rawRequest(`${host.api.url}/api/captures/${id}/curl`, { headers: auth });
    expect(curl.status).toBe(200);
    expect(curl.headers['content-type']).toMatch(/^text\/plain/);
    expect(curl.body).toContain(`'${receiverUrl}/api/search?k=v'`);

    const har = await rawRequest(`${host.api.url}/api/captures/export.har?ids=${id}`, { headers: auth });
    expect(har.status).toBe(200);
    expect(har.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(har.body).log.entries).toHaveLength(1);

    const imported = await api.importCaptures({ har: har.body });
    expect(imported.imported).toHaveLength(1);
    const fromCurl = await api.importCaptures({ curl: curl.body });
    const detail = await api.getCapture({ id: fromCurl.imported[0]!.id });
    expect(detail.body.text).toBe('{"event_id":"evt_rest_1"}');
    expect(detail.source).toBe('imported');

    expect(await api.deleteCapture({ id })).toEqual({ id, deleted: true });
    const missing = await api.getCapture({ id }).catch((e: ApiError) => e);
    expect((missing as ApiError).httpStatus).toBe(404);
    const badId = await api.getCapture({ id: 'nope' }).catch((e: ApiError) => e);
    expect((badId as ApiError).httpStatus).toBe(422);
  });

  it('streams capture and endpoint events over SSE', async () => {
    const seen: LiveMessage[] = [];
    const sub = api.live((m) => seen.push(m));
    try {
      await expect.poll(() => seen.some((m) => m.event === 'health')).toBe(true);
      const ep = await api.createEndpoint({ path: '/api/live' });
      const res = await fetch(`${receiverUrl}/api/live`, { method: 'POST', body: 'x' });
      const id = res.headers.get('x-hookscope-capture');
      await expect
        .poll(() => seen.find((m) => m.event === 'capture' && m.data.id === id)?.data)
        .toMatchObject({
          endpoint: ep.id,
          status: 200,
        });
      expect(seen.find((m) => m.event === 'endpoint')?.data).toMatchObject({
        action: 'created',
        endpoint: { id: ep.id },
      });
    } finally {
      sub.close();
    }
  });
});

describe('signed requests through the tunnel', () => {
  const tmp = tempDir();
  let lt: LocaltunnelTestServer;
  let host: RunningHost;
  let api: HttpApi;

  beforeAll(async () => {
    lt = await LocaltunnelTestServer.start();
    host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
    api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
    await api.updateTunnel({ enabled: true, host: lt.url, subdomain: 'signed-hooks' });
    await eventually(async () => ((await api.getTunnel()).state === 'online' ? true : undefined), 10_000);
  });
  afterAll(async () => {
    await host.stop();
    await lt.stop();
    tmp.remove();
  });

  it('verifies an Instafill HMAC request and an Instnt RSA request that came through the tunnel', async () => {
    const hmac = await api.createKey({
      secret: 'tunnel-instafill-secret',
      name: 'Instafill',
      scheme: 'instafill-hmac',
    });
    const rsa = await api.createKey({ type: 'rsa', bits: 2048, name: 'Instnt' });
    const rsaPrivate = host.engine.keys.privateKeyPem(rsa.id);
    await api.createEndpoint({
      path: '/hooks/instafill',
      verify: { scheme: 'instafill-hmac', keyId: hmac.id, rejectInvalid: true },
      guards: { ipAllowlist: ['127.0.0.0/8'] },
    });
    await api.createEndpoint({ path: '/hooks/instnt', verify: { scheme: 'instnt-rsa', keyId: rsa.id } });

    const instafillBody =
      '{"event":"form.completed","event_id":"evt_tunnel_sig","data":{"form_id":"form_xyz789"}}';
    const signature = `sha256=${createHmac('sha256', 'tunnel-instafill-secret').update(instafillBody).digest('hex')}`;
    const a = await lt.publicRequest('signed-hooks', '/hooks/instafill', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-instafill-signature': signature,
        'x-instafill-event': 'form.completed',
      },
      body: instafillBody,
    });
    expect(a.status).toBe(200);

    const instntBody =
      '{"id":"evt_fh238sh3","name":"Document submitted","type":"document.submitted","data":{}}';
    const digest = createHash('sha256').update(instntBody).digest();
    const instntSignature = createSign('RSA-SHA256').update(digest).sign(rsaPrivate, 'base64');
    const b = await lt.publicRequest('signed-hooks', '/hooks/instnt', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'instnt-signature': instntSignature },
      body: instntBody,
    });
    expect(b.status).toBe(200);

    const tampered = await lt.publicRequest('signed-hooks', '/hooks/instafill', {
      method: 'POST',
      headers: { 'x-instafill-signature': signature },
      body: instafillBody.replace('xyz', 'abc'),
    });
    expect(tampered.status).toBe(401);

    for (const res of [a, b, tampered]) {
      const detail = await api.getCapture({ id: String(res.headers['x-hookscope-capture']) });
      expect(detail.viaTunnel).toBe(true);
      expect(detail.clientAddress).toBe('127.0.0.1');
    }
    expect((await api.getCapture({ id: String(a.headers['x-hookscope-capture']) })).verdict).toBe('valid');
    expect((await api.getCapture({ id: String(b.headers['x-hookscope-capture']) })).verdict).toBe('valid');
    const bad = await api.getCapture({ id: String(tampered.headers['x-hookscope-capture']) });
    expect(bad.verdict).toBe('invalid');
    expect(bad.verification?.diagnosis.length).toBeGreaterThan(0);
  });
});

describe('hookscope serve', () => {
  it('starts the receiver on --receiver-port', async () => {
    const port = await freePort();
    const tmp = tempDir();
    const host = await spawnHost(['--port', '0', '--receiver-port', String(port), '--data', tmp.dir], {
      HOOKSCOPE_TOKEN: TOKEN,
    });
    try {
      const api = createHttpClient({ baseUrl: new URL(host.uiUrl).origin, token: TOKEN });
      expect((await api.health()).receiverUrl).toBe(`http://127.0.0.1:${port}`);
      const res = await fetch(`http://127.0.0.1:${port}/from-the-cli`, { method: 'POST', body: 'cli' });
      expect(res.status).toBe(200);
      const detail = await api.getCapture({ id: res.headers.get('x-hookscope-capture')! });
      expect(detail.body.text).toBe('cli');
    } finally {
      host.child.kill('SIGTERM');
      await host.exited;
      tmp.remove();
    }
  });
});

/** A port that was free a moment ago (the OS picks it; we close and hand it on). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('HTTPS receiver on the headless host', () => {
  it('serves HTTPS with a certificate kept across restarts and exported as PEM', async () => {
    const tmp = tempDir();
    try {
      let host = await startHost({
        dataDir: tmp.dir,
        port: 0,
        receiverPort: 0,
        token: TOKEN,
        receiverHttps: true,
      });
      let api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
      const receiverUrl = (await api.health()).receiverUrl;
      expect(receiverUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const pemRes = await rawRequest(`${host.api.url}/api/certificate.pem`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(pemRes.headers['content-type']).toBe('application/x-pem-file');
      const pem = pemRes.body;
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
      const answer = await new Promise<{ status: number; id: string }>((resolve, reject) => {
        const req = httpsRequest(
          `${receiverUrl}/secure`,
          { method: 'POST', ca: pem, agent: false },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, id: String(res.headers['x-hookscope-capture']) }),
            );
          },
        );
        req.on('error', reject);
        req.end('over tls');
      });
      expect(answer.status).toBe(200);
      expect((await api.getCapture({ id: answer.id })).body.text).toBe('over tls');
      const fingerprint = (await api.getCertificate()).fingerprint;
      await host.stop();

      host = await startHost({
        dataDir: tmp.dir,
        port: 0,
        receiverPort: 0,
        token: TOKEN,
        receiverHttps: true,
      });
      api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
      expect((await api.getCertificate()).fingerprint).toBe(fingerprint);
      await host.stop();

      host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
      const plain = await rawRequest(`${host.api.url}/api/certificate.pem`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(plain.status).toBe(503);
      expect(JSON.parse(plain.body).error.message).toMatch(/--receiver-https/);
      await host.stop();
    } finally {
      tmp.remove();
    }
  });
});
