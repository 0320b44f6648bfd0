/**
 * The key a scheme signs or verifies with: an HMAC secret as text, or an RSA/ed25519 KeyObject. Secrets stay
 * text because how text becomes key bytes is itself scheme-specific (and a favourite source of mistakes).
 */
import type { KeyObject } from 'node:crypto';
import type { SchemeId } from '../../../shared/contract/signing.js';
import { KeyFormatError, KeyKindError } from './errors.js';
import { isWhpk, isWhsk, privateKeyFromWhsk, publicKeyFromWhpk } from './keys/ed25519-raw.js';
import { keyAlgorithm, parsePem, publicOf } from './keys/pem.js';

export type SigningKey =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'key'; readonly key: KeyObject };

export function secretKey(secret: string): SigningKey {
  if (secret.length === 0) throw new KeyFormatError('the secret is empty');
  return { kind: 'secret', secret };
}

export const objectKey = (key: KeyObject): SigningKey => ({ kind: 'key', key });

/** A PEM key as a SigningKey (private keys stay private so they can sign). */
export const pemKey = (pem: string): SigningKey => objectKey(parsePem(pem).key);

/**
 * The asymmetric key behind a SigningKey, if any: a KeyObject, or a Standard Webhooks whsk_/whpk_ string
 * passed where a secret goes (that is how those keys are usually pasted).
 */
export function asymmetricOf(key: SigningKey): KeyObject | undefined {
  if (key.kind === 'key') return key.key;
  if (isWhsk(key.secret)) return privateKeyFromWhsk(key.secret);
  if (isWhpk(key.secret)) return publicKeyFromWhpk(key.secret);
  return undefined;
}

/** The HMAC secret, or a KeyKindError naming what the scheme wanted instead. */
export function requireSecret(key: SigningKey, scheme: SchemeId): string {
  if (key.kind === 'secret' && !isWhsk(key.secret) && !isWhpk(key.secret)) return key.secret;
  throw new KeyKindError(`${scheme} signs with an HMAC secret (text), not an ${describe(key)}`);
}

/** A private key of `algorithm` for signing. */
export function requirePrivate(key: SigningKey, scheme: SchemeId, algorithm: 'rsa' | 'ed25519'): KeyObject {
  const object = requireAlgorithm(key, scheme, algorithm);
  if (object.type !== 'private') {
    throw new KeyKindError(
      `${scheme} needs the private key to sign; this is the public key (it can only verify)`,
    );
  }
  return object;
}

/** The public key of `algorithm` for verifying (derived when a private key is given). */
export const requirePublic = (key: SigningKey, scheme: SchemeId, algorithm: 'rsa' | 'ed25519'): KeyObject =>
  publicOf(requireAlgorithm(key, scheme, algorithm));

function requireAlgorithm(key: SigningKey, scheme: SchemeId, algorithm: 'rsa' | 'ed25519'): KeyObject {
  const object = asymmetricOf(key);
  if (!object)
    throw new KeyKindError(`${scheme} needs an ${algorithm.toUpperCase()} key (PEM), not an HMAC secret`);
  const actual = keyAlgorithm(object);
  if (actual !== algorithm) {
    throw new KeyKindError(
      `${scheme} needs an ${algorithm.toUpperCase()} key; this is an ${actual.toUpperCase()} key`,
    );
  }
  return object;
}

function describe(key: SigningKey): string {
  const object = asymmetricOf(key);
  return object
    ? `${object.asymmetricKeyType?.toUpperCase() ?? 'asymmetric'} ${object.type} key`
    : 'HMAC secret';
}
