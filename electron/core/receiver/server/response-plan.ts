/**
 * Decides what a request is answered with: a guard's refusal, a simulated failure (fail the first N, fail
 * X % at random), a hang or reset, or the endpoint's configured response. Pure apart from the endpoint's
 * fail-first counter, so the rules are easy to test and to read in one place.
 */
import type { HeaderPairs, ResponseMode } from '../../../../shared/contract/receiver.js';
import { INBOX_RESPONSE } from '../endpoints/endpoint-defaults.js';
import type { LiveEndpoint } from '../endpoints/endpoint-model.js';

export interface PlannedResponse {
  kind: ResponseMode | 'rejected';
  status?: number;
  headers: HeaderPairs;
  body: string;
  delayMs: number;
  reason?: string;
}

const JSON_TYPE: HeaderPairs = [['content-type', 'application/json']];

/** A refusal by a guard (403, 413, 429, 401, 400): JSON saying why, never the configured response. */
export function refusal(status: number, reason: string, extraHeaders: HeaderPairs = []): PlannedResponse {
  return {
    kind: 'rejected',
    status,
    headers: [...JSON_TYPE, ...extraHeaders],
    body: JSON.stringify({ error: reason }),
    delayMs: 0,
    reason,
  };
}

export interface PlanFacts {
  signatureInvalid: boolean;
  signatureSummary?: string;
  payloadProblems?: string[];
  duplicateOf?: string;
}

export function planResponse(
  endpoint: LiveEndpoint | undefined,
  facts: PlanFacts,
  random: () => number,
): PlannedResponse {
  if (!endpoint) return configured(INBOX_RESPONSE);
  const { response, guards, verify } = endpoint.view;
  if (verify?.rejectInvalid && facts.signatureInvalid) {
    return refusal(401, `signature invalid: ${facts.signatureSummary ?? 'does not verify'}`);
  }
  if (guards.validatePayload && guards.rejectInvalidPayload && facts.payloadProblems?.length) {
    return refusal(400, `payload invalid: ${facts.payloadProblems.join('; ')}`);
  }
  endpoint.served++;
  if (facts.duplicateOf !== undefined) {
    const answer = configured(response, `duplicate of ${facts.duplicateOf}`);
    if (guards.dedupe.status !== undefined) answer.status = guards.dedupe.status;
    return answer;
  }
  if (response.mode !== 'respond') {
    return { kind: response.mode, headers: [], body: '', delayMs: response.delayMs, reason: response.mode };
  }
  if (endpoint.served <= response.failFirst) {
    return failure(
      response.failStatus,
      response.delayMs,
      `fail first ${response.failFirst} (${endpoint.served} of ${response.failFirst})`,
    );
  }
  if (response.failPercent > 0 && random() * 100 < response.failPercent) {
    return failure(response.failStatus, response.delayMs, `fail ${response.failPercent}% at random`);
  }
  return configured(response);
}

function configured(response: typeof INBOX_RESPONSE, reason?: string): PlannedResponse {
  const planned: PlannedResponse = {
    kind: 'respond',
    status: response.status,
    headers: response.headers.map(([n, v]) => [n, v]),
    body: response.body,
    delayMs: response.delayMs,
  };
  if (reason) planned.reason = reason;
  return planned;
}

function failure(status: number, delayMs: number, reason: string): PlannedResponse {
  return {
    kind: 'respond',
    status,
    headers: JSON_TYPE.map(([n, v]) => [n, v]),
    body: JSON.stringify({ error: `simulated failure: ${reason}` }),
    delayMs,
    reason,
  };
}
