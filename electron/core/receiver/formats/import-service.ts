/**
 * Turns a HAR file or a curl command into captures one can inspect and replay: how support staff bring in
 * a customer's payload. Imported requests are matched to endpoints by path and verified like live ones,
 * but never counted for dedupe or fail-first (they did not arrive here).
 */
import { type ImportParams, type ImportResult, INBOX } from '../../../../shared/contract/receiver.js';
import type { CaptureRecord } from '../captures/capture-record.js';
import { toSummary } from '../captures/capture-record.js';
import type { CaptureStore } from '../captures/capture-store.js';
import type { LiveEndpoint } from '../endpoints/endpoint-model.js';
import { DedupeIndex } from '../guards/dedupe-index.js';
import { newCaptureId } from '../ids.js';
import { type InspectDeps, inspect } from '../server/inspect.js';
import { type ParsedRequest, parseCurl } from './curl-import.js';
import { type HarRequest, readHar } from './har-import.js';

export interface ImportDeps extends Omit<InspectDeps, 'dedupe'> {
  captures: CaptureStore;
  match(path: string): LiveEndpoint | undefined;
  onCapture(record: CaptureRecord): void;
  now(): number;
}

export async function importCaptures(deps: ImportDeps, params: ImportParams): Promise<ImportResult> {
  const result: ImportResult = { imported: [], skipped: [] };
  let requests: { index: number; request: HarRequest; origin: string }[];
  if ('curl' in params)
    requests = [{ index: 0, request: parseCurl(params.curl), origin: 'imported from a curl command' }];
  else {
    const read = readHar(params.har);
    result.skipped = read.skipped;
    requests = read.requests.map((r) => ({ ...r, origin: `imported from HAR entry ${r.index}` }));
  }
  const scratch = { ...deps, dedupe: new DedupeIndex(deps.now) };
  for (const { request, origin } of requests) {
    const record = await toRecord(scratch, request, origin);
    // Stored at import time, not the original time: retention must not drop last year's payload at once.
    await deps.captures.commit(record, request.body, deps.now());
    deps.onCapture(record);
    result.imported.push(toSummary(record));
  }
  return result;
}

async function toRecord(
  deps: ImportDeps & InspectDeps,
  request: HarRequest,
  origin: string,
): Promise<CaptureRecord> {
  const now = deps.now();
  const at = request.receivedAt ? Date.parse(request.receivedAt) : now;
  const url = pathAndQuery(request.url);
  const cut = url.indexOf('?');
  const path = cut < 0 ? url : url.slice(0, cut);
  const endpoint = deps.match(path);
  const header = (name: string) => request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const record: CaptureRecord = {
    id: newCaptureId(now),
    receivedAt: new Date(at).toISOString(),
    endpoint: endpoint?.view.id ?? INBOX,
    method: request.method,
    path,
    query: cut < 0 ? '' : url.slice(cut + 1),
    url,
    httpVersion: '1.1',
    rawHeaders: request.headers,
    size: request.body.length,
    status: request.response?.status ?? 0,
    verdict: 'unchecked',
    remoteAddress: '',
    clientAddress: '',
    viaTunnel: false,
    source: 'imported',
    notes: [origin, ...(request.notes ?? [])],
    timing: { bodyMs: 0, processMs: 0 },
    response: response(request),
    body: { size: request.body.length, sha256: '' },
  };
  if (endpoint) record.endpointName = endpoint.view.name;
  const type = header('content-type');
  if (type) record.contentType = type;
  const encoding = header('content-encoding');
  if (encoding) record.body.encoding = encoding;
  const found = await inspect(
    deps,
    endpoint,
    record.id,
    at,
    request.body,
    request.headers,
    encoding,
    header('webhook-id'),
  );
  record.verdict = found.verdict;
  record.notes.push(...found.notes);
  if (found.eventId !== undefined) record.eventId = found.eventId;
  if (found.eventType !== undefined) record.eventType = found.eventType;
  if (found.verification) record.verification = found.verification;
  if (found.validation) record.validation = found.validation;
  return record;
}

function response(request: HarRequest): CaptureRecord['response'] {
  const res = request.response;
  if (!res) return { kind: 'respond', headers: [], bodySize: 0, reason: 'imported: no response recorded' };
  const out: CaptureRecord['response'] = {
    kind: 'respond',
    status: res.status,
    headers: res.headers,
    bodySize: Buffer.byteLength(res.body ?? ''),
    reason: 'imported: the answer the original server gave',
  };
  if (res.body !== undefined) out.body = res.body;
  return out;
}

/** The path and query as written (no normalisation: %2F stays %2F), without the fragment. */
export function pathAndQuery(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/#.*$/s, '');
  return rest.startsWith('/') ? rest : `/${rest}`;
}

export type { ParsedRequest };
