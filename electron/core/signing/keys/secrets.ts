/**
 * HMAC secrets: generating them in each scheme's customary form and turning them into key bytes.
 * Instafill, GitHub and Stripe use the secret's text as the HMAC key; Standard Webhooks base64-decodes what
 * follows `whsec_` (its libraries also accept the bare base64).
 */
import { randomBytes } from 'node:crypto';
import type { SchemeId } from '../../../../shared/contract/signing.js';
import { decodeStrictBase64 } from '../bytes.js';
import { KeyFormatError } from '../errors.js';

export const WHSEC_PREFIX = 'whsec_';
/** 32 bytes: the HMAC-SHA256 block's worth of entropy; Standard Webhooks asks for 24 to 64. */
const SECRET_BYTES = 32;
const MIN_WHSEC_BYTES = 1;

/** A fresh secret in the form the scheme's senders hand out. */
export function generateSecret(scheme?: SchemeId): string {
  const bytes = randomBytes(SECRET_BYTES);
  if (scheme === 'standard-webhooks') return WHSEC_PREFIX + bytes.toString('base64');
  // Stripe's secrets carry the whsec_ prefix too, but Stripe uses the whole string as the key.
  if (scheme === 'stripe') return WHSEC_PREFIX + bytes.toString('hex');
  return bytes.toString('hex');
}

/** HMAC key bytes for the text-secret schemes: the secret's UTF-8 bytes, exactly as given. */
export const textSecretBytes = (secret: string): Buffer => {
  if (secret.length === 0) throw new KeyFormatError('the secret is empty');
  return Buffer.from(secret, 'utf8');
};

/** HMAC key bytes for Standard Webhooks: base64 after an optional `whsec_`. */
export function whsecBytes(secret: string): Buffer {
  const body = secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;
  const bytes = decodeStrictBase64(body);
  if (!bytes || bytes.length < MIN_WHSEC_BYTES) {
    const hint = /\s/.test(secret)
      ? ' It contains whitespace or a newline: remove it.'
      : ' Copy it again from the sender (it looks like whsec_MfKQ9r8G…).';
    throw new KeyFormatError(`a Standard Webhooks secret is whsec_ followed by base64.${hint}`);
  }
  return bytes;
}
