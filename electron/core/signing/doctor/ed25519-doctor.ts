/**
 * Explains a failed ed25519 (Standard Webhooks v1a) signature. An ed25519 signature cannot be opened, so we
 * verify it against each body and signed-content variant; no match means another key.
 */
import { verify as edVerify, type KeyObject } from 'node:crypto';
import { sha256 } from '../bytes.js';
import { bodyVariants } from './body-variants.js';
import { finding } from './findings.js';
import type { ContentOf, DoctorPart } from './hmac-doctor.js';
import type { Reading } from './signature-reading.js';
import { cheapestMatch, only, type Variant, WorkBudget } from './variants.js';

const ED25519_SIGNATURE_BYTES = 64;

export function diagnoseEd25519(
  body: Buffer,
  readings: readonly Reading[],
  contents: readonly Variant<ContentOf>[],
  publicKey: KeyObject,
): DoctorPart {
  const computed = { bodyBytes: String(body.length), bodySha256: sha256(body).toString('hex') };
  const usable = readings.filter((r) => r.bytes.length === ED25519_SIGNATURE_BYTES);
  const { variants: bodies, skipped } = bodyVariants(body);
  let matched: Reading | undefined;
  const budget = new WorkBudget();
  const match = cheapestMatch(bodies, contents, only(null), (b, content) => {
    if (!budget.spend(b.length)) return false;
    const message = Buffer.concat(
      content(b).map((part) => (typeof part === 'string' ? Buffer.from(part) : part)),
    );
    matched = usable.find((r) => edVerify(null, message, publicKey, r.bytes));
    return matched !== undefined;
  });
  if (match && matched) return { diagnosis: [...matched.notes, ...match.findings], computed };
  const note = [skipped, budget.exhausted ? budget.note : undefined].filter(Boolean).join('; ');
  const detail = `No v1a signature verifies with this ed25519 public key for the body or any variant we tried: it was signed with a different key. Check the sender's whpk_ public key.${note ? ` Note: ${note}.` : ''}`;
  return { diagnosis: [...readings.flatMap((r) => r.notes), finding.noMatch(detail)], computed };
}
