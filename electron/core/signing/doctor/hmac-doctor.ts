/**
 * Explains a failed HMAC: computes the MAC for each combination of body variant, signed-content variant
 * and secret variant, and compares it with every reading of the presented signature. The cheapest match
 * names the mistakes; no match at all means a different secret (or a change we cannot reproduce).
 */
import type { Diagnosis } from '../../../../shared/contract/signing.js';
import { type Bytes, constantTimeEqual, hmacSha256, sha256 } from '../bytes.js';
import { bodyVariants } from './body-variants.js';
import { finding } from './findings.js';
import type { Reading } from './signature-reading.js';
import { cheapestMatch, type Variant, WorkBudget } from './variants.js';

/** The signed content for a body, as parts (e.g. ["t=…." prefix, body]). */
export type ContentOf = (body: Buffer) => Bytes[];

export interface HmacCase {
  body: Buffer;
  readings: readonly Reading[];
  secrets: readonly Variant<Buffer>[];
  contents: readonly Variant<ContentOf>[];
  /** How the scheme writes a MAC in its header, for showing the expected value. */
  encode: (mac: Buffer) => string;
}

export interface DoctorPart {
  diagnosis: Diagnosis[];
  computed: Record<string, string>;
}

export function diagnoseHmac(c: HmacCase): DoctorPart {
  const [canonicalSecret] = c.secrets;
  const [canonicalContent] = c.contents;
  const computed: Record<string, string> = {
    bodyBytes: String(c.body.length),
    bodySha256: sha256(c.body).toString('hex'),
  };
  if (canonicalSecret && canonicalContent) {
    computed.expected = c.encode(hmacSha256(canonicalSecret.value, ...canonicalContent.value(c.body)));
  }
  const { variants: bodies, skipped } = bodyVariants(c.body);
  let matchedReading: Reading | undefined;
  const budget = new WorkBudget();
  const match = cheapestMatch(bodies, c.contents, c.secrets, (body, content, secret) => {
    if (!budget.spend(body.length)) return false;
    const mac = hmacSha256(secret, ...content(body));
    matchedReading = c.readings.find((r) => constantTimeEqual(mac, r.bytes));
    return matchedReading !== undefined;
  });
  if (match && matchedReading) return { diagnosis: [...matchedReading.notes, ...match.findings], computed };
  const notes = c.readings.flatMap((r) => r.notes);
  const tried = `${bodies.length} body variant(s) × ${c.contents.length} signed-content variant(s) × ${c.secrets.length} secret variant(s)`;
  const extra = [skipped, budget.exhausted ? budget.note : undefined].filter(Boolean).join('; ');
  const detail = `No combination of the mistakes we know reproduces the signature, so the sender most likely uses a different secret. Compare the secret on both sides (fingerprints help), and check which endpoint's secret the sender picked.${extra ? ` Note: ${extra}.` : ''}`;
  return {
    diagnosis: [...notes, finding.noMatch(detail, { tried, expected: computed.expected ?? '' })],
    computed,
  };
}
