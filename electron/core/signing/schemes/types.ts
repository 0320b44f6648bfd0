/** The one interface every signature scheme implements. */
import type { SchemeId } from '../../../../shared/contract/signing.js';
import type { HeaderInput } from '../headers.js';
import type { SigningKey } from '../signing-key.js';

export interface SignOptions {
  /** Message id for schemes that send one (`webhook-id`, `X-GitHub-Delivery`); random when omitted. */
  id?: string;
  /** Unix seconds for timestamped schemes; now when omitted. */
  timestamp?: number;
  /** Event type for schemes with an event header (`X-Instafill-Event`, `X-GitHub-Event`). */
  event?: string;
  /** Clock for the default timestamp, in milliseconds. */
  now?: () => number;
}

export interface VerifyOptions {
  /** Seconds; 0 switches the timestamp check off; omitted = the scheme's default (300 s). */
  toleranceSec?: number;
  /** Milliseconds since the epoch; Date.now() when omitted. */
  now?: number;
}

/** The strict answer: no guessing, no variants. The doctor explains a false one. */
export interface SchemeVerdict {
  valid: boolean;
  /** Why it is invalid, in one line. */
  reason?: string;
  /** Which signature matched when several were sent, e.g. "v1a (2 of 3)". */
  matched?: string;
  /** The signed time (unix seconds) when the scheme or payload carries one. */
  signedAt?: number;
  skewSec?: number;
}

/** Header name → value, in the order a sender adds them. */
export type SignedHeaders = Record<string, string>;

export interface SignatureScheme {
  readonly id: SchemeId;
  /** Signs the exact bytes of `body`. Several keys only where the scheme carries several signatures. */
  sign(body: Buffer, key: SigningKey | readonly SigningKey[], opts?: SignOptions): SignedHeaders;
  /** Verifies the exact bytes of `body` against the headers as received. Throws only for an unusable key. */
  verify(body: Buffer, headers: HeaderInput, key: SigningKey, opts?: VerifyOptions): SchemeVerdict;
}
