/**
 * The entry points the engine, the receiver and the CLI use: sign a body, and verify one with a full
 * report (the strict verdict, plus the doctor's diagnosis when it fails).
 */
import type { SchemeId, VerifyReport } from '../../../shared/contract/signing.js';
import { diagnose } from './doctor/doctor.js';
import { type HeaderInput, toHeaderList } from './headers.js';
import { toleranceOf } from './schemes/common.js';
import { getScheme } from './schemes/registry.js';
import type { SignedHeaders, SignOptions, VerifyOptions } from './schemes/types.js';
import type { SigningKey } from './signing-key.js';

export function signWebhook(
  scheme: SchemeId,
  body: Buffer,
  key: SigningKey | readonly SigningKey[],
  opts?: SignOptions,
): SignedHeaders {
  return getScheme(scheme).sign(body, key, opts);
}

/** Verifies and, when that fails, diagnoses. Throws only for an unusable key (KeyFormatError/KeyKindError). */
export function verifyWebhook(
  scheme: SchemeId,
  body: Buffer,
  headers: HeaderInput,
  key: SigningKey,
  opts: VerifyOptions = {},
): VerifyReport {
  const nowMs = opts.now ?? Date.now();
  const toleranceSec = toleranceOf(opts);
  const verdict = getScheme(scheme).verify(body, headers, key, { toleranceSec, now: nowMs });
  const timing = {
    ...(verdict.signedAt !== undefined ? { signedAt: verdict.signedAt } : {}),
    ...(verdict.skewSec !== undefined ? { skewSec: verdict.skewSec } : {}),
  };
  if (verdict.valid) {
    return {
      valid: true,
      scheme,
      summary: verdict.matched ? `valid (${verdict.matched})` : 'valid',
      diagnosis: [],
      ...timing,
    };
  }
  // Headers are normalised only here, for the doctor; the hot path hands them to the scheme untouched.
  const ctx = { body, headers: toHeaderList(headers), key, toleranceSec, nowMs };
  const result = diagnose(scheme, ctx, verdict.reason ?? 'no match');
  return {
    valid: false,
    scheme,
    summary: result.diagnosis[0]?.title ?? verdict.reason ?? 'invalid',
    diagnosis: result.diagnosis,
    ...(result.digestInfo ? { digestInfo: result.digestInfo } : {}),
    ...(result.computed ? { computed: result.computed } : {}),
    ...timing,
  };
}
