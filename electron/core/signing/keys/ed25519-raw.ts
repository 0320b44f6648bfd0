/**
 * Standard Webhooks writes ed25519 keys as `whsk_<base64 32-byte seed>` and `whpk_<base64 32-byte public key>`
 * (the reference Go library calls ed25519.NewKeyFromSeed on the decoded secret). node:crypto speaks DER, so
 * we wrap the raw bytes in the fixed PKCS#8 / SPKI prefixes for Ed25519 (RFC 8410).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeStrictBase64 } from '../bytes.js';
import { KeyFormatError, KeyKindError } from '../errors.js';
import { publicOf } from './pem.js';

export const WHSK_PREFIX = 'whsk_';
export const WHPK_PREFIX = 'whpk_';
const ED25519_RAW_BYTES = 32;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawBytes(text: string, prefix: string, what: string): Buffer {
  const bytes = decodeStrictBase64(text.slice(prefix.length));
  if (!bytes || bytes.length !== ED25519_RAW_BYTES) {
    throw new KeyFormatError(
      `${what} must be ${prefix} followed by the base64 of ${ED25519_RAW_BYTES} bytes${/\s/.test(text) ? ' (it contains whitespace or a newline: remove it)' : ''}`,
    );
  }
  return bytes;
}

export const isWhsk = (text: string): boolean => text.startsWith(WHSK_PREFIX);
export const isWhpk = (text: string): boolean => text.startsWith(WHPK_PREFIX);

export function privateKeyFromWhsk(text: string): KeyObject {
  const seed = rawBytes(text, WHSK_PREFIX, 'a Standard Webhooks secret key');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromWhpk(text: string): KeyObject {
  const raw = rawBytes(text, WHPK_PREFIX, 'a Standard Webhooks public key');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeyKindError(
      `whsk_/whpk_ forms exist for ed25519 keys only, not ${key.asymmetricKeyType ?? 'secret'} keys`,
    );
  }
}

export function toWhpk(key: KeyObject): string {
  assertEd25519(key);
  const der = publicOf(key).export({ format: 'der', type: 'spki' });
  return WHPK_PREFIX + der.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

export function toWhsk(key: KeyObject): string {
  assertEd25519(key);
  if (key.type !== 'private') throw new KeyKindError('a public key has no whsk_ form');
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return WHSK_PREFIX + der.subarray(PKCS8_ED25519_PREFIX.length).toString('base64');
}
