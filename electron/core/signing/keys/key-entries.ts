/** Builds the stored form of a key: public parts in clear, private material sealed by the SecretBox. */
import { type KeyObject, randomBytes } from 'node:crypto';
import type { SchemeId } from '../../../../shared/contract/signing.js';
import type { SecretBox } from '../../store/types.js';
import { secretKey } from '../signing-key.js';
import { toWhpk } from './ed25519-raw.js';
import { keyFingerprint, secretFingerprint } from './fingerprint.js';
import { exportPrivatePem, exportPublicPem, publicOf, rsaBits } from './pem.js';
import type { StoredKey } from './stored-key.js';

const ID_BYTES = 8;

export const newKeyId = (): string => `key_${randomBytes(ID_BYTES).toString('hex')}`;

export interface EntryContext {
  id: string;
  createdAt: string;
  box: SecretBox;
}

/** An RSA or ed25519 key; a private key is stored as sealed PKCS#8, a public one as SPKI only. */
export function pairEntry(
  key: KeyObject,
  name: string,
  origin: StoredKey['origin'],
  ctx: EntryContext,
): StoredKey {
  const type = key.asymmetricKeyType === 'rsa' ? 'rsa' : 'ed25519';
  const entry: StoredKey = {
    id: ctx.id,
    name,
    type,
    origin,
    createdAt: ctx.createdAt,
    fingerprint: keyFingerprint(key),
    publicKeyPem: exportPublicPem(publicOf(key)),
  };
  const bits = type === 'rsa' ? rsaBits(key) : undefined;
  if (bits) entry.bits = bits;
  if (type === 'ed25519') entry.whpk = toWhpk(key);
  if (key.type === 'private') entry.sealed = ctx.box.seal(exportPrivatePem(key));
  return entry;
}

export function secretEntry(
  secret: string,
  name: string,
  origin: StoredKey['origin'],
  ctx: EntryContext,
  scheme?: SchemeId,
): StoredKey {
  secretKey(secret); // rejects an empty secret with a clear message
  return {
    id: ctx.id,
    name,
    type: 'hmac',
    origin,
    createdAt: ctx.createdAt,
    fingerprint: secretFingerprint(secret),
    sealed: ctx.box.seal(secret),
    ...(scheme ? { scheme } : {}),
  };
}
