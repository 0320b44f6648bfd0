/** `hookscope serve --tunnel` as a user runs it (the built CLI): the public URL on a line of its own. */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaltunnelTestServer } from '../helpers/localtunnel-server.js';
import { CLI, type SpawnedHost, spawnHost } from '../helpers/spawn-host.js';
import { tempDir } from '../helpers/tmp.js';

describe('hookscope serve --tunnel', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('prints the public URL on its own line and serves requests through it', async () => {
    const lt = await LocaltunnelTestServer.start();
    cleanups.push(() => lt.stop());
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const args = [
      '--port',
      '0',
      '--receiver-port',
      '0',
      '--data',
      tmp.dir,
      '--tunnel',
      '--tunnel-host',
      lt.url,
    ];
    const host: SpawnedHost = await spawnHost([...args, '--subdomain', 'cli-tunnel'], {
      HOOKSCOPE_TOKEN: '',
    });
    cleanups.push(() => {
      if (host.child.exitCode === null) host.child.kill('SIGKILL');
      return host.exited;
    });
    const url = `http://cli-tunnel.localhost:${lt.port}`;
    const deadline = Date.now() + 10_000;
    while (!host.stdout().split('\n').includes(url)) {
      if (Date.now() > deadline)
        throw new Error(`no URL line; stdout: ${host.stdout()} stderr: ${host.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(host.stdout().trim().split('\n')).toEqual([expect.stringMatching(/is running at/), url]);
    expect(host.stderr()).toMatch(/tunnel: connecting to http:\/\/localhost:\d+/);
    const res = await lt.publicRequest('cli-tunnel', '/from-the-cli-test', { method: 'POST', body: '{}' });
    expect(res.status).toBeLessThan(500);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });

  it('refuses --subdomain without --tunnel, and a bad subdomain, with exit code 2', async () => {
    for (const [extra, message] of [
      [['--subdomain', 'my-hooks'], /only apply with --tunnel/],
      [['--tunnel', '--subdomain', 'No'], /--subdomain: .*lowercase/],
    ] as const) {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...extra], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
      });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(err).toMatch(message);
    }
  });
});
