/**
 * Instnt: `Instnt-Signature: <base64 RSASSA-PKCS1-v1_5 signature>`. Both of Instnt's verifiers hash twice:
 * the Python one passes `SHA256.new(sha256(body).digest())` to PKCS1_v1_5, and the TypeScript one feeds the
 * body's SHA-256 digest into `createVerify('RSA-SHA256')`. So the DigestInfo inside the signature holds
 * SHA-256(SHA-256(body)); we sign the body's digest as the message with RSA-SHA256 to produce exactly that.
 * The signed time is the payload's own timestamp (Instnt has no timestamp header).
 */
import { sign as rsaSign, verify as rsaVerify } from 'node:crypto';
import { decodeStrictBase64, sha256 } from '../bytes.js';
import { getHeader, toHeaderList } from '../headers.js';
import { requirePrivate, requirePublic } from '../signing-key.js';
import { checkTimestamp, describeSkew, payloadTimestamp } from '../timestamps.js';
import { nowOf, singleKey, toleranceOf } from './common.js';
import type { SignatureScheme } from './types.js';

export const INSTNT_SIGNATURE_HEADER = 'Instnt-Signature';

/** The message Instnt signs with RSA-SHA256: the raw SHA-256 digest of the body. */
export const instntMessage = (body: Buffer): Buffer => sha256(body);

export const instntRsa: SignatureScheme = {
  id: 'instnt-rsa',
  sign(body, key) {
    const privateKey = requirePrivate(singleKey(key, 'instnt-rsa'), 'instnt-rsa', 'rsa');
    const signature = rsaSign('sha256', instntMessage(body), privateKey);
    return { [INSTNT_SIGNATURE_HEADER]: signature.toString('base64') };
  },
  verify(body, headers, key, opts) {
    const publicKey = requirePublic(key, 'instnt-rsa', 'rsa');
    const value = getHeader(toHeaderList(headers), INSTNT_SIGNATURE_HEADER);
    if (value === undefined) return { valid: false, reason: `no ${INSTNT_SIGNATURE_HEADER} header` };
    const signature = decodeStrictBase64(value);
    if (!signature) return { valid: false, reason: `${INSTNT_SIGNATURE_HEADER} is not base64` };
    if (!rsaVerify('sha256', instntMessage(body), publicKey, signature)) {
      return { valid: false, reason: 'the RSA signature does not verify with this public key' };
    }
    const stamp = payloadTimestamp(body);
    if (!stamp) return { valid: true };
    const check = checkTimestamp(stamp.unix, nowOf(opts), toleranceOf(opts));
    const timing = { signedAt: check.signedAt, skewSec: check.skewSec };
    if (check.within) return { valid: true, ...timing };
    return {
      valid: false,
      reason: `the payload's ${stamp.field} is ${describeSkew(check.skewSec)}, outside the ${check.toleranceSec} s tolerance`,
      ...timing,
    };
  },
};
