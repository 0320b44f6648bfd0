/**
 * `sha256=<lowercase hex HMAC-SHA256(secret text, raw body)>` in one header: Instafill and GitHub. Verification
 * is exactly as strict as the providers' own examples (Python's `compare_digest(f"sha256={hex}", header)`):
 * uppercase hex or a missing prefix fail here and the doctor says why.
 */
import type { SchemeId } from '../../../../shared/contract/signing.js';
import { constantTimeEqual, decodeLowerHex, hmacSha256 } from '../bytes.js';
import { getHeader, toHeaderList } from '../headers.js';
import { textSecretBytes } from '../keys/secrets.js';
import { requireSecret } from '../signing-key.js';
import { deliveryId, headerToken, singleKey } from './common.js';
import type { SignatureScheme, SignedHeaders } from './types.js';

export const SHA256_PREFIX = 'sha256=';
const SHA256_BYTES = 32;
const EVENT_SNIFF_LIMIT = 1024 * 1024;

export interface PrefixedHexHmacConfig {
  id: SchemeId;
  signatureHeader: string;
  eventHeader: string;
  /** GitHub sends a delivery GUID; Instafill puts `event_id` in the body instead. */
  deliveryHeader?: string;
}

/** The event type from a JSON body's top-level `event` field, so `sign` can fill the event header itself. */
function eventFromBody(body: Buffer): string | undefined {
  if (body.length > EVENT_SNIFF_LIMIT || body[0] !== 0x7b) return undefined;
  try {
    const event = (JSON.parse(body.toString('utf8')) as { event?: unknown }).event;
    return typeof event === 'string' && /^[!-~]{1,256}$/.test(event) ? event : undefined;
  } catch {
    return undefined;
  }
}

export const prefixedHexMac = (secret: string, body: Buffer): Buffer =>
  hmacSha256(textSecretBytes(secret), body);

export function prefixedHexHmacScheme(config: PrefixedHexHmacConfig): SignatureScheme {
  return {
    id: config.id,
    sign(body, key, opts) {
      const secret = requireSecret(singleKey(key, config.id), config.id);
      const headers: SignedHeaders = {
        [config.signatureHeader]: SHA256_PREFIX + prefixedHexMac(secret, body).toString('hex'),
      };
      const event =
        opts?.event !== undefined ? headerToken(opts.event, 'the event type') : eventFromBody(body);
      if (event) headers[config.eventHeader] = event;
      if (config.deliveryHeader) headers[config.deliveryHeader] = deliveryId(opts);
      return headers;
    },
    verify(body, headers, key) {
      const secret = requireSecret(key, config.id);
      const value = getHeader(toHeaderList(headers), config.signatureHeader);
      if (value === undefined) return { valid: false, reason: `no ${config.signatureHeader} header` };
      const presented = value.startsWith(SHA256_PREFIX)
        ? decodeLowerHex(value.slice(SHA256_PREFIX.length))
        : undefined;
      if (!presented || presented.length !== SHA256_BYTES) {
        return {
          valid: false,
          reason: `${config.signatureHeader} is not "sha256=" followed by 64 lowercase hex digits`,
        };
      }
      return constantTimeEqual(prefixedHexMac(secret, body), presented)
        ? { valid: true }
        : { valid: false, reason: 'the HMAC does not match' };
    },
  };
}

export const instafillHmac = prefixedHexHmacScheme({
  id: 'instafill-hmac',
  signatureHeader: 'X-Instafill-Signature',
  eventHeader: 'X-Instafill-Event',
});

export const githubHmac = prefixedHexHmacScheme({
  id: 'github',
  signatureHeader: 'X-Hub-Signature-256',
  eventHeader: 'X-GitHub-Event',
  deliveryHeader: 'X-GitHub-Delivery',
});
