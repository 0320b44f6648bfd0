/**
 * Interoperability with the providers' own example code, re-expressed independently with node:crypto, and
 * the published test vectors (Standard Webhooks' library tests, GitHub's docs).
 */
import {
  createHash,
  createHmac,
  createSign,
  createVerify,
  sign as rsaSign,
  timingSafeEqual,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateKeyFromWhsk } from '../../../electron/core/signing/keys/ed25519-raw.js';
import { objectKey, pemKey, secretKey } from '../../../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../../../electron/core/signing/verify.js';
import { INSTAFILL_BODY, instntBody, nowSec, rsaPair } from './fixtures.js';

describe("Instafill: the seed's Python examples", () => {
  const secret = 'your_webhook_secret';
  const payload = INSTAFILL_BODY.toString('utf8');

  // def verify_webhook(payload, signature, secret):
  //     expected = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
  //     return hmac.compare_digest(f"sha256={expected}", signature)
  const pythonVerifyWebhook = (p: string, signature: string, s: string): boolean => {
    const expected = createHmac('sha256', Buffer.from(s, 'utf8'))
      .update(Buffer.from(p, 'utf8'))
      .digest('hex');
    const a = Buffer.from(`sha256=${expected}`);
    const b = Buffer.from(signature);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  // expected_sig = f"sha256={hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()}"  (payload = request.body, bytes)
  const pythonExpectedSig = (body: Buffer, s: string): string =>
    `sha256=${createHmac('sha256', Buffer.from(s, 'utf8')).update(body).digest('hex')}`;

  it('the Python verifier accepts what we send', () => {
    const headers = signWebhook('instafill-hmac', INSTAFILL_BODY, secretKey(secret));
    const signature = headers['X-Instafill-Signature']!;
    expect(pythonVerifyWebhook(payload, signature, secret)).toBe(true);
    expect(signature).toBe(pythonExpectedSig(INSTAFILL_BODY, secret));
  });
  it('we accept what the Python code computes', () => {
    const headers = { 'X-Instafill-Signature': pythonExpectedSig(INSTAFILL_BODY, secret) };
    expect(verifyWebhook('instafill-hmac', INSTAFILL_BODY, headers, secretKey(secret)).valid).toBe(true);
  });
});

describe("Instnt: the seed's verifiers", () => {
  const keys = rsaPair();

  // The seed's TypeScript verifier, as published (logging removed), with the key passed in.
  const verify_signature = (payload: string, signature: string, public_key: string): boolean => {
    const hash = createHash('sha256').update(payload).digest().toString('base64');
    return createVerify('RSA-SHA256').update(hash, 'base64').verify(public_key, signature, 'base64');
  };
  // The seed's Python verifier: PKCS1_v1_5.new(key).verify(SHA256.new(sha256(payload).digest()), signature)
  // = RSASSA-PKCS1-v1_5 over SHA-256 of the digest bytes.
  const pythonVerify = (payload: Buffer, signatureB64: string): boolean =>
    createVerify('sha256')
      .update(createHash('sha256').update(payload).digest())
      .verify(keys.publicPem, Buffer.from(signatureB64, 'base64'));

  it('both verifiers accept what we send', () => {
    const body = instntBody(nowSec());
    const signature = signWebhook('instnt-rsa', body, objectKey(keys.privateKey))['Instnt-Signature']!;
    expect(verify_signature(body.toString('utf8'), signature, keys.publicPem)).toBe(true);
    expect(pythonVerify(body, signature)).toBe(true);
  });
  it('we accept a signature made the way their verifiers expect', () => {
    const body = instntBody(nowSec());
    const hash = createHash('sha256').update(body).digest().toString('base64');
    const viaSigner = createSign('RSA-SHA256').update(hash, 'base64').sign(keys.privatePem, 'base64');
    const viaPython = rsaSign('sha256', createHash('sha256').update(body).digest(), keys.privateKey).toString(
      'base64',
    );
    for (const signature of [viaSigner, viaPython]) {
      expect(
        verifyWebhook('instnt-rsa', body, { 'Instnt-Signature': signature }, pemKey(keys.publicPem)).valid,
      ).toBe(true);
    }
  });
  it('their verifier rejects a single-hash signature, and so do we', () => {
    const body = instntBody(nowSec());
    const single = createSign('RSA-SHA256').update(body).sign(keys.privatePem, 'base64');
    expect(verify_signature(body.toString('utf8'), single, keys.publicPem)).toBe(false);
    expect(
      verifyWebhook('instnt-rsa', body, { 'Instnt-Signature': single }, pemKey(keys.publicPem)).valid,
    ).toBe(false);
  });
});

describe('Standard Webhooks published vectors', () => {
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = Buffer.from('{"test": 2432232314}');
  const headersWith = (signature: string) => ({
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  });

  it('v1 (HMAC): whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', () => {
    const key = secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
    expect(signWebhook('standard-webhooks', body, key, { id, timestamp })['webhook-signature']).toBe(
      expected,
    );
    const report = verifyWebhook('standard-webhooks', body, headersWith(expected), key, {
      now: timestamp * 1000,
    });
    expect(report.valid).toBe(true);
    // The libraries accept the secret without its prefix too.
    expect(
      verifyWebhook(
        'standard-webhooks',
        body,
        headersWith(expected),
        secretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'),
        { now: timestamp * 1000 },
      ).valid,
    ).toBe(true);
  });
  it("v1a (ed25519): the Go library's signing vector", () => {
    const key = privateKeyFromWhsk('whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=');
    const expected =
      'v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5WqyeFiL8Ag==';
    expect(
      signWebhook('standard-webhooks', body, objectKey(key), { id, timestamp })['webhook-signature'],
    ).toBe(expected);
    expect(
      verifyWebhook('standard-webhooks', body, headersWith(expected), objectKey(key), {
        now: timestamp * 1000,
      }).valid,
    ).toBe(true);
  });
  it("accepts one valid signature among several (the libraries' multi-signature case)", () => {
    const key = secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const signature = [
      'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
      'v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
    ].join(' ');
    const report = verifyWebhook('standard-webhooks', body, headersWith(signature), key, {
      now: timestamp * 1000,
    });
    expect(report).toMatchObject({ valid: true, summary: 'valid (v1 (3 of 4))' });
  });
});

describe('GitHub and Stripe', () => {
  it('GitHub\'s documented example: "It\'s a Secret to Everybody" / "Hello, World!"', () => {
    const body = Buffer.from('Hello, World!');
    const expected = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    const key = secretKey("It's a Secret to Everybody");
    expect(signWebhook('github', body, key)['X-Hub-Signature-256']).toBe(expected);
    expect(verifyWebhook('github', body, { 'x-hub-signature-256': expected }, key).valid).toBe(true);
  });
  it('Stripe: HMAC of "t.body" with the whole whsec_ string as key, written as Stripe documents', () => {
    const secret = 'whsec_test_secret';
    const t = nowSec();
    const v1 = createHmac('sha256', secret).update(`${t}.${INSTAFILL_BODY.toString()}`).digest('hex');
    const header = `t=${t},v1=${v1},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39`;
    expect(
      verifyWebhook('stripe', INSTAFILL_BODY, { 'Stripe-Signature': header }, secretKey(secret)).valid,
    ).toBe(true);
    expect(
      signWebhook('stripe', INSTAFILL_BODY, secretKey(secret), { timestamp: t })['Stripe-Signature'],
    ).toBe(`t=${t},v1=${v1}`);
  });
});
