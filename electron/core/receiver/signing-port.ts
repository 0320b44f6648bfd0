/**
 * What the receiver needs from the signing area: verify a request as it arrived (with the doctor's
 * diagnosis when it fails) and sign a body afresh for a replay. The receiver never does its own crypto;
 * the engine passes an implementation backed by the signing area.
 */
import type { HeaderPairs } from '../../../shared/contract/receiver.js';
import type { SchemeId, SignResult, VerifyReport } from '../../../shared/contract/signing.js';

export interface KeyRef {
  keyId?: string;
  secret?: string;
}

export interface SigningPort {
  verify(
    input: { scheme: SchemeId; body: Buffer; headers: HeaderPairs; toleranceSec?: number } & KeyRef,
  ): Promise<VerifyReport> | VerifyReport;
  sign(input: { scheme: SchemeId; body: Buffer; event?: string } & KeyRef): Promise<SignResult> | SignResult;
  /** Throws a NotFoundError when the key does not exist. */
  assertKey(keyId: string): void;
}

/** The payload validator the dispatcher area provides (it owns the event catalogs). */
export type PayloadValidator = (input: {
  json: Record<string, unknown> | undefined;
  body: Buffer;
  headers: HeaderPairs;
  endpointId: string;
}) => { ok: boolean; eventType?: string; problems: string[] };
