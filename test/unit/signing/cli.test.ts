/** `hookscope keygen | sign | verify` through their `run`, with a fake terminal. */

import { createPublicKey } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../electron/core/signing/keys/fingerprint.js';
import { run as keygen } from '../../../electron/host/commands/keygen.js';
import { run as sign } from '../../../electron/host/commands/sign.js';
import { type CliCommand, type CliIO, UsageError } from '../../../electron/host/commands/types.js';
import { run as verify } from '../../../electron/host/commands/verify.js';
import { tempDir } from '../../helpers/tmp.js';
import { INSTAFILL_BODY, instntBody, nowSec } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
  writeFileSync(join(tmp.dir, 'body.json'), INSTAFILL_BODY);
});
afterAll(() => tmp.remove());

/** Runs a command as the dispatcher does: a UsageError means exit 2. */
async function cli(command: CliCommand, args: string[], stdin: Buffer = Buffer.alloc(0)) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => stdin,
    env: {},
    cwd: tmp.dir,
  };
  try {
    return { code: await command(args, io), stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: stderr + err.message };
    throw err;
  }
}
const headerArgs = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .flatMap((line) => ['-H', line]);

describe('keygen', () => {
  it('rsa: writes private.pem (0600) and public.pem, prints the fingerprint', async () => {
    const r = await cli(keygen, ['rsa', '--out', 'rsa']);
    expect(r.code).toBe(0);
    const dir = join(tmp.dir, 'rsa');
    expect(statSync(join(dir, 'private.pem')).mode & 0o777).toBe(0o600);
    const pub = readFileSync(join(dir, 'public.pem'), 'utf8');
    expect(r.stdout).toBe(`${keyFingerprint(createPublicKey(pub))}\n`);
    expect(createPublicKey(pub).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });
  it('refuses to overwrite a private key without --force', async () => {
    expect((await cli(keygen, ['ed25519', '--out', 'ed'])).code).toBe(0);
    const again = await cli(keygen, ['ed25519', '--out', 'ed']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    const forced = await cli(keygen, ['ed25519', '--out', 'ed', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/Standard Webhooks public key: whpk_/);
    expect(statSync(join(tmp.dir, 'ed', 'private.pem')).mode & 0o777).toBe(0o600);
  });
  it('secret: plain hex by default, whsec_ for standard-webhooks', async () => {
    expect((await cli(keygen, ['secret'])).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await cli(keygen, ['secret', '--scheme', 'standard-webhooks'])).stdout).toMatch(
      /^whsec_[A-Za-z0-9+/]{43}=\n$/,
    );
  });
  it.each([
    [[], /rsa, ed25519 or secret/],
    [['dsa'], /rsa, ed25519 or secret/],
    [['rsa', '--bits', '1024'], /--bits must be one of 2048, 3072, 4096/],
    [['ed25519', '--bits', '2048'], /fixed size/],
    [['secret', '--scheme', 'instnt-rsa'], /not secrets: run "hookscope keygen rsa"/],
    [['secret', '--scheme', 'nope'], /unknown scheme "nope"/],
    [['secret', '--out', 'x'], /apply to rsa and ed25519/],
    [['rsa', '--colour'], /Unknown option '--colour'/],
  ])('exit 2 for %j', async (args, message) => {
    const r = await cli(keygen, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('sign and verify', () => {
  it('instafill-hmac from a file: valid round trip', async () => {
    const signed = await cli(sign, ['--scheme', 'instafill-hmac', '--secret', 'k', 'body.json']);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(
      /^X-Instafill-Signature: sha256=[0-9a-f]{64}\nX-Instafill-Event: form.completed\n$/,
    );
    const checked = await cli(verify, [
      '--scheme',
      'instafill-hmac',
      '--secret',
      'k',
      ...headerArgs(signed.stdout),
      'body.json',
    ]);
    expect(checked).toMatchObject({ code: 0, stdout: 'valid\n' });
  });
  it('instnt-rsa with PEM files and the body on standard input', async () => {
    await cli(keygen, ['rsa', '--out', 'instnt']);
    const body = instntBody(nowSec());
    const signed = await cli(sign, ['--scheme', 'instnt-rsa', '--key', 'instnt/private.pem', '-'], body);
    expect(signed.stdout).toMatch(/^Instnt-Signature: [A-Za-z0-9+/]{342}==\n$/);
    const ok = await cli(
      verify,
      ['--scheme', 'instnt-rsa', '--key', 'instnt/public.pem', ...headerArgs(signed.stdout)],
      body,
    );
    expect(ok).toMatchObject({ code: 0, stdout: 'valid\n' });
    const pretty = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    const bad = await cli(
      verify,
      ['--scheme', 'instnt-rsa', '--key', 'instnt/public.pem', ...headerArgs(signed.stdout)],
      pretty,
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^invalid: Body re-serialised: minified\n {2}1\. \[body_reserialised\]/);
    expect(bad.stdout).toMatch(/DigestInfo: sha256 \(2\.16\.840\.1\.101\.3\.4\.2\.1\) [0-9a-f]{64}/);
    const pub = await cli(sign, ['--scheme', 'instnt-rsa', '--key', 'instnt/public.pem', 'body.json']);
    expect(pub.code).toBe(2);
    expect(pub.stderr).toMatch(/needs the private key to sign/);
  });
  it('standard-webhooks with --id, --timestamp and --tolerance', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = Buffer.from('{"test": 2432232314}');
    const args = ['--scheme', 'standard-webhooks', '--secret', secret];
    const signed = await cli(
      sign,
      [...args, '--id', 'msg_p5jXN8AQM9LWM0D4loKWxJek', '--timestamp', '1614265330'],
      body,
    );
    expect(signed.stdout).toBe(
      'webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\nwebhook-timestamp: 1614265330\nwebhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\n',
    );
    const stale = await cli(verify, [...args, ...headerArgs(signed.stdout)], body);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/\[timestamp_outside_tolerance\]/);
    expect((await cli(verify, [...args, '--tolerance', '0', ...headerArgs(signed.stdout)], body)).code).toBe(
      0,
    );
  });
  it('exit 1 with the doctor for a wrong secret', async () => {
    const signed = await cli(sign, [
      '--scheme',
      'github',
      '--secret',
      'right',
      '--event',
      'push',
      'body.json',
    ]);
    const r = await cli(verify, [
      '--scheme',
      'github',
      '--secret',
      'wrong',
      ...headerArgs(signed.stdout),
      'body.json',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^invalid: Signature does not match\n {2}1\. \[no_match\]/);
  });
  it.each([
    [sign, ['--secret', 'k', 'body.json'], /--scheme is required/],
    [sign, ['--scheme', 'rot13', '--secret', 'k'], /unknown signature scheme "rot13"/],
    [sign, ['--scheme', 'github', 'body.json'], /exactly one of --secret or --key/],
    [sign, ['--scheme', 'github', '--secret', 'k', '--key', 'x.pem'], /exactly one of --secret or --key/],
    [
      sign,
      ['--scheme', 'stripe', '--secret', 'k', '--timestamp', 'soon'],
      /--timestamp must be a whole number/,
    ],
    [sign, ['--scheme', 'github', '--secret', 'k', 'missing.json'], /cannot read body file missing.json/],
    [sign, ['--scheme', 'github', '--secret', 'k', '--event', 'a\nb', 'body.json'], /printable ASCII/],
    [verify, ['--scheme', 'github', '--key', 'nope.pem', '-H', 'A: b'], /cannot read key file/],
    [verify, ['--scheme', 'instnt-rsa', '--key', 'body.json', '-H', 'A: b'], /not a PEM key/],
    [verify, ['--scheme', 'github', '--secret', 'k'], /give the received headers with -H/],
    [verify, ['--scheme', 'github', '--secret', 'k', '-H', 'no colon'], /-H takes 'Name: value'/],
    [
      verify,
      ['--scheme', 'github', '--secret', 'k', '-H', 'A: b', '--tolerance', '1.5'],
      /--tolerance must be a whole number/,
    ],
    [
      verify,
      ['--scheme', 'instnt-rsa', '--secret', 'k', '-H', 'A: b', 'body.json'],
      /needs an RSA key \(PEM\)/,
    ],
  ])('exit 2 for bad usage: %#', async (command, args, message) => {
    const r = await cli(command, args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
