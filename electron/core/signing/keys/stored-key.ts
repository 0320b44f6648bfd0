/** How a key sits in the keys store, and how it is shown. Private material is always sealed. */
import type { KeyInfo, KeyType, SchemeId } from '../../../../shared/contract/signing.js';

export interface StoredKey {
  id: string;
  name: string;
  type: KeyType;
  bits?: number;
  scheme?: SchemeId;
  origin: 'generated' | 'imported';
  createdAt: string;
  fingerprint: string;
  /** SPKI PEM for key pairs (and public-only imports). */
  publicKeyPem?: string;
  whpk?: string;
  /** PKCS#8 PEM of the private key, or the HMAC secret, sealed by the SecretBox. Absent for public-only keys. */
  sealed?: string;
}

/** The keys store's whole content (a type literal, so it fits ConfLike's Record constraint). */
export type KeysStoreShape = { keys: StoredKey[] };

export const KEYS_STORE_DEFAULTS: KeysStoreShape = { keys: [] };

/** conf validates the file against this on load; a damaged entry is quarantined rather than trusted. */
export const KEYS_STORE_SCHEMA = {
  keys: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'type', 'origin', 'createdAt', 'fingerprint'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        type: { enum: ['rsa', 'ed25519', 'hmac'] },
        origin: { enum: ['generated', 'imported'] },
        createdAt: { type: 'string' },
        fingerprint: { type: 'string' },
      },
    },
  },
} as const;

export function toKeyInfo(stored: StoredKey): KeyInfo {
  const info: KeyInfo = {
    id: stored.id,
    name: stored.name,
    type: stored.type,
    origin: stored.origin,
    createdAt: stored.createdAt,
    fingerprint: stored.fingerprint,
    hasPrivate: stored.sealed !== undefined,
  };
  if (stored.bits !== undefined) info.bits = stored.bits;
  if (stored.scheme !== undefined) info.scheme = stored.scheme;
  if (stored.publicKeyPem !== undefined) info.publicKeyPem = stored.publicKeyPem;
  if (stored.whpk !== undefined) info.whpk = stored.whpk;
  return info;
}
