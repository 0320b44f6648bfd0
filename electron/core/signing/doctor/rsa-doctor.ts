/**
 * Explains a failed Instnt RSA signature by opening it with the public key and reading the DigestInfo:
 * wrong key (no DigestInfo), wrong hash algorithm, hashed once instead of twice, the digest's text signed
 * instead of its bytes, a re-serialised body, or a different body altogether.
 */
import { createHash, getHashes, type KeyObject } from 'node:crypto';
import type { DigestInfoView } from '../../../../shared/contract/signing.js';
import { sha256 } from '../bytes.js';
import { openRsaSignature } from '../forge/digest-info.js';
import { bodyVariants } from './body-variants.js';
import { finding } from './findings.js';
import type { DoctorPart } from './hmac-doctor.js';
import type { Reading } from './signature-reading.js';
import { cheapestMatch, only, type Variant } from './variants.js';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/** What the signer may have put through RSA-SHA256 for a given body; the first is Instnt's. */
/** Each takes the body's SHA-256, so a body is hashed once however many guesses use it. */
const MESSAGES: Variant<(bodyDigest: Buffer) => Buffer>[] = [
  { value: (d) => sha256(d) },
  { value: (d) => d, finding: finding.rsaSingleHash() },
  { value: (d) => sha256(d.toString('hex')), finding: finding.rsaDigestEncoding('hex') },
  { value: (d) => sha256(d.toString('base64')), finding: finding.rsaDigestEncoding('base64') },
];

const DIGEST_OF: Record<number, string> = {
  0: 'SHA-256(SHA-256(body)) — what Instnt signs',
  1: 'SHA-256(body) — hashed once',
  2: "SHA-256 of the body digest's hex text",
  3: "SHA-256 of the body digest's base64 text",
};

export interface RsaDoctorPart extends DoctorPart {
  digestInfo?: DigestInfoView;
}

export function diagnoseRsa(body: Buffer, readings: readonly Reading[], publicKey: KeyObject): RsaDoctorPart {
  const expected = sha256(sha256(body)).toString('hex');
  const computed = {
    bodyBytes: String(body.length),
    bodySha256: sha256(body).toString('hex'),
    expectedDigest: expected,
  };
  let lastFailure = 'no signature bytes to open';
  for (const reading of readings) {
    const opened = openRsaSignature(reading.bytes, publicKey);
    if (!opened.ok) {
      lastFailure = opened.detail;
      continue;
    }
    const digestHex = opened.digest.toString('hex');
    const digestInfo: DigestInfoView = { algorithm: opened.algorithm, oid: opened.oid, digestHex };
    if (opened.oid !== SHA256_OID) {
      const hash = getHashes().includes(opened.algorithm) ? opened.algorithm : undefined;
      const once = hash && createHash(hash).update(body).digest('hex') === digestHex;
      if (once) digestInfo.digestOf = `${opened.algorithm}(body)`;
      return {
        diagnosis: [...reading.notes, finding.rsaDigestAlgorithm(opened.algorithm, opened.oid)],
        computed,
        digestInfo,
      };
    }
    const { variants: bodies, skipped } = bodyVariants(body);
    const digests = new Map<Buffer, Buffer>();
    const digestOf = (b: Buffer): Buffer => digests.get(b) ?? digests.set(b, sha256(b)).get(b)!;
    const match = cheapestMatch(bodies, MESSAGES, only(null), (b, message) =>
      message(digestOf(b)).equals(opened.digest),
    );
    if (match) {
      const index = MESSAGES.indexOf(match.b);
      digestInfo.digestOf = `${DIGEST_OF[index] ?? 'a variant'}${match.a.finding ? `, of the body ${match.a.finding.evidence?.variant ?? 're-serialised'}` : ''}`;
      return { diagnosis: [...reading.notes, ...match.findings], computed, digestInfo };
    }
    const other = finding.rsaDigestOfOtherBody(digestHex, expected);
    if (skipped) other.detail += ` Note: ${skipped}.`;
    return { diagnosis: [...reading.notes, other], computed, digestInfo };
  }
  const notes = readings.flatMap((r) => r.notes);
  return { diagnosis: [...notes, finding.rsaWrongKey(lastFailure)], computed };
}
