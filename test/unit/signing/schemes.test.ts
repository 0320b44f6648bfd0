import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toWhpk, toWhsk } from '../../../electron/core/signing/keys/ed25519-raw.js';
import { generateSecret } from '../../../electron/core/signing/keys/secrets.js';
import { getScheme, listSchemes } from '../../../electron/core/signing/schemes/registry.js';
import { objectKey, type SigningKey, secretKey } from '../../../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../../../electron/core/signing/verify.js';
import { SCHEME_IDS } from '../../../shared/contract/signing.js';
import { INSTAFILL_BODY, instntBody, nowSec, rsaPair } from './fixtures.js';

const rsa = rsaPair();
const ed = generateKeyPairSync('ed25519');
const stripeSecret = secretKey(generateSecret('stripe'));

/** A signing key and the matching verifying key for each scheme. */
const KEYS: Record<(typeof SCHEME_IDS)[number], { sign: SigningKey; verify: SigningKey }[]> = {
  'instafill-hmac': [{ sign: secretKey('s3cret'), verify: secretKey('s3cret') }],
  github: [
    { sign: secretKey("It's a Secret to Everybody"), verify: secretKey("It's a Secret to Everybody") },
  ],
  stripe: [{ sign: stripeSecret, verify: stripeSecret }],
  'instnt-rsa': [{ sign: objectKey(rsa.privateKey), verify: objectKey(rsa.publicKey) }],
  'standard-webhooks': [
    {
      sign: secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'),
      verify: secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'),
    },
    { sign: objectKey(ed.privateKey), verify: objectKey(ed.publicKey) },
    { sign: secretKey(toWhsk(ed.privateKey)), verify: secretKey(toWhpk(ed.publicKey)) },
  ],
};

const bodyFor = (scheme: string) => (scheme === 'instnt-rsa' ? instntBody(nowSec()) : INSTAFILL_BODY);

describe('scheme registry', () => {
  it('has every scheme of the contract', () => {
    expect(listSchemes().map((s) => s.id)).toEqual([...SCHEME_IDS]);
  });
  it('rejects an unknown scheme with the list of known ones', () => {
    expect(() => getScheme('hmac-md5')).toThrow(
      /unknown signature scheme "hmac-md5"; use one of instafill-hmac/,
    );
  });
});

describe.each(SCHEME_IDS)('%s round trip', (scheme) => {
  for (const [i, pair] of KEYS[scheme].entries()) {
    it(`signs and verifies (key ${i + 1})`, () => {
      const body = bodyFor(scheme);
      const headers = signWebhook(scheme, body, pair.sign, { event: 'form.completed' });
      const report = verifyWebhook(scheme, body, headers, pair.verify);
      expect(report).toMatchObject({ valid: true, scheme, diagnosis: [] });
      expect(report.summary).toMatch(/^valid/);
    });
    it(`rejects a changed body (key ${i + 1})`, () => {
      const body = bodyFor(scheme);
      const headers = signWebhook(scheme, body, pair.sign);
      const tampered = Buffer.from(body);
      tampered.writeUInt8(tampered.readUInt8(tampered.length - 3) ^ 1, tampered.length - 3);
      const report = verifyWebhook(scheme, tampered, headers, pair.verify);
      expect(report.valid).toBe(false);
      expect(report.diagnosis.length).toBeGreaterThan(0);
    });
  }
  it('accepts headers in any case and as [name, value] pairs', () => {
    const [pair] = KEYS[scheme];
    const body = bodyFor(scheme);
    const headers = signWebhook(scheme, body, pair!.sign);
    const pairs = Object.entries(headers).map(([n, v]) => [n.toUpperCase(), v] as [string, string]);
    expect(verifyWebhook(scheme, body, pairs, pair!.verify).valid).toBe(true);
  });
});

describe('sign options', () => {
  it('uses the given id and timestamp for standard-webhooks', () => {
    const headers = signWebhook('standard-webhooks', INSTAFILL_BODY, KEYS['standard-webhooks'][0]!.sign, {
      id: 'msg_1',
      timestamp: 1_700_000_000,
    });
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe('1700000000');
  });
  it('reads the Instafill event header from the body when not given', () => {
    const headers = signWebhook('instafill-hmac', INSTAFILL_BODY, secretKey('k'));
    expect(headers['X-Instafill-Event']).toBe('form.completed');
  });
  it('adds GitHub event and delivery headers', () => {
    const headers = signWebhook('github', INSTAFILL_BODY, secretKey('k'), { event: 'push' });
    expect(headers['X-GitHub-Event']).toBe('push');
    expect(headers['X-GitHub-Delivery']).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('refuses an event or id that would break the header', () => {
    expect(() =>
      signWebhook('instafill-hmac', INSTAFILL_BODY, secretKey('k'), { event: 'a\r\nX-Evil: 1' }),
    ).toThrow(/printable ASCII/);
    expect(() =>
      signWebhook('standard-webhooks', INSTAFILL_BODY, KEYS['standard-webhooks'][0]!.sign, { id: 'a b' }),
    ).toThrow(/printable ASCII/);
  });
  it('signs with several keys for rotation and verifies with either', () => {
    const old = secretKey(generateSecret('standard-webhooks'));
    const current = objectKey(ed.privateKey);
    const headers = signWebhook('standard-webhooks', INSTAFILL_BODY, [old, current]);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1a,\S+$/);
    expect(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, old).summary).toBe(
      'valid (v1 (1 of 2))',
    );
    expect(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, objectKey(ed.publicKey)).summary).toBe(
      'valid (v1a (2 of 2))',
    );
  });
  it('refuses several keys where the scheme carries one signature', () => {
    expect(() => signWebhook('github', INSTAFILL_BODY, [secretKey('a'), secretKey('b')])).toThrow(
      /exactly one key/,
    );
  });
});

describe('timestamps', () => {
  const secret = secretKey(generateSecret('standard-webhooks'));
  it('accepts within the tolerance and rejects outside, both directions', () => {
    const t = nowSec();
    for (const [offset, valid] of [
      [-299, true],
      [299, true],
      [-301, false],
      [301, false],
    ] as const) {
      const headers = signWebhook('standard-webhooks', INSTAFILL_BODY, secret, { timestamp: t + offset });
      expect(
        verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secret, { now: t * 1000 }).valid,
      ).toBe(valid);
    }
  });
  it('tolerance 0 switches the check off', () => {
    const headers = signWebhook('stripe', INSTAFILL_BODY, secretKey('whsec_x'), { timestamp: 1 });
    expect(
      verifyWebhook('stripe', INSTAFILL_BODY, headers, secretKey('whsec_x'), { toleranceSec: 0 }).valid,
    ).toBe(true);
  });
  it('reports signedAt and skew', () => {
    const headers = signWebhook('stripe', INSTAFILL_BODY, secretKey('whsec_x'), { timestamp: 1_000 });
    const report = verifyWebhook('stripe', INSTAFILL_BODY, headers, secretKey('whsec_x'), { now: 1_060_000 });
    expect(report).toMatchObject({ valid: true, signedAt: 1000, skewSec: 60 });
  });
  it('enforces the Instnt payload timestamp', () => {
    const t = nowSec();
    const body = instntBody(t - 3600);
    const headers = signWebhook('instnt-rsa', body, objectKey(rsa.privateKey));
    const report = verifyWebhook('instnt-rsa', body, headers, objectKey(rsa.publicKey), { now: t * 1000 });
    expect(report.valid).toBe(false);
    expect(report.diagnosis.map((d) => d.code)).toEqual(['timestamp_outside_tolerance']);
    expect(report.skewSec).toBe(3600);
    expect(
      verifyWebhook('instnt-rsa', body, headers, objectKey(rsa.publicKey), { toleranceSec: 7200 }).valid,
    ).toBe(true);
  });
  it('reads Instnt timestamps as seconds, milliseconds or ISO dates, and ignores others', () => {
    const t = nowSec();
    for (const created of [t, t * 1000, new Date(t * 1000).toISOString(), 'yesterday']) {
      const body = Buffer.from(JSON.stringify({ id: 'evt_1', created }));
      const headers = signWebhook('instnt-rsa', body, objectKey(rsa.privateKey));
      expect(verifyWebhook('instnt-rsa', body, headers, objectKey(rsa.publicKey)).valid).toBe(true);
    }
  });
});
