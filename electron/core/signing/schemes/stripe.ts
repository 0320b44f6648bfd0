/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>[,v1=…]`. The whole secret
 * string, `whsec_` included, is the HMAC key. Several v1 entries appear while a secret is being rolled.
 */
import { constantTimeEqual, decodeLowerHex, hmacSha256 } from '../bytes.js';
import { getHeader, toHeaderList } from '../headers.js';
import { textSecretBytes } from '../keys/secrets.js';
import { requireSecret } from '../signing-key.js';
import { checkTimestamp, describeSkew, parseUnixSeconds } from '../timestamps.js';
import { keyList, nowOf, toleranceOf, unixTimestamp } from './common.js';
import type { SignatureScheme } from './types.js';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

export interface StripeHeader {
  timestamp?: string;
  v1: string[];
}

/** `t=…,v1=…,v0=…` into its parts; unknown schemes (v0 is Stripe's test-mode legacy) are ignored. */
export function parseStripeHeader(value: string): StripeHeader {
  const parsed: StripeHeader = { v1: [] };
  for (const item of value.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const name = item.slice(0, eq).trim();
    const content = item.slice(eq + 1).trim();
    if (name === 't' && parsed.timestamp === undefined) parsed.timestamp = content;
    else if (name === 'v1') parsed.v1.push(content);
  }
  return parsed;
}

export const stripeMac = (secret: string, timestamp: string, body: Buffer): Buffer =>
  hmacSha256(textSecretBytes(secret), `${timestamp}.`, body);

export const stripe: SignatureScheme = {
  id: 'stripe',
  sign(body, key, opts) {
    const t = String(unixTimestamp(opts));
    const v1 = keyList(key).map(
      (k) => `v1=${stripeMac(requireSecret(k, 'stripe'), t, body).toString('hex')}`,
    );
    return { [STRIPE_SIGNATURE_HEADER]: [`t=${t}`, ...v1].join(',') };
  },
  verify(body, headers, key, opts) {
    const secret = requireSecret(key, 'stripe');
    const value = getHeader(toHeaderList(headers), STRIPE_SIGNATURE_HEADER);
    if (value === undefined) return { valid: false, reason: `no ${STRIPE_SIGNATURE_HEADER} header` };
    const parsed = parseStripeHeader(value);
    const signedAt = parseUnixSeconds(parsed.timestamp);
    if (parsed.timestamp === undefined || signedAt === undefined) {
      return { valid: false, reason: `${STRIPE_SIGNATURE_HEADER} has no valid t=<unix seconds>` };
    }
    if (parsed.v1.length === 0)
      return { valid: false, reason: `${STRIPE_SIGNATURE_HEADER} has no v1= signature` };
    const expected = stripeMac(secret, parsed.timestamp, body);
    const index = parsed.v1.findIndex((sig) => {
      const presented = decodeLowerHex(sig);
      return presented !== undefined && constantTimeEqual(expected, presented);
    });
    const check = checkTimestamp(signedAt, nowOf(opts), toleranceOf(opts));
    const timing = { signedAt, skewSec: check.skewSec };
    if (index < 0) return { valid: false, reason: 'no v1 signature matches', ...timing };
    const matched = parsed.v1.length > 1 ? `v1 (${index + 1} of ${parsed.v1.length})` : undefined;
    if (!check.within) {
      return {
        valid: false,
        reason: `t is ${describeSkew(check.skewSec)}, outside the ${check.toleranceSec} s tolerance`,
        ...timing,
      };
    }
    return { valid: true, ...timing, ...(matched ? { matched } : {}) };
  },
};
