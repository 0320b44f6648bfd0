/**
 * The signature doctor: given a verification that failed, find out why. Each scheme has its own doctor;
 * this picks it, guarantees a non-empty diagnosis and puts the findings in their reporting order.
 */
import type { SchemeId } from '../../../../shared/contract/signing.js';
import type { DoctorContext, DoctorResult } from './context.js';
import { finding, orderFindings } from './findings.js';
import { diagnosePrefixedHex, diagnoseStripe } from './hmac-scheme-doctors.js';
import { diagnoseInstnt } from './instnt-doctor.js';
import { diagnoseStandardWebhooks } from './sw-doctor.js';

const DOCTORS: Record<SchemeId, (ctx: DoctorContext) => DoctorResult> = {
  'instafill-hmac': (ctx) => diagnosePrefixedHex('instafill-hmac', ctx),
  github: (ctx) => diagnosePrefixedHex('github', ctx),
  stripe: diagnoseStripe,
  'standard-webhooks': diagnoseStandardWebhooks,
  'instnt-rsa': diagnoseInstnt,
};

/**
 * Explains why `scheme` rejected the request. `reason` is the strict verifier's one-liner, used when the
 * doctor finds nothing more specific (which would be a gap in the doctor, not a valid signature).
 */
export function diagnose(scheme: SchemeId, ctx: DoctorContext, reason: string): DoctorResult {
  const result = DOCTORS[scheme](ctx);
  const diagnosis = orderFindings(result.diagnosis);
  if (diagnosis.length === 0) diagnosis.push(finding.noMatch(`Verification failed: ${reason}.`));
  return { ...result, diagnosis };
}
