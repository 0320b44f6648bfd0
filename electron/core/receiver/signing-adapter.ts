/** The SigningPort backed by the signing area: its verify (with the doctor) and sign, and its key service. */
import type { KeyService } from '../signing/keys/key-service.js';
import { type SigningKey, secretKey } from '../signing/signing-key.js';
import { signWebhook, verifyWebhook } from '../signing/verify.js';
import type { KeyRef, SigningPort } from './signing-port.js';

export function createSigningPort(
  keys: Pick<KeyService, 'get' | 'signingKey' | 'verifyingKey'>,
  now: () => number = Date.now,
): SigningPort {
  const keyOf = (ref: KeyRef, use: 'sign' | 'verify'): SigningKey => {
    if (ref.keyId !== undefined)
      return use === 'sign' ? keys.signingKey(ref.keyId) : keys.verifyingKey(ref.keyId);
    return secretKey(ref.secret ?? '');
  };
  return {
    verify: ({ scheme, body, headers, toleranceSec, ...ref }) =>
      verifyWebhook(scheme, body, headers, keyOf(ref, 'verify'), {
        now: now(),
        ...(toleranceSec !== undefined ? { toleranceSec } : {}),
      }),
    sign: ({ scheme, body, event, ...ref }) => ({
      scheme,
      headers: signWebhook(scheme, body, keyOf(ref, 'sign'), {
        now,
        ...(event !== undefined ? { event } : {}),
      }),
    }),
    assertKey: (keyId) => {
      keys.get(keyId);
    },
  };
}
