/**
 * Reading and writing PEM keys with node:crypto: PKCS#1 and PKCS#8 private keys, SPKI and PKCS#1 public
 * keys, and the public key inside an X.509 certificate. Errors say what the text is and what to do.
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { KeyFormatError, KeyKindError } from '../errors.js';

export type PemFormat = 'pkcs1' | 'pkcs8' | 'spki' | 'x509';
export type KeyAlgorithm = 'rsa' | 'ed25519';

export interface ParsedPem {
  key: KeyObject;
  /** Whether the PEM held a private key (its public half is derivable). */
  isPrivate: boolean;
  format: PemFormat;
  algorithm: KeyAlgorithm;
  label: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

const FORMAT_BY_LABEL: Record<string, { format: PemFormat; isPrivate: boolean }> = {
  'RSA PRIVATE KEY': { format: 'pkcs1', isPrivate: true },
  'PRIVATE KEY': { format: 'pkcs8', isPrivate: true },
  'PUBLIC KEY': { format: 'spki', isPrivate: false },
  'RSA PUBLIC KEY': { format: 'pkcs1', isPrivate: false },
  CERTIFICATE: { format: 'x509', isPrivate: false },
};

/** Names the algorithm or explains why the key is of no use here. */
export function keyAlgorithm(key: KeyObject): KeyAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'rsa' || type === 'ed25519') return type;
  throw new KeyKindError(
    `this is a${type === 'ec' ? 'n EC' : ` ${type ?? 'symmetric'}`} key; Hookscope's schemes use RSA (instnt-rsa) or ed25519 (standard-webhooks v1a) keys`,
  );
}

/** Parses the first key (or certificate) block in `pem`. */
export function parsePem(pem: string): ParsedPem {
  const blocks = [...pem.matchAll(BLOCK)];
  if (blocks.length === 0) {
    throw new KeyFormatError(
      pem.includes('-----BEGIN')
        ? 'the PEM block is not closed: expected a matching "-----END …-----" line (was the text cut off?)'
        : 'not a PEM key: expected text starting with "-----BEGIN PUBLIC KEY-----" or "-----BEGIN PRIVATE KEY-----"',
    );
  }
  const block = blocks.find((b) => (b[1] ?? '') in FORMAT_BY_LABEL) ?? blocks[0]!;
  const label = block[1] ?? '';
  const text = block[0];
  if (label === 'ENCRYPTED PRIVATE KEY' || text.includes('Proc-Type: 4,ENCRYPTED')) {
    throw new KeyFormatError(
      'the private key is encrypted with a passphrase; decrypt it first, e.g. `openssl pkey -in key.pem -out plain.pem`',
    );
  }
  const kind = FORMAT_BY_LABEL[label];
  if (!kind) {
    throw new KeyFormatError(
      `a "${label}" PEM block is not a key Hookscope can use; give a PUBLIC KEY, PRIVATE KEY, RSA PRIVATE KEY, RSA PUBLIC KEY or CERTIFICATE block`,
    );
  }
  let key: KeyObject;
  try {
    if (kind.format === 'x509') key = new X509Certificate(text).publicKey;
    else key = kind.isPrivate ? createPrivateKey(text) : createPublicKey(text);
  } catch (err) {
    throw new KeyFormatError(
      `the "${label}" PEM block is damaged and does not decode (${(err as Error).message}); copy the whole block again`,
    );
  }
  return { key, isPrivate: kind.isPrivate, format: kind.format, algorithm: keyAlgorithm(key), label };
}

/** The public half of a key; public keys come back unchanged. */
export const publicOf = (key: KeyObject): KeyObject => (key.type === 'private' ? createPublicKey(key) : key);

export type PublicPemFormat = 'spki' | 'pkcs1';
export type PrivatePemFormat = 'pkcs8' | 'pkcs1';

export function exportPublicPem(key: KeyObject, format: PublicPemFormat = 'spki'): string {
  if (format === 'pkcs1' && keyAlgorithm(key) !== 'rsa')
    throw new KeyKindError('PKCS#1 is for RSA keys only; use SPKI');
  return publicOf(key).export({ type: format, format: 'pem' }).toString();
}

export function exportPrivatePem(key: KeyObject, format: PrivatePemFormat = 'pkcs8'): string {
  if (key.type !== 'private')
    throw new KeyKindError('this is a public key; there is no private key to export');
  if (format === 'pkcs1' && keyAlgorithm(key) !== 'rsa')
    throw new KeyKindError('PKCS#1 is for RSA keys only; use PKCS#8');
  return key.export({ type: format, format: 'pem' }).toString();
}

/** Size in bits for RSA keys; undefined for ed25519 (always 256). */
export const rsaBits = (key: KeyObject): number | undefined => key.asymmetricKeyDetails?.modulusLength;
