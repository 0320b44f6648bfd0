/** keygen → sign → verify through the built `hookscope` binary, as a script would use it. */
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const BIN = join(process.cwd(), 'bin', 'hookscope.js');
const hookscope = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 20_000 });

describe('hookscope keygen / sign / verify', () => {
  const tmp = tempDir();
  afterAll(tmp.remove);
  const body = join(tmp.dir, 'body.json');
  writeFileSync(
    body,
    `{"id":"evt_1","type":"transaction.accepted","created":${Math.floor(Date.now() / 1000)}}`,
  );

  it('round-trips an Instnt RSA signature and explains a tampered body', () => {
    const keys = join(tmp.dir, 'keys');
    const gen = hookscope(['keygen', 'rsa', '--bits', '2048', '--out', keys]);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/[0-9a-f]{2}(:[0-9a-f]{2}){31}/i);
    expect(statSync(join(keys, 'private.pem')).mode & 0o777).toBe(0o600);

    const signed = hookscope(['sign', '--scheme', 'instnt-rsa', '--key', join(keys, 'private.pem'), body]);
    expect(signed.status, signed.stderr).toBe(0);
    const header = signed.stdout
      .trim()
      .split('\n')
      .find((l) => l.startsWith('Instnt-Signature: '));
    expect(header).toBeDefined();

    const ok = hookscope([
      'verify',
      '--scheme',
      'instnt-rsa',
      '--key',
      join(keys, 'public.pem'),
      '-H',
      header!,
      body,
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe('valid');

    const tampered = hookscope(
      ['verify', '--scheme', 'instnt-rsa', '--key', join(keys, 'public.pem'), '-H', header!, '-'],
      '{"id":"evt_2"}',
    );
    expect(tampered.status).toBe(1);
    expect(tampered.stdout + tampered.stderr).toMatch(/digest|different body|signed/i);
  });

  it('signs Instafill HMAC from stdin and exits 2 on bad usage', () => {
    const signed = hookscope(
      ['sign', '--scheme', 'instafill-hmac', '--secret', 's3cret', '-'],
      '{"event":"test.webhook"}',
    );
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/^X-Instafill-Signature: sha256=[0-9a-f]{64}$/m);
    const bad = hookscope(['verify', '--scheme', 'nope', '--secret', 'x', '-'], '{}');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/scheme/);
  });
});
