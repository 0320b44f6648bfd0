/** The Instnt doctor: the signature header, then the DigestInfo inside, then the payload's timestamp. */
import { INSTNT_SIGNATURE_HEADER } from '../schemes/instnt-rsa.js';
import { requirePublic } from '../signing-key.js';
import { payloadTimestamp } from '../timestamps.js';
import { type DoctorContext, type DoctorResult, skewFindings } from './context.js';
import { locateHeader } from './header-lookup.js';
import { diagnoseRsa } from './rsa-doctor.js';
import { readToken } from './signature-reading.js';

const ALIASES = ['Instnt-Signature-256', 'X-Signature', 'Signature'];

export function diagnoseInstnt(ctx: DoctorContext): DoctorResult {
  const publicKey = requirePublic(ctx.key, 'instnt-rsa', 'rsa');
  const located = locateHeader(ctx.headers, INSTNT_SIGNATURE_HEADER, ALIASES);
  if (located.value === undefined) return { diagnosis: located.findings };
  const { readings, problem } = readToken(located.value, {
    header: INSTNT_SIGNATURE_HEADER,
    encoding: 'base64',
    prefix: '',
  });
  if (problem) return { diagnosis: [...located.findings, problem] };
  const part = diagnoseRsa(ctx.body, readings, publicKey);
  const stamp = payloadTimestamp(ctx.body);
  const skew = stamp ? skewFindings(stamp.unix, ctx, `The payload's "${stamp.field}"`) : [];
  return {
    diagnosis: [...located.findings, ...part.diagnosis, ...skew],
    computed: part.computed,
    ...(part.digestInfo ? { digestInfo: part.digestInfo } : {}),
  };
}
