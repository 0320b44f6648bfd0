/**
 * How a sender may have turned the secret into HMAC key bytes differently from the scheme: whitespace
 * trimmed or added, a whsec_ secret used as text, or decoded with its prefix still on.
 */
import type { SchemeId } from '../../../../shared/contract/signing.js';
import { decodeStrictBase64 } from '../bytes.js';
import { WHSEC_PREFIX, whsecBytes } from '../keys/secrets.js';
import { finding } from './findings.js';
import type { Variant } from './variants.js';

function whitespaceOf(secret: string): string {
  const lead = secret.length - secret.trimStart().length;
  const trail = secret.length - secret.trimEnd().length;
  const where = [lead ? 'leading' : '', trail ? 'trailing' : ''].filter(Boolean).join(' and ');
  const kind = /[\r\n]/.test(secret) ? 'newline' : 'whitespace';
  return `${where} ${kind} (${JSON.stringify(secret.slice(0, lead) + secret.slice(secret.length - trail))})`;
}

/** Instafill, GitHub, Stripe: the secret's text is the key. */
export function textSecretVariants(secret: string, scheme: SchemeId): Variant<Buffer>[] {
  const variants: Variant<Buffer>[] = [{ value: Buffer.from(secret, 'utf8') }];
  const trimmed = secret.trim();
  if (trimmed !== secret && trimmed.length > 0) {
    variants.push({
      value: Buffer.from(trimmed, 'utf8'),
      finding: finding.secretWhitespace('ours', whitespaceOf(secret)),
    });
  }
  for (const [suffix, label] of [
    ['\n', 'a newline (\\n)'],
    ['\r\n', 'CRLF (\\r\\n)'],
  ] as const) {
    variants.push({
      value: Buffer.from(trimmed + suffix, 'utf8'),
      finding: finding.secretWhitespace('theirs', label),
    });
  }
  const decoded = trimmed.startsWith(WHSEC_PREFIX)
    ? decodeStrictBase64(trimmed.slice(WHSEC_PREFIX.length))
    : undefined;
  if (decoded && decoded.length > 0)
    variants.push({ value: decoded, finding: finding.secretBase64Decoded(scheme) });
  return variants;
}

/** Standard Webhooks: base64 after whsec_. Throws KeyFormatError when the secret itself is unusable. */
export function whsecVariants(secret: string): Variant<Buffer>[] {
  const variants: Variant<Buffer>[] = [{ value: whsecBytes(secret) }];
  const bare = secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;
  variants.push({
    value: Buffer.from(secret, 'utf8'),
    finding: finding.whsecUsedRaw(
      secret === bare ? 'the secret text' : 'the whole string, whsec_ included, as text',
    ),
  });
  if (secret !== bare) {
    variants.push({
      value: Buffer.from(bare, 'utf8'),
      finding: finding.whsecUsedRaw('the base64 text after whsec_ without decoding it'),
    });
    // Node (and other lenient decoders) read "_" as base64url's 63rd digit, so this decodes to other bytes.
    variants.push({
      value: Buffer.from(secret, 'base64'),
      finding: finding.whsecDecodedWrongly('the whole string with the whsec_ prefix still on'),
    });
  }
  variants.push({
    value: Buffer.from(bare, 'hex'),
    finding: finding.whsecDecodedWrongly('the text after whsec_ as hex instead of base64'),
  });
  return variants.filter((v) => v.value.length > 0);
}
