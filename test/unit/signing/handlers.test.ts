/** The contract's signing methods, called the way the engine calls them: params through the zod schema first. */
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../../electron/core/signing/forge/certificate.js';
import { KeyService } from '../../../electron/core/signing/keys/key-service.js';
import type { KeysStoreShape } from '../../../electron/core/signing/keys/stored-key.js';
import {
  createSigningHandlers,
  type KeyChange,
  type SigningHandlers,
} from '../../../electron/core/signing/signing-handlers.js';
import type { CallContext } from '../../../shared/contract/define.js';
import { MAX_API_BODY_BYTES, signingMethods } from '../../../shared/contract/signing.js';
import { tempDir } from '../../helpers/tmp.js';
import { INSTAFILL_BODY, instntBody, nowSec, rsaPair } from './fixtures.js';

const ctx: CallContext = { transport: 'internal', actor: 'test' };
const identity = { kind: 'file-permissions' as const, seal: (s: string) => s, open: (s: string) => s };
let tmp: ReturnType<typeof tempDir>;
let handlers: SigningHandlers;
const changes: KeyChange[] = [];

type Name = keyof typeof signingMethods;
/** Validates like the engine's `call`, then runs the handler. */
async function call(name: Name, params: unknown): Promise<unknown> {
  const parsed = signingMethods[name].params.parse(params);
  return (handlers[name] as (p: unknown, c: CallContext) => unknown)(parsed, ctx);
}

beforeAll(async () => {
  tmp = tempDir();
  const store = new Conf<KeysStoreShape>({
    cwd: tmp.dir,
    configName: 'keys',
    projectVersion: '0.1.0',
    defaults: { keys: [] },
  });
  const cert = await generateSelfSignedCertificate();
  handlers = createSigningHandlers({
    keys: new KeyService({ store, box: identity }),
    certificate: () => cert,
    onKeyChange: (c) => changes.push(c),
  });
});
afterAll(() => tmp.remove());

describe('keys', () => {
  it('creates, lists, reads, exports and deletes', async () => {
    const key = (await call('createKey', { type: 'rsa', name: 'sender' })) as { id: string };
    const hmac = (await call('createKey', { secret: 'abc', name: 'instafill' })) as { id: string };
    expect(((await call('listKeys', {})) as { id: string }[]).map((k) => k.id)).toEqual([key.id, hmac.id]);
    expect(await call('getKey', { id: hmac.id, reveal: 'true' })).toMatchObject({ secret: 'abc' });
    expect(await call('getKey', { id: hmac.id })).not.toHaveProperty('secret');
    expect(await call('getPublicKeyPem', { id: key.id })).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(await call('deleteKey', { id: hmac.id })).toEqual({ id: hmac.id, deleted: true });
    expect(changes.map((c) => c.action)).toEqual(['key.created', 'key.created', 'key.deleted']);
    expect(changes[0]?.target).toBe(`key ${key.id} (sender)`);
  });
  it('rejects bad params with the reason', async () => {
    await expect(call('createKey', { type: 'dsa' })).rejects.toThrow(/give \{type: rsa\|ed25519\|hmac/);
    await expect(call('createKey', { type: 'rsa', bits: 1024 })).rejects.toThrow();
    await expect(call('getKey', { id: '../etc' })).rejects.toThrow(/a key id looks like key_/);
    await expect(call('createKey', { pem: 'x', name: 'n' })).rejects.toThrow();
  });
});

describe('sign and verify', () => {
  it('signs with a stored key and verifies with it', async () => {
    const key = (await call('createKey', { type: 'hmac', scheme: 'standard-webhooks' })) as { id: string };
    const body = INSTAFILL_BODY.toString();
    const signed = (await call('signBody', {
      scheme: 'standard-webhooks',
      body,
      keyId: key.id,
      id: 'msg_1',
    })) as {
      headers: Record<string, string>;
    };
    expect(signed.headers['webhook-id']).toBe('msg_1');
    const report = await call('verifySignature', {
      scheme: 'standard-webhooks',
      body,
      headers: signed.headers,
      keyId: key.id,
    });
    expect(report).toMatchObject({ valid: true, summary: 'valid (v1)' });
  });
  it('takes PEM keys, binary bodies and header pairs, and diagnoses failures', async () => {
    const pair = rsaPair();
    const body = instntBody(nowSec());
    const bodyBase64 = body.toString('base64');
    const { headers } = (await call('signBody', {
      scheme: 'instnt-rsa',
      bodyBase64,
      privateKeyPem: pair.privatePem,
    })) as {
      headers: Record<string, string>;
    };
    const pairs = Object.entries(headers);
    expect(
      await call('verifySignature', {
        scheme: 'instnt-rsa',
        bodyBase64,
        headers: pairs,
        publicKeyPem: pair.publicPem,
      }),
    ).toMatchObject({
      valid: true,
    });
    const pretty = JSON.stringify(JSON.parse(body.toString()), null, 2);
    const report = await call('verifySignature', {
      scheme: 'instnt-rsa',
      body: pretty,
      headers,
      publicKeyPem: pair.publicPem,
    });
    expect(report).toMatchObject({ valid: false, diagnosis: [{ code: 'body_reserialised' }] });
  });
  it('honours toleranceSec (0 = off)', async () => {
    const signed = (await call('signBody', {
      scheme: 'stripe',
      body: '{}',
      secret: 'whsec_a',
      timestamp: 1000,
    })) as {
      headers: Record<string, string>;
    };
    const base = { scheme: 'stripe', body: '{}', headers: signed.headers, secret: 'whsec_a' };
    expect(await call('verifySignature', base)).toMatchObject({
      valid: false,
      diagnosis: [{ code: 'timestamp_outside_tolerance' }],
    });
    expect(await call('verifySignature', { ...base, toleranceSec: 0 })).toMatchObject({ valid: true });
  });
  it('validates the params: one body, one key, limits', async () => {
    const base = { scheme: 'github', headers: {} };
    await expect(call('verifySignature', { ...base, secret: 's' })).rejects.toThrow(
      /give exactly one of body, bodyBase64/,
    );
    await expect(call('verifySignature', { ...base, body: '', secret: 's', keyId: 'key_1' })).rejects.toThrow(
      /give exactly one of keyId, secret, publicKeyPem/,
    );
    await expect(call('verifySignature', { ...base, body: '', secret: 's', extra: 1 })).rejects.toThrow(
      /Unrecognized key/,
    );
    await expect(
      call('verifySignature', { ...base, bodyBase64: 'not base64!', secret: 's' }),
    ).rejects.toThrow(/not valid base64/);
    await expect(call('signBody', { scheme: 'github', body: '', secret: 's', event: 'a b' })).rejects.toThrow(
      /printable ASCII/,
    );
    await expect(call('signBody', { scheme: 'nope', body: '', secret: 's' })).rejects.toThrow();
    const tooBig = 'x'.repeat(MAX_API_BODY_BYTES + 1);
    await expect(call('verifySignature', { ...base, body: tooBig, secret: 's' })).rejects.toThrow(
      /body is over 25 MiB/,
    );
  });
  it('an empty body is signed and verified like any other', async () => {
    const { headers } = (await call('signBody', { scheme: 'github', body: '', secret: 's' })) as {
      headers: Record<string, string>;
    };
    expect(await call('verifySignature', { scheme: 'github', body: '', headers, secret: 's' })).toMatchObject(
      { valid: true },
    );
  });
});

describe('certificate', () => {
  it('returns the PEM, fingerprint, expiry and SANs', async () => {
    const cert = (await call('getCertificate', {})) as Record<string, unknown>;
    expect(cert).toMatchObject({ sans: ['localhost', '127.0.0.1', '::1'] });
    expect(cert.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
