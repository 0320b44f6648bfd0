/**
 * The keys people generate or import: RSA and ed25519 pairs and HMAC secrets, persisted in a small conf
 * store. Security model: private keys and secrets are sealed by the injected SecretBox (safeStorage on the
 * desktop, plain text in a 0600 file headless) and leave this class only as SigningKeys for the engine, or
 * when a caller explicitly asks to reveal/export them.
 */

import type { KeyObject } from 'node:crypto';
import type { CreateKeyParams, KeyInfo, KeyType, SchemeId } from '../../../../shared/contract/signing.js';
import { SCHEME_INFO } from '../../../../shared/contract/signing.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../../../shared/errors.js';
import type { ConfLike, SecretBox } from '../../store/types.js';
import { KeyKindError } from '../errors.js';
import { objectKey, pemKey, type SigningKey, secretKey } from '../signing-key.js';
import { isWhpk, isWhsk, privateKeyFromWhsk, publicKeyFromWhpk } from './ed25519-raw.js';
import { DEFAULT_RSA_BITS, generateEd25519KeyPair, generateRsaKeyPair } from './generate.js';
import { type EntryContext, newKeyId, pairEntry, secretEntry } from './key-entries.js';
import {
  exportPrivatePem,
  exportPublicPem,
  type PrivatePemFormat,
  type PublicPemFormat,
  parsePem,
} from './pem.js';
import { generateSecret } from './secrets.js';
import { type KeysStoreShape, type StoredKey, toKeyInfo } from './stored-key.js';

/** conf rewrites the whole file per change; a few hundred keys keep it well under a megabyte. */
export const MAX_KEYS = 200;

export interface KeyServiceDeps {
  store: ConfLike<KeysStoreShape>;
  box: SecretBox;
  now?: () => number;
}

export class KeyService {
  private readonly now: () => number;

  constructor(private readonly deps: KeyServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  list(): KeyInfo[] {
    return this.all().map(toKeyInfo);
  }

  /** With `reveal`, an HMAC key's secret is included (for copying into the other side's configuration). */
  get(id: string, opts: { reveal?: boolean } = {}): KeyInfo {
    const stored = this.find(id);
    const info = toKeyInfo(stored);
    if (opts.reveal && stored.type === 'hmac' && stored.sealed)
      info.secret = this.deps.box.open(stored.sealed);
    return info;
  }

  /** Generates or imports, whichever the params describe (the POST /api/keys body). */
  async create(params: CreateKeyParams): Promise<KeyInfo> {
    if ('type' in params) return this.generate(params);
    if ('pem' in params) return this.importPem(params.pem, params.name);
    return this.importSecret(params.secret, params.name, params.scheme);
  }

  async generate(spec: { type: KeyType; bits?: number; name?: string; scheme?: SchemeId }): Promise<KeyInfo> {
    if (spec.scheme && !SCHEME_INFO[spec.scheme].keyTypes.includes(spec.type)) {
      throw new KeyKindError(
        `${spec.scheme} does not use ${spec.type} keys; it uses ${SCHEME_INFO[spec.scheme].keyTypes.join(' or ')}`,
      );
    }
    if (spec.bits !== undefined && spec.type !== 'rsa')
      throw new KeyKindError('bits applies to RSA keys only');
    this.assertRoom();
    const scheme = spec.scheme ? { scheme: spec.scheme } : {};
    if (spec.type === 'hmac') {
      const secret = generateSecret(spec.scheme);
      return this.save(
        secretEntry(
          secret,
          spec.name ?? this.defaultName('HMAC secret'),
          'generated',
          this.entryContext(),
          spec.scheme,
        ),
      );
    }
    const bits = spec.bits ?? DEFAULT_RSA_BITS;
    const pair = spec.type === 'rsa' ? await generateRsaKeyPair(bits) : await generateEd25519KeyPair();
    const label = spec.type === 'rsa' ? `RSA ${bits}` : 'ed25519';
    return this.save({
      ...pairEntry(pair.privateKey, spec.name ?? this.defaultName(label), 'generated', this.entryContext()),
      ...scheme,
    });
  }

  /** PKCS#1, PKCS#8, SPKI or a certificate (its public key). Public-only keys can verify but not sign. */
  importPem(pem: string, name: string): KeyInfo {
    this.assertRoom();
    const parsed = parsePem(pem);
    return this.save(pairEntry(parsed.key, name, 'imported', this.entryContext()));
  }

  /** An HMAC secret, or a Standard Webhooks whsk_/whpk_ ed25519 key pasted as text. */
  importSecret(secret: string, name: string, scheme?: SchemeId): KeyInfo {
    this.assertRoom();
    if (isWhsk(secret) || isWhpk(secret)) {
      const key = isWhsk(secret) ? privateKeyFromWhsk(secret) : publicKeyFromWhpk(secret);
      return this.save({
        ...pairEntry(key, name, 'imported', this.entryContext()),
        scheme: 'standard-webhooks',
      });
    }
    if (scheme && !SCHEME_INFO[scheme].keyTypes.includes('hmac')) {
      throw new KeyKindError(`${scheme} does not use HMAC secrets; import its PEM key instead`);
    }
    return this.save(secretEntry(secret, name, 'imported', this.entryContext(), scheme));
  }

  delete(id: string): KeyInfo {
    const stored = this.find(id);
    this.deps.store.set(
      'keys',
      this.all().filter((k) => k.id !== id),
    );
    return toKeyInfo(stored);
  }

  publicKeyPem(id: string, format: PublicPemFormat = 'spki'): string {
    const stored = this.find(id);
    if (!stored.publicKeyPem) throw new BadRequestError(`${id} is an HMAC secret; it has no public key`);
    return format === 'spki'
      ? stored.publicKeyPem
      : exportPublicPem(parsePem(stored.publicKeyPem).key, format);
  }

  /** Deliberate export of the private key (CLI, backups). Never served by the API. */
  privateKeyPem(id: string, format: PrivatePemFormat = 'pkcs8'): string {
    return exportPrivatePem(this.privateObject(this.find(id)), format);
  }

  /** What to sign with: the secret, or the private key. */
  signingKey(id: string): SigningKey {
    const stored = this.find(id);
    if (stored.type === 'hmac') return secretKey(this.open(stored));
    return objectKey(this.privateObject(stored));
  }

  /** What to verify with: the secret, or the public key (no need to unseal a private key for that). */
  verifyingKey(id: string): SigningKey {
    const stored = this.find(id);
    if (stored.type === 'hmac') return secretKey(this.open(stored));
    if (!stored.publicKeyPem) throw new BadRequestError(`${id} has no public key on record; import it again`);
    return pemKey(stored.publicKeyPem);
  }

  private privateObject(stored: StoredKey): KeyObject {
    if (stored.type === 'hmac') throw new KeyKindError(`${stored.id} is an HMAC secret, not a key pair`);
    if (!stored.sealed) {
      throw new KeyKindError(
        `${stored.id} ("${stored.name}") is a public key only; import its private key to sign`,
      );
    }
    return parsePem(this.open(stored)).key;
  }

  private entryContext(): EntryContext {
    return { id: newKeyId(), createdAt: new Date(this.now()).toISOString(), box: this.deps.box };
  }

  private save(entry: StoredKey): KeyInfo {
    const existing = this.all();
    const twin = existing.find((k) => k.fingerprint === entry.fingerprint && k.type === entry.type);
    if (twin)
      throw new ConflictError(
        `this key is already stored as ${twin.id} ("${twin.name}"); delete that one first to replace it`,
      );
    this.deps.store.set('keys', [...existing, entry]);
    return toKeyInfo(entry);
  }

  private all(): StoredKey[] {
    return this.deps.store.get('keys') ?? [];
  }

  private find(id: string): StoredKey {
    const stored = this.all().find((k) => k.id === id);
    if (!stored) throw new NotFoundError('key', id);
    return stored;
  }

  private open(stored: StoredKey): string {
    if (!stored.sealed) throw new KeyKindError(`${stored.id} holds no private material`);
    return this.deps.box.open(stored.sealed);
  }

  private assertRoom(): void {
    if (this.all().length >= MAX_KEYS)
      throw new BadRequestError(`at most ${MAX_KEYS} keys can be stored; delete some first`);
  }

  private defaultName(label: string): string {
    return `${label} ${new Date(this.now()).toISOString().slice(0, 16).replace('T', ' ')}`;
  }
}
