/**
 * Standard Webhooks: `webhook-id`, `webhook-timestamp` and `webhook-signature`, the last a space-separated
 * list of `v1,<base64 HMAC-SHA256>` (whsec_ secrets) and `v1a,<base64 ed25519>` (whsk_/whpk_ keys) over
 * `id.timestamp.body`. Any one matching signature is enough; that is how keys are rotated without downtime.
 */
import { sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { constantTimeEqual, decodeStrictBase64, hmacSha256 } from '../bytes.js';
import { getHeader, type HeaderList, toHeaderList } from '../headers.js';
import { whsecBytes } from '../keys/secrets.js';
import {
  asymmetricOf,
  requirePrivate,
  requirePublic,
  requireSecret,
  type SigningKey,
} from '../signing-key.js';
import { checkTimestamp, describeSkew, parseUnixSeconds } from '../timestamps.js';
import { keyList, messageId, nowOf, toleranceOf, unixTimestamp } from './common.js';
import type { SignatureScheme } from './types.js';

export const SW_ID_HEADER = 'webhook-id';
export const SW_TIMESTAMP_HEADER = 'webhook-timestamp';
export const SW_SIGNATURE_HEADER = 'webhook-signature';
export const SW_REQUIRED_HEADERS = [SW_ID_HEADER, SW_TIMESTAMP_HEADER, SW_SIGNATURE_HEADER] as const;

/** The signed content as parts, so a large body is never copied. */
export const swContent = (id: string, timestamp: string, body: Buffer): [string, Buffer] => [
  `${id}.${timestamp}.`,
  body,
];

const joined = ([head, body]: [string, Buffer]): Buffer => Buffer.concat([Buffer.from(head, 'utf8'), body]);

export function splitSignatures(value: string): { version: string; signature: string }[] {
  return value
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const comma = entry.indexOf(',');
      return comma < 0
        ? { version: '', signature: entry }
        : { version: entry.slice(0, comma), signature: entry.slice(comma + 1) };
    });
}

function signOne(key: SigningKey, content: [string, Buffer]): string {
  const asymmetric = asymmetricOf(key);
  if (asymmetric) {
    const privateKey = requirePrivate(key, 'standard-webhooks', 'ed25519');
    return `v1a,${edSign(null, joined(content), privateKey).toString('base64')}`;
  }
  const secret = whsecBytes(requireSecret(key, 'standard-webhooks'));
  return `v1,${hmacSha256(secret, ...content).toString('base64')}`;
}

/** A predicate for one signature entry, for the given key: v1 entries for secrets, v1a for ed25519 keys. */
function matcher(
  key: SigningKey,
  content: [string, Buffer],
): { version: string; test: (sig: Buffer) => boolean } {
  if (asymmetricOf(key)) {
    const publicKey: KeyObject = requirePublic(key, 'standard-webhooks', 'ed25519');
    const message = joined(content);
    return { version: 'v1a', test: (sig) => sig.length === 64 && edVerify(null, message, publicKey, sig) };
  }
  const expected = hmacSha256(whsecBytes(requireSecret(key, 'standard-webhooks')), ...content);
  return { version: 'v1', test: (sig) => constantTimeEqual(expected, sig) };
}

export function readSwHeaders(headers: HeaderList): { id?: string; timestamp?: string; signature?: string } {
  return {
    id: getHeader(headers, SW_ID_HEADER),
    timestamp: getHeader(headers, SW_TIMESTAMP_HEADER),
    signature: getHeader(headers, SW_SIGNATURE_HEADER),
  };
}

export const standardWebhooks: SignatureScheme = {
  id: 'standard-webhooks',
  sign(body, key, opts) {
    const id = messageId(opts);
    const timestamp = String(unixTimestamp(opts));
    const content = swContent(id, timestamp, body);
    const signatures = keyList(key).map((k) => signOne(k, content));
    return {
      [SW_ID_HEADER]: id,
      [SW_TIMESTAMP_HEADER]: timestamp,
      [SW_SIGNATURE_HEADER]: signatures.join(' '),
    };
  },
  verify(body, headers, key, opts) {
    const { id, timestamp, signature } = readSwHeaders(toHeaderList(headers));
    if (id === undefined || timestamp === undefined || signature === undefined) {
      const missing = SW_REQUIRED_HEADERS.filter((_, i) => [id, timestamp, signature][i] === undefined);
      return { valid: false, reason: `missing ${missing.join(', ')}` };
    }
    const signedAt = parseUnixSeconds(timestamp);
    if (signedAt === undefined) return { valid: false, reason: `${SW_TIMESTAMP_HEADER} is not unix seconds` };
    const { version, test } = matcher(key, swContent(id, timestamp, body));
    const entries = splitSignatures(signature);
    let index = -1;
    for (let i = 0; i < entries.length && index < 0; i++) {
      const entry = entries[i];
      const bytes = entry?.version === version ? decodeStrictBase64(entry.signature) : undefined;
      if (bytes !== undefined && test(bytes)) index = i;
    }
    const check = checkTimestamp(signedAt, nowOf(opts), toleranceOf(opts));
    const timing = { signedAt, skewSec: check.skewSec };
    if (index < 0) return { valid: false, reason: `no ${version} signature matches`, ...timing };
    if (!check.within) {
      return {
        valid: false,
        reason: `${SW_TIMESTAMP_HEADER} is ${describeSkew(check.skewSec)}, outside the ${check.toleranceSec} s tolerance`,
        ...timing,
      };
    }
    const matched = entries.length > 1 ? `${version} (${index + 1} of ${entries.length})` : version;
    return { valid: true, matched, ...timing };
  },
};
