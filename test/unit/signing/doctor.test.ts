/** Every diagnosis the doctor can make, each triggered by a crafted mistake. */
import { createHash, createHmac, createSign, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../../electron/core/signing/keys/secrets.js';
import { objectKey, secretKey } from '../../../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../../../electron/core/signing/verify.js';
import { DIAGNOSIS_CODES, type DiagnosisCode, type VerifyReport } from '../../../shared/contract/signing.js';
import { INSTAFILL_BODY, instntBody, nowSec, rsaPair } from './fixtures.js';

const seen = new Set<DiagnosisCode>();
const codes = (report: VerifyReport): DiagnosisCode[] => {
  expect(report.valid).toBe(false);
  for (const d of report.diagnosis) seen.add(d.code);
  return report.diagnosis.map((d) => d.code);
};
const hex = (key: string | Buffer, ...parts: (string | Buffer)[]) => {
  const mac = createHmac('sha256', key);
  for (const p of parts) mac.update(p);
  return mac.digest();
};

const SECRET = 'instafill-secret';
const PRETTY = Buffer.from(JSON.stringify(JSON.parse(INSTAFILL_BODY.toString()), null, 2));
const instafill = (body: Buffer, header: Record<string, string>, secret = SECRET) =>
  verifyWebhook('instafill-hmac', body, header, secretKey(secret));
const sigOf = (body: Buffer, secret = SECRET) => hex(secret, body).toString('hex');

describe('headers', () => {
  it('header_missing, listing what was there', () => {
    const report = instafill(INSTAFILL_BODY, { 'Content-Type': 'application/json' });
    expect(codes(report)).toEqual(['header_missing']);
    expect(report.diagnosis[0]?.evidence).toEqual({
      expected: 'X-Instafill-Signature',
      present: 'Content-Type',
    });
  });
  it('header_misspelled: X-Instnt-Signature, Instnt_Signature, X-Hub-Signature', () => {
    const { privateKey, publicKey } = rsaPair();
    const body = instntBody(nowSec());
    const signature = signWebhook('instnt-rsa', body, objectKey(privateKey))['Instnt-Signature']!;
    for (const name of ['X-Instnt-Signature', 'Instnt_Signature', 'instnt-signatures']) {
      const report = verifyWebhook('instnt-rsa', body, { [name]: signature }, objectKey(publicKey));
      expect(codes(report)).toEqual(['header_misspelled']);
      expect(report.diagnosis[0]?.evidence).toEqual({ expected: 'Instnt-Signature', found: name });
    }
    const github = verifyWebhook(
      'github',
      INSTAFILL_BODY,
      { 'X-Hub-Signature': `sha256=${sigOf(INSTAFILL_BODY)}` },
      secretKey(SECRET),
    );
    expect(codes(github)).toEqual(['header_misspelled']);
  });
  it('case alone is not a misspelling: header names are case-insensitive', () => {
    expect(
      instafill(INSTAFILL_BODY, { 'x-instafill-signature': `sha256=${sigOf(INSTAFILL_BODY)}` }).valid,
    ).toBe(true);
  });
  it('header_misspelled for Svix-branded Standard Webhooks headers', () => {
    const key = secretKey(generateSecret('standard-webhooks'));
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, key);
    const svix = Object.fromEntries(
      Object.entries(signed).map(([n, v]) => [n.replace('webhook-', 'svix-'), v]),
    );
    const report = verifyWebhook('standard-webhooks', INSTAFILL_BODY, svix, key);
    expect(codes(report)).toEqual(['header_misspelled', 'header_misspelled', 'header_misspelled']);
    expect(report.diagnosis.map((d) => d.evidence?.found)).toEqual([
      'svix-id',
      'svix-timestamp',
      'svix-signature',
    ]);
  });
});

describe('how the signature is written', () => {
  const good = sigOf(INSTAFILL_BODY);
  it('prefix_missing', () => {
    expect(codes(instafill(INSTAFILL_BODY, { 'X-Instafill-Signature': good }))).toEqual(['prefix_missing']);
  });
  it('prefix_extra: doubled, and where the scheme has none', () => {
    expect(codes(instafill(INSTAFILL_BODY, { 'X-Instafill-Signature': `sha256=sha256=${good}` }))).toEqual([
      'prefix_extra',
    ]);
    const { privateKey, publicKey } = rsaPair();
    const body = instntBody(nowSec());
    const sig = signWebhook('instnt-rsa', body, objectKey(privateKey))['Instnt-Signature'];
    const report = verifyWebhook(
      'instnt-rsa',
      body,
      { 'Instnt-Signature': `sha256=${sig}` },
      objectKey(publicKey),
    );
    expect(codes(report)).toEqual(['prefix_extra']);
  });
  it('hex_uppercase', () => {
    expect(
      codes(instafill(INSTAFILL_BODY, { 'X-Instafill-Signature': `sha256=${good.toUpperCase()}` })),
    ).toEqual(['hex_uppercase']);
  });
  it('base64_not_hex', () => {
    const b64 = Buffer.from(good, 'hex').toString('base64');
    expect(codes(instafill(INSTAFILL_BODY, { 'X-Instafill-Signature': `sha256=${b64}` }))).toEqual([
      'base64_not_hex',
    ]);
  });
  it('hex_not_base64 (Standard Webhooks v1 and Instnt)', () => {
    const secret = generateSecret('standard-webhooks');
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, secretKey(secret));
    const b64 = signed['webhook-signature']!.slice(3);
    const headers = { ...signed, 'webhook-signature': `v1,${Buffer.from(b64, 'base64').toString('hex')}` };
    expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secretKey(secret)))).toEqual([
      'hex_not_base64',
    ]);
    const { privateKey, publicKey } = rsaPair();
    const body = instntBody(nowSec());
    const sig = Buffer.from(
      signWebhook('instnt-rsa', body, objectKey(privateKey))['Instnt-Signature']!,
      'base64',
    );
    const report = verifyWebhook(
      'instnt-rsa',
      body,
      { 'Instnt-Signature': sig.toString('hex') },
      objectKey(publicKey),
    );
    expect(codes(report)).toEqual(['hex_not_base64']);
  });
  it('prefix_missing for a Standard Webhooks signature written v1=… or without a version', () => {
    const secret = generateSecret('standard-webhooks');
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, secretKey(secret));
    const b64 = signed['webhook-signature']!.slice(3);
    for (const written of [`v1=${b64}`, b64]) {
      const headers = { ...signed, 'webhook-signature': written };
      expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secretKey(secret)))).toEqual([
        'prefix_missing',
      ]);
    }
  });
  it('signature_malformed: garbage, truncated, or another hash', () => {
    for (const value of ['sha256=zzz', `sha256=${good.slice(0, 40)}`, `sha1=${'a'.repeat(40)}`]) {
      const report = instafill(INSTAFILL_BODY, { 'X-Instafill-Signature': value });
      expect(codes(report)).toEqual(['signature_malformed']);
    }
  });
  it('key_type_mismatch: only v1a signatures, verified with a whsec_ secret', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, objectKey(privateKey));
    const report = verifyWebhook(
      'standard-webhooks',
      INSTAFILL_BODY,
      signed,
      secretKey(generateSecret('standard-webhooks')),
    );
    expect(codes(report)).toEqual(['key_type_mismatch']);
    expect(report.diagnosis[0]?.evidence).toEqual({ present: 'v1a', expected: 'v1' });
  });
});

describe('the secret', () => {
  it("secret_whitespace: a newline in our copy, or in the sender's", () => {
    const ours = instafill(
      INSTAFILL_BODY,
      { 'X-Instafill-Signature': `sha256=${sigOf(INSTAFILL_BODY)}` },
      `${SECRET}\n`,
    );
    expect(codes(ours)).toEqual(['secret_whitespace']);
    expect(ours.diagnosis[0]?.title).toBe('The secret here has stray whitespace');
    const theirs = instafill(INSTAFILL_BODY, {
      'X-Instafill-Signature': `sha256=${sigOf(INSTAFILL_BODY, `${SECRET}\n`)}`,
    });
    expect(codes(theirs)).toEqual(['secret_whitespace']);
    expect(theirs.diagnosis[0]?.title).toBe("The sender's secret has a trailing newline");
  });
  const whsec = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const swHeaders = (mac: Buffer) => ({
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(nowSec()),
    'webhook-signature': `v1,${mac.toString('base64')}`,
  });
  const swContent = (h: Record<string, string>) => `${h['webhook-id']}.${h['webhook-timestamp']}.`;
  it('whsec_used_raw', () => {
    const h = swHeaders(Buffer.alloc(32));
    const headers = {
      ...h,
      'webhook-signature': `v1,${hex(whsec, swContent(h), INSTAFILL_BODY).toString('base64')}`,
    };
    const report = verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secretKey(whsec));
    expect(codes(report)).toEqual(['whsec_used_raw']);
  });
  it('whsec_decoded_wrongly', () => {
    const h = swHeaders(Buffer.alloc(32));
    const wrongKey = Buffer.from(whsec, 'base64');
    const headers = {
      ...h,
      'webhook-signature': `v1,${hex(wrongKey, swContent(h), INSTAFILL_BODY).toString('base64')}`,
    };
    expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secretKey(whsec)))).toEqual([
      'whsec_decoded_wrongly',
    ]);
  });
  it('secret_base64_decoded: a Stripe secret treated like a Standard Webhooks one', () => {
    const t = String(nowSec());
    const decoded = Buffer.from(whsec.slice(6), 'base64');
    const header = `t=${t},v1=${hex(decoded, `${t}.`, INSTAFILL_BODY).toString('hex')}`;
    const report = verifyWebhook('stripe', INSTAFILL_BODY, { 'Stripe-Signature': header }, secretKey(whsec));
    expect(codes(report)).toEqual(['secret_base64_decoded']);
  });
  it('no_match: a different secret, with the expected value to compare', () => {
    const report = instafill(INSTAFILL_BODY, {
      'X-Instafill-Signature': `sha256=${sigOf(INSTAFILL_BODY, 'other')}`,
    });
    expect(codes(report)).toEqual(['no_match']);
    expect(report.computed?.expected).toBe(`sha256=${sigOf(INSTAFILL_BODY)}`);
  });
});

describe('the body and the signed content', () => {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sortKeys(x)]),
          )
        : v;
  const SMALL = Buffer.from('{"event":"form.completed","data":{"city":"Zürich","n":[1,2]}}');
  const cases: [string, Buffer, Buffer][] = [
    ['pretty-printed with 2 spaces', INSTAFILL_BODY, PRETTY],
    [
      'with keys sorted (minified)',
      INSTAFILL_BODY,
      Buffer.from(JSON.stringify(sortKeys(JSON.parse(INSTAFILL_BODY.toString())))),
    ],
    ['with a trailing newline added', INSTAFILL_BODY, Buffer.concat([INSTAFILL_BODY, Buffer.from('\n')])],
    [
      'as Python json.dumps writes it (separators and \\u escapes)',
      SMALL,
      Buffer.from('{"event": "form.completed", "data": {"city": "Z\\u00fcrich", "n": [1, 2]}}'),
    ],
    [
      'as Python json.dumps writes it (", " and ": " separators)',
      SMALL,
      Buffer.from('{"event": "form.completed", "data": {"city": "Zürich", "n": [1, 2]}}'),
    ],
  ];
  it.each(cases)('body_reserialised: the sender signed the body %s', (variant, received, signedBody) => {
    const report = instafill(received, { 'X-Instafill-Signature': `sha256=${sigOf(signedBody)}` });
    expect(codes(report)).toEqual(['body_reserialised']);
    expect(report.diagnosis[0]?.evidence?.variant).toBe(variant);
  });
  it('body_reserialised: CRLF received for an LF body', () => {
    const received = Buffer.from(PRETTY.toString().replace(/\n/g, '\r\n'));
    const report = instafill(received, { 'X-Instafill-Signature': `sha256=${sigOf(PRETTY)}` });
    expect(report.diagnosis[0]?.evidence?.variant).toBe('with CRLF line endings turned into LF');
  });
  it('body_reserialised together with another mistake', () => {
    const report = instafill(INSTAFILL_BODY, {
      'X-Instafill-Signature': `sha256=${sigOf(PRETTY).toUpperCase()}`,
    });
    expect(codes(report)).toEqual(['hex_uppercase', 'body_reserialised']);
  });
  it('body_reserialised for ed25519 (v1a)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signed = signWebhook('standard-webhooks', PRETTY, objectKey(privateKey));
    expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, signed, objectKey(publicKey)))).toEqual([
      'body_reserialised',
    ]);
    const other = generateKeyPairSync('ed25519');
    expect(
      codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, signed, objectKey(other.publicKey))),
    ).toEqual(['no_match']);
  });
  it('signed_content_mismatch: Standard Webhooks HMAC over the body alone; Stripe without "t."', () => {
    const secret = generateSecret('standard-webhooks');
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, secretKey(secret));
    const bodyOnly = hex(Buffer.from(secret.slice(6), 'base64'), INSTAFILL_BODY).toString('base64');
    const headers = { ...signed, 'webhook-signature': `v1,${bodyOnly}` };
    expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secretKey(secret)))).toEqual([
      'signed_content_mismatch',
    ]);
    const stripe = `t=${nowSec()},v1=${hex('whsec_x', INSTAFILL_BODY).toString('hex')}`;
    expect(
      codes(verifyWebhook('stripe', INSTAFILL_BODY, { 'Stripe-Signature': stripe }, secretKey('whsec_x'))),
    ).toEqual(['signed_content_mismatch']);
  });
});

describe('RSA: what the DigestInfo says', () => {
  const keys = rsaPair();
  const body = instntBody(nowSec());
  const digest = createHash('sha256').update(body).digest();
  const verify = (signature: string, key = keys.publicKey) =>
    verifyWebhook('instnt-rsa', body, { 'Instnt-Signature': signature }, objectKey(key));

  it('rsa_single_hash, showing the DigestInfo', () => {
    const report = verify(createSign('RSA-SHA256').update(body).sign(keys.privatePem, 'base64'));
    expect(codes(report)).toEqual(['rsa_single_hash']);
    expect(report.digestInfo).toMatchObject({
      algorithm: 'sha256',
      oid: '2.16.840.1.101.3.4.2.1',
      digestHex: digest.toString('hex'),
    });
    expect(report.digestInfo?.digestOf).toMatch(/hashed once/);
  });
  it("rsa_digest_encoding: the digest's hex text signed", () => {
    const report = verify(
      rsaSign('sha256', Buffer.from(digest.toString('hex')), keys.privateKey).toString('base64'),
    );
    expect(codes(report)).toEqual(['rsa_digest_encoding']);
  });
  it('rsa_digest_algorithm: RSA-SHA512', () => {
    const report = verify(rsaSign('sha512', digest, keys.privateKey).toString('base64'));
    expect(codes(report)).toEqual(['rsa_digest_algorithm']);
    expect(report.digestInfo?.algorithm).toBe('sha512');
  });
  it('rsa_digest_of_other_body: right key, other body', () => {
    const other = rsaSign('sha256', createHash('sha256').update('{"other":true}').digest(), keys.privateKey);
    const report = verify(other.toString('base64'));
    expect(codes(report)).toEqual(['rsa_digest_of_other_body']);
    expect(report.diagnosis[0]?.evidence?.expectedDigest).toBe(
      createHash('sha256').update(digest).digest('hex'),
    );
  });
  it('body_reserialised with the double hash intact', () => {
    const pretty = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    const report = verify(
      rsaSign('sha256', createHash('sha256').update(pretty).digest(), keys.privateKey).toString('base64'),
    );
    expect(codes(report)).toEqual(['body_reserialised']);
    expect(report.digestInfo?.digestOf).toMatch(/what Instnt signs, of the body pretty-printed/);
  });
  it('rsa_wrong_key: no DigestInfo opens', () => {
    const other = rsaPair();
    const report = verify(signWebhook('instnt-rsa', body, objectKey(other.privateKey))['Instnt-Signature']!);
    expect(codes(report)).toEqual(['rsa_wrong_key']);
    expect(report.digestInfo).toBeUndefined();
  });
  it('signature_malformed is not raised for a short signature; it cannot open, so: wrong key', () => {
    const report = verify(Buffer.alloc(128, 1).toString('base64'));
    expect(codes(report)).toEqual(['rsa_wrong_key']);
    expect(report.diagnosis[0]?.evidence?.detail).toMatch(
      /128 bytes; a 2048-bit key makes 256-byte signatures/,
    );
  });
});

describe('the clock', () => {
  const secret = secretKey(generateSecret('standard-webhooks'));
  it('timestamp_outside_tolerance, saying by how much', () => {
    const t = nowSec();
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, secret, { timestamp: t - 412 });
    const report = verifyWebhook('standard-webhooks', INSTAFILL_BODY, signed, secret, { now: t * 1000 });
    expect(codes(report)).toEqual(['timestamp_outside_tolerance']);
    expect(report.summary).toBe('Timestamp 412 s (6 min 52 s) in the past');
    expect(report.diagnosis[0]?.evidence).toMatchObject({ skewSec: '412', toleranceSec: '300' });
  });
  it('timestamp_outside_tolerance in the future, for Stripe', () => {
    const t = nowSec();
    const signed = signWebhook('stripe', INSTAFILL_BODY, secretKey('whsec_a'), { timestamp: t + 3700 });
    const report = verifyWebhook('stripe', INSTAFILL_BODY, signed, secretKey('whsec_a'), { now: t * 1000 });
    expect(report.summary).toBe('Timestamp 3700 s (1 h 1 min 40 s) in the future');
  });
  it('timestamp_malformed', () => {
    const signed = signWebhook('standard-webhooks', INSTAFILL_BODY, secret);
    const headers = { ...signed, 'webhook-timestamp': '2024-02-16T10:30:00Z' };
    expect(codes(verifyWebhook('standard-webhooks', INSTAFILL_BODY, headers, secret))).toContain(
      'timestamp_malformed',
    );
  });
  it('a wrong signature and a skewed clock are both reported, the signature first', () => {
    const t = nowSec();
    const signed = signWebhook(
      'standard-webhooks',
      INSTAFILL_BODY,
      secretKey(generateSecret('standard-webhooks')),
      { timestamp: t - 1000 },
    );
    const report = verifyWebhook('standard-webhooks', INSTAFILL_BODY, signed, secret, { now: t * 1000 });
    expect(codes(report)).toEqual(['no_match', 'timestamp_outside_tolerance']);
  });
});

afterAll(() => {
  // Every code the contract lists must be reachable by some crafted case above.
  expect([...seen].sort()).toEqual([...DIAGNOSIS_CODES].sort());
});
