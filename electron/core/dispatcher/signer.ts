/**
 * Signs delivery bodies through the signing module (scheme registry + KeyService): the dispatcher never
 * does its own crypto. Unsealed keys are cached briefly because the key store is a conf file that is
 * re-read on every access; a deleted key may therefore sign for up to KEY_CACHE_MS more.
 */
import type { DeliveryScheme } from '../../../shared/contract/dispatcher-model.js';
import type { KeyInfo, KeyType, SchemeId } from '../../../shared/contract/signing.js';
import type { SignedHeaders } from '../signing/schemes/types.js';
import type { SigningKey } from '../signing/signing-key.js';
import { signWebhook } from '../signing/verify.js';

export const KEY_CACHE_MS = 10_000;

/** The part of the signing area's KeyService the dispatcher uses (KeyService fits it as is). */
export interface KeyProvider {
  get(id: string): KeyInfo;
  signingKey(id: string): SigningKey;
  generate(spec: { type: KeyType; bits?: number; name?: string; scheme?: SchemeId }): Promise<KeyInfo>;
}

export interface SignInput {
  /** The event id: Standard Webhooks' webhook-id, so every attempt carries the same one. */
  id: string;
  /** Unix seconds of this attempt (wall clock). */
  timestamp: number;
  event: string;
}

export class DeliverySigner {
  readonly #cache = new Map<string, { key: SigningKey; until: number }>();

  constructor(
    private readonly keys: KeyProvider,
    private readonly now: () => number = Date.now,
  ) {}

  sign(scheme: DeliveryScheme, keyId: string | undefined, body: Buffer, input: SignInput): SignedHeaders {
    if (scheme === 'none') return {};
    if (!keyId)
      throw new Error(`the subscription signs with ${scheme} but has no key; edit it and pick a key`);
    return signWebhook(scheme, body, this.#key(keyId), input);
  }

  forget(keyId: string): void {
    this.#cache.delete(keyId);
  }

  #key(keyId: string): SigningKey {
    const now = this.now();
    const cached = this.#cache.get(keyId);
    if (cached && cached.until > now) return cached.key;
    const key = this.keys.signingKey(keyId);
    this.#cache.set(keyId, { key, until: now + KEY_CACHE_MS });
    return key;
  }
}
