/**
 * The doctor's vocabulary: one constructor per diagnosis code, so every finding of a kind reads the same
 * wherever it is raised, and the wording lives in one place.
 */
import { DIAGNOSIS_CODES, type Diagnosis, type DiagnosisCode } from '../../../../shared/contract/signing.js';
import { describeSkew, type TimestampCheck } from '../timestamps.js';

type Evidence = Record<string, string>;

const make = (code: DiagnosisCode, title: string, detail: string, evidence?: Evidence): Diagnosis =>
  evidence ? { code, title, detail, evidence } : { code, title, detail };

const clip = (text: string, max = 120): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export const finding = {
  headerMissing: (header: string, present: readonly string[]) =>
    make(
      'header_missing',
      `No ${header} header`,
      `The request carries no ${header} header, so there is nothing to verify. Check that the sender signs this endpoint's webhooks and that no proxy strips the header.`,
      { expected: header, present: present.join(', ') || '(no headers)' },
    ),
  headerMisspelled: (expected: string, found: string) =>
    make(
      'header_misspelled',
      `Signature header sent as "${found}"`,
      `The sender used "${found}", but receivers of this scheme read "${expected}". Rename the header on the sending side (names are case-insensitive; spelling is not).`,
      { expected, found },
    ),
  signatureMalformed: (header: string, value: string, why: string) =>
    make('signature_malformed', `${header} cannot be read`, why, { header, value: clip(value) }),
  keyTypeMismatch: (detail: string, evidence: Evidence) =>
    make('key_type_mismatch', 'The key is of a different kind than the signature', detail, evidence),
  prefixMissing: (header: string, prefix: string, value: string) =>
    make(
      'prefix_missing',
      `Missing "${prefix}" prefix`,
      `${header} should start with "${prefix}"; the sender sent the bare signature. Add the prefix when building the header.`,
      { expected: `${prefix}…`, received: clip(value) },
    ),
  prefixExtra: (header: string, prefix: string, value: string, doubled: boolean) =>
    make(
      'prefix_extra',
      doubled ? `"${prefix}" prefix written twice` : `Unexpected "${prefix}" prefix`,
      doubled
        ? `${header} starts with "${prefix}${prefix}"; the prefix was added to a value that already had it.`
        : `${header} carries the bare signature in this scheme; remove the "${prefix}" prefix.`,
      { received: clip(value) },
    ),
  hexUppercase: (header: string) =>
    make(
      'hex_uppercase',
      'Signature hex is uppercase',
      `${header} uses uppercase hex digits; the scheme (and the providers' verifiers, which compare strings) expect lowercase. Use .hexdigest() / digest('hex') without upper-casing.`,
    ),
  base64NotHex: (header: string) =>
    make(
      'base64_not_hex',
      'Signature is base64, expected hex',
      `${header} carries the MAC in base64; this scheme sends it as lowercase hex. Encode the digest with digest('hex').`,
    ),
  hexNotBase64: (header: string) =>
    make(
      'hex_not_base64',
      'Signature is hex, expected base64',
      `${header} carries the signature as hex; this scheme sends it base64-encoded. Encode the raw signature bytes with base64.`,
    ),
  secretWhitespace: (whose: 'ours' | 'theirs', what: string) =>
    make(
      'secret_whitespace',
      whose === 'ours'
        ? 'The secret here has stray whitespace'
        : "The sender's secret has a trailing newline",
      whose === 'ours'
        ? `The secret you gave has ${what}; the sender signed with the trimmed secret. Remove it (it often comes from copying out of a file or terminal).`
        : `The signature matches the secret followed by ${what}: the sender probably read the secret from a file without trimming it.`,
      { variant: what },
    ),
  whsecUsedRaw: (variant: string) =>
    make(
      'whsec_used_raw',
      'whsec_ secret used as text',
      `The sender used ${variant} as the HMAC key. Standard Webhooks keys are the base64-decoded bytes after "whsec_".`,
      { variant },
    ),
  whsecDecodedWrongly: (variant: string) =>
    make(
      'whsec_decoded_wrongly',
      'whsec_ secret decoded wrongly',
      `The sender base64-decoded ${variant}. Strip "whsec_" first, then decode the rest.`,
      { variant },
    ),
  secretBase64Decoded: (scheme: string) =>
    make(
      'secret_base64_decoded',
      'Secret base64-decoded by the sender',
      `The sender decoded the text after "whsec_" as base64 (as a Standard Webhooks library does), but ${scheme} uses the whole secret string as the HMAC key.`,
    ),
  bodyReserialised: (variant: string) =>
    make(
      'body_reserialised',
      `Body re-serialised: ${variant}`,
      `The signature matches the body ${variant}, not the bytes received. Something parsed and re-wrote the JSON (or its line endings) between signing and sending, or before verifying: sign and verify the exact raw bytes.`,
      { variant },
    ),
  signedContentMismatch: (variant: string, expected: string) =>
    make(
      'signed_content_mismatch',
      `Signed ${variant}`,
      `The sender signed ${variant}; this scheme signs ${expected}.`,
      { variant, expected },
    ),
  rsaSingleHash: () =>
    make(
      'rsa_single_hash',
      'RSA signature over the body, hashed once',
      "The DigestInfo holds SHA-256(body): the sender signed the body with RSA-SHA256 directly. Instnt's verifiers sign the body's SHA-256 digest as the message, so the DigestInfo must hold SHA-256(SHA-256(body)).",
    ),
  rsaDigestEncoding: (encoding: string) =>
    make(
      'rsa_digest_encoding',
      `RSA signature over the digest's ${encoding} text`,
      `The sender signed the ${encoding} text of SHA-256(body) instead of its raw 32 bytes (e.g. update(hash) without the 'base64' encoding argument).`,
      { variant: encoding },
    ),
  rsaDigestAlgorithm: (algorithm: string, oid: string) =>
    make(
      'rsa_digest_algorithm',
      `RSA signature made with ${algorithm}, not SHA-256`,
      `The DigestInfo names ${algorithm} (${oid}); Instnt signs with RSA-SHA256. Use createSign('RSA-SHA256') / SHA256 on the sending side.`,
      { algorithm, oid },
    ),
  rsaDigestOfOtherBody: (digestHex: string, expectedHex: string) =>
    make(
      'rsa_digest_of_other_body',
      'RSA signature is for a different body',
      'The signature opens cleanly with this public key, so the key is right, but the digest inside matches neither this body nor any re-serialisation of it we tried: the body changed after signing.',
      { signedDigest: digestHex, expectedDigest: expectedHex },
    ),
  rsaWrongKey: (detail: string) =>
    make(
      'rsa_wrong_key',
      'Signed with a different key',
      "Opening the signature with this public key yields no valid PKCS#1 v1.5 DigestInfo, so it was made with another private key (or is corrupt). Check that you have the sender's current public key.",
      { detail },
    ),
  noMatch: (detail: string, evidence?: Evidence) =>
    make('no_match', 'Signature does not match', detail, evidence),
  timestampMalformed: (source: string, value: string) =>
    make(
      'timestamp_malformed',
      `${source} is not a unix timestamp`,
      `${source} must be whole seconds since 1970 (e.g. 1714000000), without fractions or a date format.`,
      { received: clip(value) },
    ),
  timestampOutsideTolerance: (check: TimestampCheck, source: string) =>
    make(
      'timestamp_outside_tolerance',
      `Timestamp ${describeSkew(check.skewSec)}`,
      `${source} is ${describeSkew(check.skewSec)}, beyond the ${check.toleranceSec} s tolerance. Either the message is a replay, or the sender's or this machine's clock is off (sync it with NTP); a larger tolerance only hides that.`,
      {
        signedAt: new Date(check.signedAt * 1000).toISOString(),
        skewSec: String(check.skewSec),
        toleranceSec: String(check.toleranceSec),
      },
    ),
};

const ORDER = new Map<DiagnosisCode, number>(DIAGNOSIS_CODES.map((code, i) => [code, i]));

/** In DIAGNOSIS_CODES order, without repeats of the same finding. */
export function orderFindings(findings: readonly Diagnosis[]): Diagnosis[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.code}\0${f.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0));
}
