/**
 * Reading a signature token the way a sender may have written it: with or without its prefix, in hex or
 * base64, in either case. Each reading carries the findings that describe how it deviates from the scheme.
 */
import type { Diagnosis } from '../../../../shared/contract/signing.js';
import { decodeAnyHex, decodeLooseBase64, decodeLowerHex, decodeStrictBase64 } from '../bytes.js';
import { finding } from './findings.js';

export interface Reading {
  bytes: Buffer;
  notes: Diagnosis[];
}

export interface TokenFormat {
  header: string;
  encoding: 'hex' | 'base64';
  /** e.g. "sha256="; empty when the scheme sends the bare signature. */
  prefix: string;
  /** Expected signature size in bytes; undefined for RSA, whose size depends on the key. */
  bytes?: number;
}

const FOREIGN_PREFIX = /^(sha1|sha384|sha512|md5)=/i;
const SHA256_PREFIX = 'sha256=';

/** All plausible readings of `token`, or a `signature_malformed` finding when none exists. */
export function readToken(token: string, format: TokenFormat): { readings: Reading[]; problem?: Diagnosis } {
  const notes: Diagnosis[] = [];
  let rest = token.trim();
  const foreign = FOREIGN_PREFIX.exec(rest);
  if (foreign) {
    const why = `The value is labelled ${foreign[1]}: it was made with a different hash than SHA-256. Sign with HMAC-SHA256 / RSA-SHA256.`;
    return { readings: [], problem: finding.signatureMalformed(format.header, token, why) };
  }
  const startsWith = (p: string) => rest.toLowerCase().startsWith(p.toLowerCase());
  if (format.prefix) {
    if (startsWith(format.prefix)) {
      rest = rest.slice(format.prefix.length);
      if (startsWith(format.prefix)) {
        notes.push(finding.prefixExtra(format.header, format.prefix, token, true));
        rest = rest.slice(format.prefix.length);
      }
    } else {
      notes.push(finding.prefixMissing(format.header, format.prefix, token));
    }
  } else if (startsWith(SHA256_PREFIX)) {
    notes.push(finding.prefixExtra(format.header, SHA256_PREFIX, token, false));
    rest = rest.slice(SHA256_PREFIX.length);
  }
  const fits = (b: Buffer | undefined): b is Buffer =>
    b !== undefined && b.length > 0 && (!format.bytes || b.length === format.bytes);
  const readings: Reading[] = [];
  if (format.encoding === 'hex') {
    const lower = decodeLowerHex(rest);
    const anyCase = decodeAnyHex(rest);
    const base64 = decodeLooseBase64(rest);
    if (fits(lower)) readings.push({ bytes: lower, notes });
    else if (fits(anyCase))
      readings.push({ bytes: anyCase, notes: [...notes, finding.hexUppercase(format.header)] });
    if (!fits(anyCase) && fits(base64))
      readings.push({ bytes: base64, notes: [...notes, finding.base64NotHex(format.header)] });
  } else {
    const base64 = decodeStrictBase64(rest);
    const hex = decodeAnyHex(rest);
    if (fits(base64)) readings.push({ bytes: base64, notes });
    // A hex string is also valid base64 when its length is a multiple of 4; prefer hex only if it fits better.
    if (fits(hex) && !(fits(base64) && format.bytes))
      readings.push({ bytes: hex, notes: [...notes, finding.hexNotBase64(format.header)] });
  }
  if (readings.length > 0) return { readings };
  const expected = format.bytes ? `${format.bytes} bytes as ` : '';
  const why = `Expected ${format.prefix ? `"${format.prefix}" followed by ` : ''}${expected}${format.encoding === 'hex' ? 'lowercase hex' : 'base64'}; got ${rest.length} characters that do not decode to that. The header may be truncated or hold something else.`;
  return { readings: [], problem: finding.signatureMalformed(format.header, token, why) };
}
