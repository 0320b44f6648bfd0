/** What every scheme's doctor receives and returns. */
import type { Diagnosis, DigestInfoView } from '../../../../shared/contract/signing.js';
import type { HeaderList } from '../headers.js';
import type { SigningKey } from '../signing-key.js';
import { checkTimestamp } from '../timestamps.js';
import { finding } from './findings.js';

export interface DoctorContext {
  body: Buffer;
  headers: HeaderList;
  key: SigningKey;
  /** 0 = timestamps are not checked. */
  toleranceSec: number;
  nowMs: number;
}

export interface DoctorResult {
  diagnosis: Diagnosis[];
  computed?: Record<string, string>;
  digestInfo?: DigestInfoView;
}

/** The skew finding, when the tolerance is on and the timestamp is outside it. */
export function skewFindings(signedAt: number | undefined, ctx: DoctorContext, source: string): Diagnosis[] {
  if (signedAt === undefined || ctx.toleranceSec === 0) return [];
  const check = checkTimestamp(signedAt, ctx.nowMs, ctx.toleranceSec);
  return check.within ? [] : [finding.timestampOutsideTolerance(check, source)];
}
