/**
 * Security model: everything here is driven by whoever can reach the receiver (through the tunnel: anyone
 * on the internet). Nothing a sender sends may crash or wedge it: every request runs inside one catch,
 * bodies are bounded, guards run before the body is read, and a capture is durable before any answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isTunnelCheckRequest } from '../../../../shared/contract/tunnel.js';
import type { CaptureRecord } from '../captures/capture-record.js';
import type { CaptureStore } from '../captures/capture-store.js';
import { INBOX_GUARDS } from '../endpoints/endpoint-defaults.js';
import type { LiveEndpoint } from '../endpoints/endpoint-model.js';
import { clientAddress } from '../guards/client-address.js';
import type { RateLimiter } from '../guards/rate-limiter.js';
import { readBody } from './body-reader.js';
import { describeResponse, inspected, newRecord } from './capture-builder.js';
import { type InspectDeps, inspect } from './inspect.js';
import { sendPlanned } from './respond.js';
import { type PlannedResponse, planResponse, refusal } from './response-plan.js';

export interface HandlerDeps extends InspectDeps {
  match(path: string): LiveEndpoint | undefined;
  captures: CaptureStore;
  limiter: RateLimiter;
  /** After the capture is durable (live event). */
  onCapture(record: CaptureRecord): void;
  /** After answering, for endpoints with forwardTo. */
  forward(record: CaptureRecord, body: Buffer, url: string): void;
  now(): number;
  random(): number;
  onError(err: unknown): void;
}

export type ReceiverHandler = (req: IncomingMessage, res: ServerResponse, viaTunnel: boolean) => void;

export function createRequestHandler(deps: HandlerDeps): ReceiverHandler {
  return (req, res, viaTunnel) => {
    // A sender resetting mid-response must not become an unhandled 'error' event.
    res.on('error', () => undefined);
    handle(deps, req, res, viaTunnel).catch((err) => {
      deps.onError(err);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end('hookscope receiver: internal error; the request was not captured\n');
      } else res.destroy();
    });
  };
}

async function handle(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  viaTunnel: boolean,
): Promise<void> {
  const url = req.url ?? '/';
  if (isTunnelCheckRequest(req.method, url)) {
    // The tunnel's own health probe (every 30 s): answered, never captured, so the inbox only shows senders.
    req.resume();
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const started = performance.now();
  const at = deps.now();
  const cut = url.indexOf('?');
  const path = cut < 0 ? url : url.slice(0, cut);
  const endpoint = deps.match(path);
  const guards = endpoint?.view.guards ?? INBOX_GUARDS;
  const client = clientAddress(req.socket.remoteAddress, viaTunnel, req.headers['x-forwarded-for']);
  const query = cut < 0 ? '' : url.slice(cut + 1);
  const record = newRecord(req, { at, url, path, query, endpoint, client, viaTunnel });

  let planned = preBodyRefusal(deps, endpoint, client);
  let bytes: Buffer | undefined;
  let close = false;
  if (planned) {
    record.body.omitted = `not read: refused with ${planned.status} before the body`;
    req.on('error', () => undefined);
    req.resume();
    close = true;
  } else {
    const read = await readBody(req, guards.maxBodyBytes);
    record.timing.bodyMs = round(read.ms);
    record.size = record.body.size = read.size;
    if (read.overLimit) {
      const note = `body of ${read.size}${read.bytes ? '' : '+'} bytes is over the limit of ${guards.maxBodyBytes} bytes; only the headers were kept`;
      record.notes.push(note);
      record.body.omitted = note;
      planned = refusal(413, `body over the limit of ${guards.maxBodyBytes} bytes`);
      close = true;
    } else {
      bytes = read.bytes;
      if (read.incomplete) {
        record.notes.push(read.incomplete);
        planned = { kind: 'rejected', headers: [], body: '', delayMs: 0, reason: read.incomplete };
      }
    }
  }

  if (bytes && !planned) {
    const found = await inspect(
      deps,
      endpoint,
      record.id,
      at,
      bytes,
      record.rawHeaders,
      header(req, 'content-encoding'),
      header(req, 'webhook-id'),
    );
    Object.assign(record, inspected(found));
    record.notes.push(...found.notes);
    planned = planResponse(
      endpoint,
      {
        signatureInvalid: endpoint?.view.verify !== undefined && found.verdict !== 'valid',
        signatureSummary: found.verification?.summary,
        payloadProblems: found.validation?.ok === false ? found.validation.problems : undefined,
        duplicateOf: found.duplicateOf,
      },
      deps.random,
    );
  }
  planned ??= planResponse(endpoint, { signatureInvalid: false }, deps.random);
  describeResponse(record, planned);

  record.timing.processMs = round(performance.now() - started);
  await deps.captures.commit(record, bytes, at);
  deps.onCapture(record);
  if (bytes && endpoint?.view.forwardTo && planned.kind !== 'rejected')
    deps.forward(record, bytes, endpoint.view.forwardTo);

  await sendPlanned(req, res, planned, {
    captureId: record.id,
    close,
    onHangEnd: (heldMs) => {
      record.response.heldMs = heldMs;
      deps.captures.update(record, at);
    },
  });
}

function preBodyRefusal(
  deps: HandlerDeps,
  endpoint: LiveEndpoint | undefined,
  client: string,
): PlannedResponse | undefined {
  if (!endpoint) return undefined;
  if (!endpoint.allowlist.allows(client))
    return refusal(403, `${client} is not on this endpoint's IP allowlist`);
  const perMinute = endpoint.view.guards.rateLimitPerMinute;
  if (perMinute > 0) {
    const decision = deps.limiter.hit(endpoint.view.id, client, perMinute);
    if (!decision.allowed) {
      return refusal(429, `rate limit of ${perMinute} requests per minute from ${client} exceeded`, [
        ['retry-after', String(decision.retryAfterSec)],
      ]);
    }
  }
  return undefined;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
const round = (ms: number): number => Math.round(ms * 100) / 100;
