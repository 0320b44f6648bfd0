/** `hookscope serve` as a user runs it: one start-up line, token handling, clean stop on signals. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../shared/client/http-client.js';
import { rawRequest } from '../helpers/raw-http.js';
import { type SpawnedHost, spawnHost } from '../helpers/spawn-host.js';
import { tempDir } from '../helpers/tmp.js';

describe('hookscope serve', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const track = (host: SpawnedHost) => {
    cleanups.push(() => {
      if (host.child.exitCode === null) host.child.kill('SIGKILL');
      return host.exited;
    });
    return host;
  };

  it('prints the UI URL with a token, serves the API, and stops cleanly on SIGTERM', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const host = track(
      await spawnHost(['--port', '0', '--receiver-port', '0', '--data', tmp.dir], { HOOKSCOPE_TOKEN: '' }),
    );
    const url = new URL(host.uiUrl);
    expect(url.hostname).toBe('127.0.0.1');
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(host.stdout().trim().split('\n')).toHaveLength(1);

    const api = createHttpClient({ baseUrl: url.origin, token: token! });
    await api.updateSettings({ theme: 'light' });
    expect(existsSync(join(tmp.dir, 'hookscope.lock'))).toBe(true);

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(host.stderr()).toMatch(/SIGTERM received/);
    expect(existsSync(join(tmp.dir, 'hookscope.lock'))).toBe(false);
  });

  it('takes the token from HOOKSCOPE_TOKEN and stops on SIGINT', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const host = track(
      await spawnHost(['--port', '0', '--receiver-port', '0', '--data', tmp.dir], {
        HOOKSCOPE_TOKEN: 'from-the-env-123',
      }),
    );
    const origin = new URL(host.uiUrl).origin;
    expect(host.uiUrl).toContain('#token=from-the-env-123');
    const ok = await rawRequest(`${origin}/api/health`, {
      headers: { authorization: 'Bearer from-the-env-123' },
    });
    expect(ok.status).toBe(200);
    host.child.kill('SIGINT');
    expect(await host.exited).toBe(0);
  });

  it('makes a different random token each run', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const tmp = tempDir();
      cleanups.push(tmp.remove);
      const host = track(
        await spawnHost(['--port', '0', '--receiver-port', '0', '--data', tmp.dir], { HOOKSCOPE_TOKEN: '' }),
      );
      tokens.push(host.uiUrl.split('#token=')[1]!);
      host.child.kill('SIGTERM');
      await host.exited;
    }
    expect(tokens[0]).not.toBe(tokens[1]);
  });
});
