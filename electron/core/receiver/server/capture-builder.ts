/**
 * The capture record of a request, filled in as the request handler learns more: what arrived first (line,
 * headers in received order, addresses), then what the guards and the verifier found, then the answer.
 */
import type { IncomingMessage } from 'node:http';
import { INBOX } from '../../../../shared/contract/receiver.js';
import type { CaptureRecord } from '../captures/capture-record.js';
import type { LiveEndpoint } from '../endpoints/endpoint-model.js';
import { normaliseAddress } from '../guards/client-address.js';
import { newCaptureId } from '../ids.js';
import type { Inspection } from './inspect.js';
import type { PlannedResponse } from './response-plan.js';

export interface Arrival {
  at: number;
  url: string;
  path: string;
  query: string;
  endpoint: LiveEndpoint | undefined;
  client: string;
  viaTunnel: boolean;
}

export function newRecord(req: IncomingMessage, arrival: Arrival): CaptureRecord {
  const { at, url, path, query, endpoint, client, viaTunnel } = arrival;
  const raw = req.rawHeaders;
  const rawHeaders: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) rawHeaders.push([raw[i]!, raw[i + 1]!]);
  const record: CaptureRecord = {
    id: newCaptureId(at),
    receivedAt: new Date(at).toISOString(),
    endpoint: endpoint?.view.id ?? INBOX,
    method: req.method ?? 'GET',
    path,
    query,
    url,
    httpVersion: req.httpVersion,
    rawHeaders,
    size: 0,
    status: 0,
    verdict: 'unchecked',
    remoteAddress: normaliseAddress(req.socket.remoteAddress),
    clientAddress: client,
    viaTunnel,
    source: 'received',
    notes: [],
    timing: { bodyMs: 0, processMs: 0 },
    response: { kind: 'respond', headers: [], bodySize: 0 },
    body: { size: 0, sha256: '' },
  };
  if (req.socket.remotePort !== undefined) record.remotePort = req.socket.remotePort;
  if (endpoint) record.endpointName = endpoint.view.name;
  const type = req.headers['content-type'];
  if (type) record.contentType = type;
  const encoding = req.headers['content-encoding'];
  if (encoding) record.body.encoding = encoding;
  return record;
}

export function describeResponse(record: CaptureRecord, planned: PlannedResponse): void {
  record.status = planned.status ?? 0;
  record.response = {
    kind: planned.kind,
    headers: planned.headers,
    bodySize: Buffer.byteLength(planned.body),
    ...(planned.status !== undefined && { status: planned.status }),
    ...(planned.body !== '' && { body: planned.body }),
    ...(planned.delayMs > 0 && { delayMs: planned.delayMs }),
    ...(planned.reason !== undefined && { reason: planned.reason }),
  };
}

/** What the inspection found, as capture fields. */
export function inspected(found: Inspection): Partial<CaptureRecord> {
  const out: Partial<CaptureRecord> = { verdict: found.verdict };
  if (found.eventId !== undefined) out.eventId = found.eventId;
  if (found.eventType !== undefined) out.eventType = found.eventType;
  if (found.duplicateOf !== undefined) out.duplicateOf = found.duplicateOf;
  if (found.verification) out.verification = found.verification;
  if (found.validation) out.validation = found.validation;
  return out;
}
