/**
 * Everything the receiver learns from a complete body before answering: the decoded bytes, event id and
 * type, whether the event id was seen before (dedupe), the signature verdict with the doctor's diagnosis,
 * and the payload validator's findings. Failures here become notes on the capture, never a crash.
 */
import type { HeaderPairs, Verdict } from '../../../../shared/contract/receiver.js';
import type { VerifyReport } from '../../../../shared/contract/signing.js';
import { decodeBody } from '../body-decode.js';
import type { LiveEndpoint } from '../endpoints/endpoint-model.js';
import type { DedupeIndex } from '../guards/dedupe-index.js';
import { inspectPayload } from '../payload-inspect.js';
import type { PayloadValidator, SigningPort } from '../signing-port.js';

export interface Inspection {
  eventId?: string;
  eventType?: string;
  duplicateOf?: string;
  verdict: Verdict;
  verification?: VerifyReport;
  validation?: { ok: boolean; eventType?: string; problems: string[] };
  notes: string[];
}

export interface InspectDeps {
  dedupe: DedupeIndex;
  signing: SigningPort | undefined;
  validator: PayloadValidator | undefined;
}

export async function inspect(
  deps: InspectDeps,
  endpoint: LiveEndpoint | undefined,
  captureId: string,
  at: number,
  raw: Buffer,
  headers: HeaderPairs,
  contentEncoding: string | undefined,
  webhookId: string | undefined,
): Promise<Inspection> {
  const out: Inspection = { verdict: 'unchecked', notes: [] };
  const decoded = decodeBody(raw, contentEncoding);
  if (decoded.error) out.notes.push(decoded.error);
  const facts = inspectPayload(decoded.bytes, webhookId);
  if (facts.eventId !== undefined) out.eventId = facts.eventId;
  if (facts.eventType !== undefined) out.eventType = facts.eventType;
  if (!endpoint) return out;
  const { guards, verify } = endpoint.view;

  if (guards.dedupe.enabled && facts.eventId !== undefined) {
    const windowMs = guards.dedupe.windowSec * 1000;
    const first = deps.dedupe.firstSeen(endpoint.view.id, facts.eventId, windowMs);
    // Checked and noted in one synchronous step, so two copies arriving together cannot both be "first".
    if (first !== undefined) out.duplicateOf = first;
    else deps.dedupe.remember(endpoint.view.id, facts.eventId, captureId, at, windowMs);
  }

  if (verify && deps.signing) {
    try {
      const input = {
        scheme: verify.scheme,
        body: raw,
        headers,
        keyId: verify.keyId,
        secret: endpoint.secret,
      };
      const report = await deps.signing.verify(
        verify.toleranceSec === undefined ? input : { ...input, toleranceSec: verify.toleranceSec },
      );
      out.verification = report;
      out.verdict = report.valid ? 'valid' : 'invalid';
    } catch (err) {
      out.notes.push(`the signature could not be checked: ${(err as Error).message}`);
    }
  } else if (verify) {
    out.notes.push('signature checking is not available in this host');
  }

  if (guards.validatePayload && deps.validator) {
    try {
      const check = deps.validator({
        json: facts.json,
        body: decoded.bytes,
        headers,
        endpointId: endpoint.view.id,
      });
      out.validation = { ok: check.ok, problems: check.problems };
      if (check.eventType !== undefined) out.validation.eventType = check.eventType;
    } catch (err) {
      out.notes.push(`the payload could not be validated: ${(err as Error).message}`);
    }
  }
  return out;
}
