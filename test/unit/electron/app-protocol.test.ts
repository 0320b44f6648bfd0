/** The app:// protocol handler: serves only dist/renderer, with the CSP on HTML, and never escapes its root. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/static-files.js';
import { APP_ORIGIN, resolveAppPath, serveAppRequest } from '../../../electron/main/app-protocol.js';
import { tempDir } from '../../helpers/tmp.js';

const tmp = tempDir();
const root = join(tmp.dir, 'renderer');
const get = (path: string) => serveAppRequest(root, { url: `${APP_ORIGIN}${path}`, method: 'GET' });

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(tmp.dir, 'renderer-evil'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Hookscope</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'top secret');
  writeFileSync(join(tmp.dir, 'renderer-evil', 'x.js'), 'evil()');
});
afterAll(() => tmp.remove());

describe('app:// protocol', () => {
  it('serves the app shell with the strict CSP header', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Hookscope</title>');
  });

  it('serves assets with their type and client-side routes with index.html', async () => {
    const js = await get('/assets/app.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(await (await get('/captures/cap_1')).text()).toContain('<title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..%2frenderer-evil%2fx.js',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/secret|evil/);
  });

  it('answers only its own scheme and host, and only GET/HEAD', async () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeUndefined();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppPath(root, 'not a url')).toBeUndefined();
    const post = await serveAppRequest(root, { url: `${APP_ORIGIN}/index.html`, method: 'POST' });
    expect(post.status).toBe(405);
    const head = await serveAppRequest(root, { url: `${APP_ORIGIN}/index.html`, method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});
