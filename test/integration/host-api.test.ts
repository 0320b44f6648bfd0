/** The control API of the headless host, over real HTTP on ephemeral ports: refusals, errors, live, persistence. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { createHttpClient } from '../../shared/client/http-client.js';
import type { LiveMessage } from '../../shared/contract/index.js';
import { ApiError } from '../../shared/errors.js';
import { rawRequest } from '../helpers/raw-http.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'integration-token-0001';

describe('control API security', () => {
  const tmp = tempDir();
  let host: RunningHost;
  let base: string;
  let port: number;

  beforeAll(async () => {
    host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
    base = host.api.url;
    port = Number(new URL(base).port);
  });
  afterAll(async () => {
    await host.stop();
    tmp.remove();
  });

  it('binds to 127.0.0.1 only', () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
  });

  it('refuses a missing token with 401', async () => {
    const res = await rawRequest(`${base}/api/health`);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.message).toMatch(/missing token/);
    expect(res.headers['www-authenticate']).toMatch(/Bearer/);
  });

  it('refuses a wrong token with 401', async () => {
    const res = await rawRequest(`${base}/api/health`, {
      headers: { authorization: 'Bearer nope-nope-nope' },
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.message).toMatch(/wrong token/);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    const res = await rawRequest(`${base}/api/health`, {
      headers: { authorization: `Bearer ${TOKEN}`, host: `evil.example:${port}` },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toMatch(/Host "evil.example/);
  });

  it('refuses the right name on another port', async () => {
    const res = await rawRequest(`${base}/api/health`, {
      headers: { authorization: `Bearer ${TOKEN}`, host: `127.0.0.1:${port + 1}` },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Origin (CSRF) even with the right token', async () => {
    const res = await rawRequest(`${base}/api/settings`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ theme: 'dark' }),
    });
    expect(res.status).toBe(403);
    const settings = await createHttpClient({ baseUrl: base, token: TOKEN }).getSettings();
    expect(settings.theme).toBe('system');
  });

  it('accepts its own origin under each loopback name', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const res = await rawRequest(`${base}/api/health`, {
        headers: {
          authorization: `Bearer ${TOKEN}`,
          host: `${name}:${port}`,
          origin: `http://${name}:${port}`,
        },
      });
      expect(res.status).toBe(200);
    }
  });

  it('applies the Host check to UI files too', async () => {
    const res = await rawRequest(`${base}/`, { headers: { host: `attacker.test:${port}` } });
    expect(res.status).toBe(403);
  });

  it('reports health: version, receiver URL, data dir, uptime', async () => {
    const api = createHttpClient({ baseUrl: base, token: TOKEN });
    const health = await api.health();
    expect(health.name).toBe('hookscope');
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(health.host).toBe('headless');
    expect(health.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(health.apiUrl).toBe(base);
    expect(health.dataDir).toBe(tmp.dir);
    expect(health.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(health.storeIssues).toEqual([]);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await rawRequest(`${base}/api/nope`, { headers: auth })).status).toBe(404);
    const res = await rawRequest(`${base}/api/health`, { method: 'DELETE', headers: auth });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('rejects invalid params with 422 and per-field issues, changing nothing', async () => {
    const api = createHttpClient({ baseUrl: base, token: TOKEN });
    const err = await api.updateSettings({ theme: 'purple' as 'dark', alertUrl: 'ftp://x' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.httpStatus).toBe(422);
    expect(err.issues.map((i: { path: string }) => i.path).sort()).toEqual(['alertUrl', 'theme']);
    expect((await api.getSettings()).theme).toBe('system');
  });

  it('rejects unknown fields and non-JSON bodies with a clear message', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const unknown = await rawRequest(`${base}/api/settings`, {
      method: 'PATCH',
      headers,
      body: '{"colour":"red"}',
    });
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.body).error.message).toMatch(/colour/);
    const broken = await rawRequest(`${base}/api/settings`, { method: 'PATCH', headers, body: '{"theme":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/);
  });

  it('streams live events over SSE and audits changes', async () => {
    const api = createHttpClient({ baseUrl: base, token: TOKEN });
    const seen: LiveMessage[] = [];
    const sub = api.live((m) => seen.push(m));
    try {
      await expect.poll(() => seen.some((m) => m.event === 'health')).toBe(true);
      await api.updateSettings({ theme: 'dark' });
      await expect
        .poll(() => seen.find((m) => m.event === 'settings')?.data)
        .toMatchObject({ theme: 'dark' });
      const audit = await api.listAudit({ limit: 10 });
      expect(audit.items[0]).toMatchObject({ action: 'settings.update', target: 'settings' });
      expect(audit.items[0]?.changes?.theme).toEqual({ before: 'system', after: 'dark' });
    } finally {
      sub.close();
    }
  });
});

describe('persistence across restarts', () => {
  it('keeps settings and audit entries after a restart', async () => {
    const tmp = tempDir();
    try {
      let host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
      let api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
      await api.updateSettings({ retention: { maxAgeDays: 7 }, alertUrl: 'https://alerts.example.com/hook' });
      await host.stop();

      host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
      api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
      const settings = await api.getSettings();
      expect(settings.retention).toEqual({ maxAgeDays: 7, maxCount: 100_000 });
      expect(settings.alertUrl).toBe('https://alerts.example.com/hook');
      expect((await api.listAudit({})).items).toHaveLength(1);
      await host.stop();
    } finally {
      tmp.remove();
    }
  });

  it('quarantines a corrupted settings file, starts with defaults and reports it', async () => {
    const tmp = tempDir();
    try {
      mkdirSync(join(tmp.dir, 'config'), { recursive: true });
      const garbage = '{"settings": {"theme": "dark", ';
      writeFileSync(join(tmp.dir, 'config', 'settings.json'), garbage);
      const host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
      try {
        const api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
        const health = await api.health();
        expect(health.storeIssues).toHaveLength(1);
        expect(health.storeIssues[0]?.file).toMatch(/settings\.json$/);
        expect((await api.getSettings()).theme).toBe('system');
        const moved = join(tmp.dir, health.storeIssues[0]!.movedTo);
        expect(readFileSync(moved, 'utf8')).toBe(garbage);
        expect(readdirSync(join(tmp.dir, 'config', 'quarantine'))).toHaveLength(1);
      } finally {
        await host.stop();
      }
    } finally {
      tmp.remove();
    }
  });

  it('refuses a second host on the same data folder with an actionable message', async () => {
    const tmp = tempDir();
    try {
      const host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
      try {
        await expect(startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN })).rejects.toThrow(
          /in use by another Hookscope .*--data DIR/,
        );
      } finally {
        await host.stop();
      }
    } finally {
      tmp.remove();
    }
  });
});
