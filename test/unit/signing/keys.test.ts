import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeCertificate,
  generateSelfSignedCertificate,
} from '../../../electron/core/signing/forge/certificate.js';
import { openRsaSignature } from '../../../electron/core/signing/forge/digest-info.js';
import { describePem } from '../../../electron/core/signing/forge/pem-info.js';
import { privateKeyFromWhsk, toWhpk, toWhsk } from '../../../electron/core/signing/keys/ed25519-raw.js';
import { keyFingerprint } from '../../../electron/core/signing/keys/fingerprint.js';
import { KeyService } from '../../../electron/core/signing/keys/key-service.js';
import type { KeysStoreShape } from '../../../electron/core/signing/keys/stored-key.js';
import { objectKey } from '../../../electron/core/signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../../../electron/core/signing/verify.js';
import type { SecretBox } from '../../../electron/core/store/types.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';
import { instntBody, nowSec, rsaPair } from './fixtures.js';

/** Marks sealed values so the test can tell sealing happened (the real desktop box encrypts). */
const box: SecretBox = {
  kind: 'encrypted',
  seal: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`,
  open: (sealed) => Buffer.from(sealed.replace(/^sealed:/, ''), 'base64').toString(),
};

let tmp: ReturnType<typeof tempDir>;
let store: Conf<KeysStoreShape>;
let keys: KeyService;
const open = () =>
  new Conf<KeysStoreShape>({
    cwd: tmp.dir,
    configName: 'keys',
    projectVersion: '0.1.0',
    defaults: { keys: [] },
  });

beforeEach(() => {
  tmp = tempDir();
  store = open();
  keys = new KeyService({ store, box, now: () => Date.parse('2024-02-16T10:30:00Z') });
});
afterEach(() => tmp.remove());

describe('KeyService', () => {
  it('generates RSA 2048/3072, ed25519 and HMAC keys, with ids, names and fingerprints', async () => {
    const r2048 = await keys.create({ type: 'rsa', name: 'instnt sandbox', scheme: 'instnt-rsa' });
    const r3072 = await keys.create({ type: 'rsa', bits: 3072 });
    const ed = await keys.create({ type: 'ed25519', scheme: 'standard-webhooks' });
    const hmac = await keys.create({ type: 'hmac', scheme: 'standard-webhooks', name: 'sw' });
    expect(r2048).toMatchObject({
      type: 'rsa',
      bits: 2048,
      name: 'instnt sandbox',
      scheme: 'instnt-rsa',
      origin: 'generated',
      hasPrivate: true,
    });
    expect(r3072).toMatchObject({
      bits: 3072,
      name: 'RSA 3072 2024-02-16 10:30',
      createdAt: '2024-02-16T10:30:00.000Z',
    });
    expect(ed.whpk).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(hmac).toMatchObject({ type: 'hmac', hasPrivate: true });
    expect(hmac.secret).toBeUndefined();
    for (const k of [r2048, r3072, ed, hmac]) expect(k.id).toMatch(/^key_[0-9a-f]{16}$/);
    expect(r2048.fingerprint).toBe(keyFingerprint(createPublicKey(r2048.publicKeyPem!)));
    expect(r2048.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(keys.list().map((k) => k.id)).toEqual([r2048.id, r3072.id, ed.id, hmac.id]);
    expect(keys.get(hmac.id, { reveal: true }).secret).toMatch(/^whsec_/);
  });
  it('generates RSA 4096', async () => {
    expect((await keys.generate({ type: 'rsa', bits: 4096 })).bits).toBe(4096);
  }, 60_000);
  it('seals private material and persists across instances', async () => {
    const rsa = await keys.create({ type: 'rsa' });
    const hmac = await keys.create({ secret: 'plain-text-secret-123', name: 'instafill' });
    const file = readFileSync(store.path, 'utf8');
    expect(file).not.toContain('plain-text-secret-123');
    expect(file).not.toContain('PRIVATE KEY');
    expect(file).toContain('sealed:');
    const again = new KeyService({ store: open(), box });
    expect(again.get(hmac.id, { reveal: true }).secret).toBe('plain-text-secret-123');
    const body = instntBody(nowSec());
    const headers = signWebhook('instnt-rsa', body, again.signingKey(rsa.id));
    expect(verifyWebhook('instnt-rsa', body, headers, again.verifyingKey(rsa.id)).valid).toBe(true);
    expect(statSync(store.path).isFile()).toBe(true);
  });
  it('imports PKCS#1, PKCS#8 and SPKI PEM; public-only keys verify but cannot sign', () => {
    const pair = rsaPair();
    const pkcs1 = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const priv = keys.create({ pem: pkcs1, name: 'from pkcs1' });
    return priv.then((info) => {
      expect(info).toMatchObject({ type: 'rsa', bits: 2048, origin: 'imported', hasPrivate: true });
      expect(keys.privateKeyPem(info.id, 'pkcs1')).toBe(pkcs1);
      expect(keys.privateKeyPem(info.id)).toBe(pair.privatePem);
      expect(keys.publicKeyPem(info.id)).toBe(pair.publicPem);
      expect(() => keys.importPem(pair.publicPem, 'dup')).toThrow(ConflictError);
      keys.delete(info.id);
      const pub = keys.importPem(pair.publicPem, 'instnt public');
      expect(pub.hasPrivate).toBe(false);
      expect(() => keys.signingKey(pub.id)).toThrow(/public key only; import its private key to sign/);
      expect(keys.publicKeyPem(pub.id, 'pkcs1')).toContain('BEGIN RSA PUBLIC KEY');
    });
  });
  it('imports whsk_/whpk_ keys and HMAC secrets', () => {
    const ed = generateKeyPairSync('ed25519');
    const sk = keys.importSecret(toWhsk(ed.privateKey), 'sw signer');
    expect(sk).toMatchObject({
      type: 'ed25519',
      scheme: 'standard-webhooks',
      hasPrivate: true,
      whpk: toWhpk(ed.publicKey),
    });
    expect(toWhsk(privateKeyFromWhsk(toWhsk(ed.privateKey)))).toBe(toWhsk(ed.privateKey));
    expect(() => keys.importSecret('s', 'rsa secret', 'instnt-rsa')).toThrow(
      /instnt-rsa does not use HMAC secrets/,
    );
  });
  it('refuses mismatched type and scheme, and unknown ids', async () => {
    await expect(keys.create({ type: 'rsa', scheme: 'github' })).rejects.toThrow(
      /github does not use rsa keys; it uses hmac/,
    );
    await expect(keys.generate({ type: 'ed25519', bits: 2048 })).rejects.toThrow(
      /bits applies to RSA keys only/,
    );
    await expect(keys.generate({ type: 'rsa', bits: 1024 })).rejects.toThrow(
      /2048, 3072, 4096 bits; 1024 is not offered/,
    );
    expect(() => keys.get('key_missing')).toThrow(NotFoundError);
    expect(() => keys.delete('key_missing')).toThrow(/key "key_missing" does not exist/);
    const hmac = await keys.create({ type: 'hmac' });
    expect(() => keys.publicKeyPem(hmac.id)).toThrow(/HMAC secret; it has no public key/);
  });
});

describe('node-forge: certificate, PEM reading, DigestInfo', () => {
  it('makes a self-signed certificate for localhost, 127.0.0.1 and ::1', async () => {
    const now = Date.parse('2024-02-16T10:30:00Z');
    const cert = await generateSelfSignedCertificate({ now });
    const x509 = new X509Certificate(cert.pem);
    expect(cert.sans).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('::1')).toBe('::1');
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.equals(createPublicKey(cert.keyPem))).toBe(true);
    expect(cert.fingerprint).toBe(x509.fingerprint256);
    expect(cert.notAfter).toBe('2025-02-15T10:30:00.000Z');
    expect(describeCertificate(cert.pem)).toEqual({
      pem: cert.pem,
      fingerprint: cert.fingerprint,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      sans: cert.sans,
    });
    const info = describePem(cert.pem);
    expect(info).toMatchObject({
      kind: 'certificate',
      algorithm: 'rsa',
      bits: 2048,
      certificateFingerprint: cert.fingerprint,
    });
    expect(info.subject).toContain('CN=Hookscope local receiver');
    expect(info.outline[0]).toBe('SEQUENCE (3)');
  });
  it('describes keys for people, including an ASN.1 outline', () => {
    const pair = rsaPair();
    const info = describePem(pair.publicPem);
    expect(info).toMatchObject({ kind: 'public-key', format: 'spki', algorithm: 'rsa', bits: 2048 });
    expect(info.outline.join('\n')).toContain('OBJECT IDENTIFIER 1.2.840.113549.1.1.1 (rsaEncryption)');
    expect(() => describeCertificate('nope')).toThrow(/not a readable X.509 certificate/);
  });
  it('opens an RSA signature to its DigestInfo, and says why it cannot', () => {
    const pair = rsaPair();
    const body = instntBody(nowSec());
    const sig = Buffer.from(
      signWebhook('instnt-rsa', body, objectKey(pair.privateKey))['Instnt-Signature']!,
      'base64',
    );
    const opened = openRsaSignature(sig, pair.publicKey);
    expect(opened).toMatchObject({ ok: true, algorithm: 'sha256', oid: '2.16.840.1.101.3.4.2.1' });
    expect(openRsaSignature(sig, rsaPair().publicKey)).toMatchObject({ ok: false, reason: 'padding' });
    expect(openRsaSignature(Buffer.alloc(256, 0xff), pair.publicKey).ok).toBe(false);
  });
});
