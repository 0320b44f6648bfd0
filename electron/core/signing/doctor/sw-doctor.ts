/** The Standard Webhooks doctor: three headers, a list of versioned signatures, HMAC (v1) or ed25519 (v1a). */
import type { Diagnosis } from '../../../../shared/contract/signing.js';
import {
  SW_ID_HEADER,
  SW_SIGNATURE_HEADER,
  SW_TIMESTAMP_HEADER,
  splitSignatures,
} from '../schemes/standard-webhooks.js';
import { asymmetricOf, requirePublic, requireSecret } from '../signing-key.js';
import { parseUnixSeconds } from '../timestamps.js';
import { type DoctorContext, type DoctorResult, skewFindings } from './context.js';
import { diagnoseEd25519 } from './ed25519-doctor.js';
import { finding } from './findings.js';
import { locateHeader } from './header-lookup.js';
import { type ContentOf, diagnoseHmac } from './hmac-doctor.js';
import { whsecVariants } from './secret-variants.js';
import { type Reading, readToken } from './signature-reading.js';
import type { Variant } from './variants.js';

const SIZES = { v1: 32, v1a: 64 } as const;
/** Svix sends the same scheme under its own names. */
const BRANDED = (name: string) => [name.replace('webhook-', 'svix-'), name.replace('webhook-', 'x-webhook-')];

function contentsFor(id: string, timestamp: string): Variant<ContentOf>[] {
  const expected = '"<webhook-id>.<webhook-timestamp>." followed by the body';
  return [
    { value: (b) => [`${id}.${timestamp}.`, b] },
    { value: (b) => [b], finding: finding.signedContentMismatch('the body alone', expected) },
    {
      value: (b) => [`${timestamp}.`, b],
      finding: finding.signedContentMismatch('"<timestamp>." and the body, without the id', expected),
    },
  ];
}

/** Readings of the entries for `version`; entries written `v1=…` or without a version count, with a finding. */
function readEntries(
  value: string,
  version: 'v1' | 'v1a',
): { readings: Reading[]; problems: Diagnosis[]; others: string[] } {
  const readings: Reading[] = [];
  const problems: Diagnosis[] = [];
  const others: string[] = [];
  const format = {
    header: SW_SIGNATURE_HEADER,
    encoding: 'base64',
    prefix: '',
    bytes: SIZES[version],
  } as const;
  for (const entry of splitSignatures(value)) {
    const raw = entry.version ? `${entry.version},${entry.signature}` : entry.signature;
    const loose = /^(v1a?)[=:](.+)$/.exec(raw);
    if (entry.version === version || (!entry.version && !loose)) {
      const read = readToken(entry.signature, format);
      const missing = entry.version ? [] : [finding.prefixMissing(SW_SIGNATURE_HEADER, `${version},`, raw)];
      readings.push(...read.readings.map((r) => ({ bytes: r.bytes, notes: [...missing, ...r.notes] })));
      if (read.problem) problems.push(read.problem);
    } else if (loose && loose[1] === version && loose[2]) {
      const read = readToken(loose[2], format);
      const note = finding.prefixMissing(SW_SIGNATURE_HEADER, `${version},`, raw);
      readings.push(...read.readings.map((r) => ({ bytes: r.bytes, notes: [note, ...r.notes] })));
    } else {
      others.push(entry.version || raw.slice(0, 4));
    }
  }
  return { readings, problems, others };
}

export function diagnoseStandardWebhooks(ctx: DoctorContext): DoctorResult {
  const located = [SW_ID_HEADER, SW_TIMESTAMP_HEADER, SW_SIGNATURE_HEADER].map((h) =>
    locateHeader(ctx.headers, h, BRANDED(h)),
  );
  const headerFindings = located.flatMap((l) => l.findings);
  const [id, timestamp, signature] = located.map((l) => l.value);
  if (id === undefined || timestamp === undefined || signature === undefined)
    return { diagnosis: headerFindings };
  const signedAt = parseUnixSeconds(timestamp);
  const stamp =
    signedAt === undefined
      ? [finding.timestampMalformed(SW_TIMESTAMP_HEADER, timestamp)]
      : skewFindings(signedAt, ctx, SW_TIMESTAMP_HEADER);
  const asymmetric = asymmetricOf(ctx.key);
  const version = asymmetric ? 'v1a' : 'v1';
  const { readings, problems, others } = readEntries(signature, version);
  if (readings.length === 0) {
    const mismatch =
      others.length > 0
        ? [
            finding.keyTypeMismatch(
              `${SW_SIGNATURE_HEADER} carries only ${[...new Set(others)].join(', ')} signatures, but you gave ${asymmetric ? 'an ed25519 key (v1a)' : 'an HMAC secret (v1)'}. Verify with ${asymmetric ? 'the whsec_ secret' : "the sender's whpk_ public key"} instead.`,
              { present: [...new Set(others)].join(', '), expected: version },
            ),
          ]
        : [];
    return { diagnosis: [...headerFindings, ...mismatch, ...problems, ...stamp] };
  }
  const contents = contentsFor(id, timestamp);
  const part = asymmetric
    ? diagnoseEd25519(ctx.body, readings, contents, requirePublic(ctx.key, 'standard-webhooks', 'ed25519'))
    : diagnoseHmac({
        body: ctx.body,
        readings,
        secrets: whsecVariants(requireSecret(ctx.key, 'standard-webhooks')),
        contents,
        encode: (mac) => `v1,${mac.toString('base64')}`,
      });
  return { diagnosis: [...headerFindings, ...part.diagnosis, ...stamp], computed: part.computed };
}
