/** `hookscope send` against a real local server: status, timings, body, exit codes, signatures. */
import { createHash, createHmac, createVerify, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/host/cli.js';
import type { CliIO } from '../../electron/host/commands/types.js';
import { startReceiver, type WebhookReceiver } from '../helpers/dispatcher-harness.js';
import { tempDir } from '../helpers/tmp.js';

let r: WebhookReceiver;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  r = await startReceiver([{ status: 200, body: '{"received":true}' }]);
  tmp = tempDir();
});
afterAll(async () => {
  await r.close();
  tmp.remove();
});

async function send(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readStdin: async () => Buffer.from(stdin),
    env: {},
    cwd: tmp.dir,
  };
  const code = await main(['send', ...args], io);
  return { code, out, err };
}

describe('hookscope send', () => {
  it('sends a signed Instafill event and prints status, timings and the response body', async () => {
    const { code, out } = await send([
      'form.completed',
      '--to',
      `${r.url}/in`,
      '--scheme',
      'instafill-hmac',
      '--secret',
      's3cret',
      '--data',
      '{"total":1500}',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/in → 200\n/);
    expect(out).toMatch(/event {4}form\.completed evt_\w+ \(instafill, instafill-hmac\)/);
    expect(out).toMatch(/timings {2}.*total \d+\.\d ms/);
    expect(out).toContain('{"received":true}');
    const q = r.received.at(-1)!;
    expect(q.headers['x-instafill-signature']).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(q.body).digest('hex')}`,
    );
    expect(JSON.parse(q.body.toString())).toMatchObject({
      event: 'form.completed',
      data: { total: 1500, form_id: 'form_xyz789' },
    });
  });

  it('signs Instnt events with an RSA key file, reads data from a file, marks tests', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(tmp.dir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(tmp.dir, 'data.json'), '{"documentFrontImage":"front.png"}');
    const { code } = await send([
      'docuemnt.verification.failure',
      '--to',
      r.url,
      '--scheme',
      'instnt-rsa',
      '--key',
      'private.pem',
      '--data',
      '@data.json',
      '--test',
    ]);
    expect(code).toBe(0);
    const q = r.received.at(-1)!;
    const hash = createHash('sha256').update(q.body).digest().toString('base64');
    expect(
      createVerify('RSA-SHA256')
        .update(hash, 'base64')
        .verify(publicKey, String(q.headers['instnt-signature']), 'base64'),
    ).toBe(true);
    expect(JSON.parse(q.body.toString())).toMatchObject({
      type: 'document.verification.failure',
      name: 'Document front.png failed verification',
      test: true,
    });
  });

  it('exits 1 on a non-2xx or no answer, 2 on bad usage', async () => {
    r.replies = [{ status: 503, body: 'try later' }];
    const failed = await send(['batch.started', '--to', r.url]);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/→ 503/);
    expect(failed.out).toContain('try later');
    const refused = await send(['batch.started', '--to', 'http://127.0.0.1:1/']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/connection refused/);
    expect((await send(['nope.nope', '--to', r.url])).code).toBe(2);
    expect((await send(['form.completed'])).code).toBe(2);
    expect((await send(['form.completed', '--to', 'http://example.com/x'])).err).toMatch(/HTTPS/);
    expect((await send(['form.completed', '--to', r.url, '--scheme', 'instafill-hmac'])).code).toBe(2);
    expect((await send(['form.completed', '--to', r.url, '--data', '[1]'])).code).toBe(2);
  });
});
