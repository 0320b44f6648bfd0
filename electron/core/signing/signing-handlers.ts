/**
 * The contract's signing methods: keys, sign, verify and the receiver certificate. Params arrive already
 * validated by the contract's zod schemas; this turns them into bytes and SigningKeys and calls the core.
 */
import type { CallContext } from '../../../shared/contract/define.js';
import type { ApiHandlers } from '../../../shared/contract/index.js';
import type { CertInfo, SignParams, VerifyParams } from '../../../shared/contract/signing.js';
import { ValidationError } from '../../../shared/errors.js';
import type { KeyService } from './keys/key-service.js';
import { pemKey, type SigningKey, secretKey } from './signing-key.js';
import { signWebhook, verifyWebhook } from './verify.js';

export type SigningMethodName =
  | 'listKeys'
  | 'createKey'
  | 'getKey'
  | 'getPublicKeyPem'
  | 'deleteKey'
  | 'verifySignature'
  | 'signBody'
  | 'getCertificate';

export type SigningHandlers = Pick<ApiHandlers, SigningMethodName>;

/** A configuration change, for the engine's audit log (secrets never included). */
export interface KeyChange {
  action: 'key.created' | 'key.deleted';
  target: string;
  ctx: CallContext;
}

export interface SigningHandlerDeps {
  keys: KeyService;
  certificate: () => Promise<CertInfo> | CertInfo;
  /** Milliseconds since the epoch, for timestamp checks; Date.now when omitted. */
  now?: () => number;
  onKeyChange?: (change: KeyChange) => void;
}

function bodyOf(params: { body?: string; bodyBase64?: string }): Buffer {
  if (params.bodyBase64 !== undefined) return Buffer.from(params.bodyBase64, 'base64');
  if (params.body !== undefined) return Buffer.from(params.body, 'utf8');
  throw new ValidationError('give the raw body as body (text) or bodyBase64 (binary)');
}

export function createSigningHandlers(deps: SigningHandlerDeps): SigningHandlers {
  const now = deps.now ?? Date.now;
  const verifyKey = (p: VerifyParams): SigningKey => {
    if (p.keyId !== undefined) return deps.keys.verifyingKey(p.keyId);
    if (p.secret !== undefined) return secretKey(p.secret);
    if (p.publicKeyPem !== undefined) return pemKey(p.publicKeyPem);
    throw new ValidationError('give keyId, secret or publicKeyPem to verify with');
  };
  const signKey = (p: SignParams): SigningKey => {
    if (p.keyId !== undefined) return deps.keys.signingKey(p.keyId);
    if (p.secret !== undefined) return secretKey(p.secret);
    if (p.privateKeyPem !== undefined) return pemKey(p.privateKeyPem);
    throw new ValidationError('give keyId, secret or privateKeyPem to sign with');
  };

  return {
    listKeys: () => deps.keys.list(),
    createKey: async (params, ctx) => {
      const key = await deps.keys.create(params);
      deps.onKeyChange?.({ action: 'key.created', target: `key ${key.id} (${key.name})`, ctx });
      return key;
    },
    getKey: ({ id, reveal }) => deps.keys.get(id, { reveal: reveal === true }),
    getPublicKeyPem: ({ id }) => deps.keys.publicKeyPem(id),
    deleteKey: ({ id }, ctx) => {
      const key = deps.keys.delete(id);
      deps.onKeyChange?.({ action: 'key.deleted', target: `key ${key.id} (${key.name})`, ctx });
      return { id, deleted: true as const };
    },
    verifySignature: (params) =>
      verifyWebhook(params.scheme, bodyOf(params), params.headers, verifyKey(params), {
        now: now(),
        ...(params.toleranceSec !== undefined ? { toleranceSec: params.toleranceSec } : {}),
      }),
    signBody: (params) => {
      const headers = signWebhook(params.scheme, bodyOf(params), signKey(params), {
        now,
        ...(params.id !== undefined ? { id: params.id } : {}),
        ...(params.timestamp !== undefined ? { timestamp: params.timestamp } : {}),
        ...(params.event !== undefined ? { event: params.event } : {}),
      });
      return { scheme: params.scheme, headers };
    },
    getCertificate: () => deps.certificate(),
  };
}
