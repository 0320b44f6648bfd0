/** Byte helpers on node:crypto: digests, MACs, constant-time comparison and strict decoders. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Bytes = Buffer | string;

export const sha256 = (data: Bytes): Buffer => createHash('sha256').update(data).digest();

/** HMAC-SHA256 over the concatenation of `parts`, without copying them into one buffer first. */
export function hmacSha256(key: Bytes, ...parts: Bytes[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/**
 * Compares a computed MAC with a presented one in constant time. Lengths are public (the algorithm fixes
 * them), so a length mismatch may return early; timingSafeEqual itself throws on unequal lengths.
 */
export function constantTimeEqual(expected: Buffer, presented: Buffer): boolean {
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

const LOWER_HEX = /^(?:[0-9a-f]{2})+$/;
const ANY_HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64_LOOSE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Lowercase hex only, as the providers send it; anything else is for the doctor to explain. */
export const decodeLowerHex = (text: string): Buffer | undefined =>
  LOWER_HEX.test(text) ? Buffer.from(text, 'hex') : undefined;

export const decodeAnyHex = (text: string): Buffer | undefined =>
  ANY_HEX.test(text) ? Buffer.from(text, 'hex') : undefined;

/** Canonical padded base64 (RFC 4648 §4); Node's own decoder silently skips junk, so check first. */
export const decodeStrictBase64 = (text: string): Buffer | undefined =>
  text.length > 0 && BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;

/** Base64 or base64url, padding optional: what a careless encoder may have produced. */
export const decodeLooseBase64 = (text: string): Buffer | undefined =>
  BASE64_LOOSE.test(text) ? Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : undefined;

/** `AB:CD:…`, the form browsers and `openssl x509 -fingerprint` show. */
export const colonHex = (bytes: Buffer): string =>
  (bytes.toString('hex').toUpperCase().match(/../g) ?? []).join(':');

/** A short printable preview of possibly binary bytes for evidence fields. */
export function preview(bytes: Buffer, max = 80): string {
  const text = bytes
    .subarray(0, max)
    .toString('utf8')
    .replace(/[^\x20-\x7e]/g, '·');
  return bytes.length > max ? `${text}… (${bytes.length} bytes)` : text;
}
