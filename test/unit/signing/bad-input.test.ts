/** Bad input of every kind gives a clear error or a clear "invalid", never a crash. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyFormatError, KeyKindError } from '../../../electron/core/signing/errors.js';
import { parsePem } from '../../../electron/core/signing/keys/pem.js';
import { generateSecret } from '../../../electron/core/signing/keys/secrets.js';
import { objectKey, pemKey, type SigningKey, secretKey } from '../../../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../../../electron/core/signing/verify.js';
import { SCHEME_IDS, type SchemeId } from '../../../shared/contract/signing.js';
import { ValidationError } from '../../../shared/errors.js';
import { rsaPair } from './fixtures.js';

const rsa = rsaPair();
const ed = generateKeyPairSync('ed25519');
const KEYS: Record<SchemeId, { sign: SigningKey; verify: SigningKey }> = {
  'instafill-hmac': { sign: secretKey('s'), verify: secretKey('s') },
  github: { sign: secretKey('s'), verify: secretKey('s') },
  stripe: { sign: secretKey('whsec_s'), verify: secretKey('whsec_s') },
  'instnt-rsa': { sign: objectKey(rsa.privateKey), verify: objectKey(rsa.publicKey) },
  'standard-webhooks': { sign: objectKey(ed.privateKey), verify: objectKey(ed.publicKey) },
};
const SW_SECRET = secretKey(generateSecret('standard-webhooks'));

describe('PEM input', () => {
  const cases: [string, string, RegExp][] = [
    ['plain garbage', 'hello', /not a PEM key: expected text starting with "-----BEGIN PUBLIC KEY-----"/],
    ['an unterminated block', '-----BEGIN PUBLIC KEY-----\nMIIB', /not closed/],
    [
      'a damaged body',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      /damaged and does not decode/,
    ],
    [
      'a CSR',
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
      /"CERTIFICATE REQUEST" PEM block is not a key/,
    ],
    [
      'an encrypted key',
      rsa.privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
        .toString(),
      /encrypted with a passphrase; decrypt it first/,
    ],
    [
      'an EC key',
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      /this is an EC key; Hookscope's schemes use RSA/,
    ],
  ];
  it.each(cases)('rejects %s with a message to act on', (_label, pem, message) => {
    expect(() => parsePem(pem)).toThrow(message);
    expect(() => parsePem(pem)).toThrow(ValidationError);
  });
  it('reads PKCS#1, PKCS#8 and SPKI, and the public key of a PKCS#1 public PEM', () => {
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const pub1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(parsePem(pkcs1)).toMatchObject({ format: 'pkcs1', isPrivate: true, algorithm: 'rsa' });
    expect(parsePem(rsa.privatePem)).toMatchObject({ format: 'pkcs8', isPrivate: true });
    expect(parsePem(rsa.publicPem)).toMatchObject({ format: 'spki', isPrivate: false });
    expect(parsePem(pub1)).toMatchObject({ format: 'pkcs1', isPrivate: false });
    expect(parsePem(`some text before\n${rsa.publicPem}\nand after`).format).toBe('spki');
  });
  it('says which key the scheme needs when given the wrong kind', () => {
    const body = Buffer.from('{}');
    expect(() => signWebhook('instnt-rsa', body, secretKey('s'))).toThrow(
      /instnt-rsa needs an RSA key \(PEM\), not an HMAC secret/,
    );
    expect(() => signWebhook('instnt-rsa', body, objectKey(ed.privateKey))).toThrow(
      /needs an RSA key; this is an ED25519 key/,
    );
    expect(() => signWebhook('instnt-rsa', body, pemKey(rsa.publicPem))).toThrow(
      /needs the private key to sign/,
    );
    expect(() => signWebhook('github', body, objectKey(rsa.privateKey))).toThrow(KeyKindError);
    expect(() => verifyWebhook('instafill-hmac', body, {}, objectKey(rsa.publicKey))).toThrow(
      /HMAC secret \(text\), not an RSA public key/,
    );
    expect(() => signWebhook('standard-webhooks', body, objectKey(rsa.privateKey))).toThrow(
      /needs an ED25519 key; this is an RSA key/,
    );
  });
  it('rejects unusable secrets', () => {
    expect(() => secretKey('')).toThrow(KeyFormatError);
    expect(() => signWebhook('standard-webhooks', Buffer.from('{}'), secretKey('not base64!'))).toThrow(
      /whsec_ followed by base64/,
    );
    expect(() => signWebhook('standard-webhooks', Buffer.from('{}'), secretKey('whsec_abc=\n'))).toThrow(
      /whitespace or a newline/,
    );
    expect(() => signWebhook('standard-webhooks', Buffer.from('{}'), secretKey('whsk_short'))).toThrow(
      /base64 of 32 bytes/,
    );
  });
});

describe.each(SCHEME_IDS)('%s with unusual bodies', (scheme) => {
  const { sign, verify } = KEYS[scheme];
  const bodies: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['binary', randomBytes(4096)],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])],
    ['a BOM and CRLF', Buffer.from('\ufeff{"a":1}\r\n')],
  ];
  it.each(bodies)('round-trips a %s body byte for byte', (_label, body) => {
    expect(verifyWebhook(scheme, body, signWebhook(scheme, body, sign), verify).valid).toBe(true);
  });
  it.each(bodies)('diagnoses a %s body signed for other bytes without crashing', (_label, body) => {
    const headers = signWebhook(scheme, Buffer.concat([body, Buffer.from('x')]), sign);
    const report = verifyWebhook(scheme, body, headers, verify);
    expect(report.valid).toBe(false);
    expect(report.diagnosis.length).toBeGreaterThan(0);
  });
});

describe('a 20 MB body', () => {
  const big = Buffer.alloc(20 * 1024 * 1024, '{"k":"v"}');
  it.each(SCHEME_IDS)('%s signs and verifies it, and the doctor skips the costly guesses', (scheme) => {
    const { sign, verify } = KEYS[scheme];
    const headers = signWebhook(scheme, big, sign);
    expect(verifyWebhook(scheme, big, headers, verify).valid).toBe(true);
    const started = Date.now();
    const report = verifyWebhook(scheme, big.subarray(1), headers, verify);
    expect(report.valid).toBe(false);
    expect(JSON.stringify(report.diagnosis)).toMatch(/over 256 KiB, so re-serialisations were not tried/);
    if (scheme !== 'instnt-rsa')
      expect(JSON.stringify(report.diagnosis)).toMatch(/stopped after hashing 32 MiB \(its work limit\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('garbage signature headers', () => {
  const junk = [
    '',
    ' ',
    ',',
    '=',
    'sha256=',
    'v1,',
    'v1a,',
    't=,v1=',
    't=abc,v1=zz',
    'v1,!!!! v1a,@@@@',
    '\u00e9\u4e2d\ud83d\ude00',
    'A'.repeat(16 * 1024),
    Buffer.from(randomBytes(300)).toString('latin1'),
    'sha256=sha256=sha256=',
    `t=${'9'.repeat(30)},v1=${'a'.repeat(64)}`,
  ];
  const names = [
    'X-Instafill-Signature',
    'Instnt-Signature',
    'webhook-signature',
    'Stripe-Signature',
    'X-Hub-Signature-256',
  ];
  it.each(SCHEME_IDS)('%s answers "invalid" with a diagnosis for every value', (scheme) => {
    const verify = scheme === 'standard-webhooks' ? SW_SECRET : KEYS[scheme].verify;
    for (const value of junk) {
      for (const headers of [
        Object.fromEntries(names.map((n) => [n, value])),
        { 'webhook-id': value, 'webhook-timestamp': value, 'webhook-signature': value },
        [[value.slice(0, 40) || 'x', value]] as [string, string][],
      ]) {
        const report = verifyWebhook(scheme, Buffer.from('{"a":1}'), headers, verify);
        expect(report.valid).toBe(false);
        expect(report.diagnosis.length).toBeGreaterThan(0);
        expect(report.summary.length).toBeGreaterThan(0);
      }
    }
  });
});
