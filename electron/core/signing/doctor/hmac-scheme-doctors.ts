/** The doctors for the one-header HMAC schemes: Instafill and GitHub (`sha256=<hex>`), and Stripe. */
import { SCHEME_INFO, type SchemeId } from '../../../../shared/contract/signing.js';
import { parseStripeHeader, STRIPE_SIGNATURE_HEADER } from '../schemes/stripe.js';
import { requireSecret } from '../signing-key.js';
import { parseUnixSeconds } from '../timestamps.js';
import { type DoctorContext, type DoctorResult, skewFindings } from './context.js';
import { finding } from './findings.js';
import { locateHeader } from './header-lookup.js';
import { type ContentOf, diagnoseHmac } from './hmac-doctor.js';
import { textSecretVariants } from './secret-variants.js';
import { readToken } from './signature-reading.js';
import { only, type Variant } from './variants.js';

const HMAC_BYTES = 32;

/** Names senders use by mistake that normalising and edit distance would not catch. */
const ALIASES: Partial<Record<SchemeId, string[]>> = {
  'instafill-hmac': ['Instafill-Signature-256', 'X-Signature', 'X-Webhook-Signature'],
  github: ['X-Hub-Signature', 'X-GitHub-Signature'],
  stripe: ['X-Stripe-Signature'],
};

export function diagnosePrefixedHex(scheme: 'instafill-hmac' | 'github', ctx: DoctorContext): DoctorResult {
  const header = SCHEME_INFO[scheme].signatureHeader;
  const secret = requireSecret(ctx.key, scheme);
  const located = locateHeader(ctx.headers, header, ALIASES[scheme]);
  if (located.value === undefined) return { diagnosis: located.findings };
  const { readings, problem } = readToken(located.value, {
    header,
    encoding: 'hex',
    prefix: 'sha256=',
    bytes: HMAC_BYTES,
  });
  if (problem) return { diagnosis: [...located.findings, problem] };
  const part = diagnoseHmac({
    body: ctx.body,
    readings,
    secrets: textSecretVariants(secret, scheme),
    contents: only<ContentOf>((b) => [b]),
    encode: (mac) => `sha256=${mac.toString('hex')}`,
  });
  return { diagnosis: [...located.findings, ...part.diagnosis], computed: part.computed };
}

export function diagnoseStripe(ctx: DoctorContext): DoctorResult {
  const header = STRIPE_SIGNATURE_HEADER;
  const secret = requireSecret(ctx.key, 'stripe');
  const located = locateHeader(ctx.headers, header, ALIASES.stripe);
  if (located.value === undefined) return { diagnosis: located.findings };
  const parsed = parseStripeHeader(located.value);
  if (parsed.timestamp === undefined) {
    if (/^[0-9a-f]{64}$/i.test(located.value.trim())) {
      return {
        diagnosis: [...located.findings, finding.prefixMissing(header, 't=<unix>,v1=', located.value)],
      };
    }
    const why = 'Expected "t=<unix seconds>,v1=<hex>"; there is no t= entry.';
    return { diagnosis: [...located.findings, finding.signatureMalformed(header, located.value, why)] };
  }
  const signedAt = parseUnixSeconds(parsed.timestamp);
  const stampFindings =
    signedAt === undefined
      ? [finding.timestampMalformed(`${header} t=`, parsed.timestamp)]
      : skewFindings(signedAt, ctx, `${header} t=`);
  if (parsed.v1.length === 0) {
    const why =
      "There is no v1= entry (v0= alone is Stripe's legacy test-mode signature, which we do not verify).";
    return {
      diagnosis: [
        ...located.findings,
        finding.signatureMalformed(header, located.value, why),
        ...stampFindings,
      ],
    };
  }
  const tokens = parsed.v1.map((v) =>
    readToken(v, { header: `${header} v1`, encoding: 'hex', prefix: '', bytes: HMAC_BYTES }),
  );
  const readings = tokens.flatMap((t) => t.readings);
  if (readings.length === 0) {
    const problems = tokens.flatMap((t) => (t.problem ? [t.problem] : []));
    return { diagnosis: [...located.findings, ...problems, ...stampFindings] };
  }
  const t = parsed.timestamp;
  const contents: Variant<ContentOf>[] = [
    { value: (b) => [`${t}.`, b] },
    {
      value: (b) => [b],
      finding: finding.signedContentMismatch('the body alone', `"<t>." followed by the body`),
    },
  ];
  const part = diagnoseHmac({
    body: ctx.body,
    readings,
    secrets: textSecretVariants(secret, 'stripe'),
    contents,
    encode: (mac) => `t=${t},v1=${mac.toString('hex')}`,
  });
  return { diagnosis: [...located.findings, ...part.diagnosis, ...stampFindings], computed: part.computed };
}
