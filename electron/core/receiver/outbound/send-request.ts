/**
 * Sends one request (a forward or a replay) with exact bytes and headers in the given order, and records
 * the answer with timings. A fresh connection per request (no agent) so DNS/connect/TLS timings are real.
 * Never throws for network trouble: the error is part of the recorded exchange.
 * Security model: the target URL only ever comes from the token-holding API caller (replay) or from an
 * endpoint's configuration (forward-to), never from a received request; answers are capped in size.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Exchange, HeaderPairs } from '../../../../shared/contract/receiver.js';
import { asText } from '../body-decode.js';

/** Kept of the other side's answer; the size is still counted beyond it. */
export const MAX_RESPONSE_KEEP_BYTES = 1024 * 1024;
export const DEFAULT_OUTBOUND_TIMEOUT_MS = 30_000;
/** Per-connection headers a proxy never passes on (RFC 9110 §7.6.1); the body is re-framed by length. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export interface OutboundRequest {
  url: string;
  method: string;
  headers: HeaderPairs;
  body: Buffer;
  timeoutMs?: number;
}

/** The headers as they go out: Host set to the target, hop-by-hop dropped, Content-Length matching the body. */
export function outgoingHeaders(
  headers: HeaderPairs,
  target: URL,
  bodyLength: number,
  method: string,
): HeaderPairs {
  const out: HeaderPairs = [];
  let hasHost = false;
  let hasLength = false;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    if (lower === 'host') {
      if (!hasHost) out.push([name, target.host]);
      hasHost = true;
    } else if (lower === 'content-length') {
      if (!hasLength) out.push([name, String(bodyLength)]);
      hasLength = true;
    } else out.push([name, value]);
  }
  if (!hasHost) out.unshift(['Host', target.host]);
  if (!hasLength && (bodyLength > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method))) {
    out.push(['Content-Length', String(bodyLength)]);
  }
  return out;
}

export function sendRequest(input: OutboundRequest): Promise<Exchange> {
  const started = performance.now();
  const since = () => Math.round((performance.now() - started) * 100) / 100;
  const target = new URL(input.url);
  const headers = outgoingHeaders(input.headers, target, input.body.length, input.method);
  const exchange: Exchange = {
    url: input.url,
    method: input.method,
    requestHeaders: headers,
    requestSize: input.body.length,
    timing: { totalMs: 0 },
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      if (error) exchange.error = error;
      exchange.timing.totalMs = since();
      resolve(exchange);
    };
    const req = send(target, {
      method: input.method,
      headers: headers as unknown as Record<string, string>,
      agent: false,
      timeout: input.timeoutMs ?? DEFAULT_OUTBOUND_TIMEOUT_MS,
    });
    req.on('socket', (socket) => {
      socket.once('lookup', () => (exchange.timing.dnsMs = since()));
      socket.once('connect', () => (exchange.timing.connectMs = since()));
      socket.once('secureConnect', () => (exchange.timing.tlsMs = since()));
    });
    req.on('timeout', () => {
      req.destroy();
      done(`no answer within ${input.timeoutMs ?? DEFAULT_OUTBOUND_TIMEOUT_MS} ms`);
    });
    req.on('error', (err: NodeJS.ErrnoException) => done(describeError(err, target)));
    req.on('response', (res) => {
      exchange.timing.firstByteMs = since();
      collect(res, exchange).then(
        () => done(),
        (err: Error) => done(`the answer broke off: ${err.message}`),
      );
    });
    req.end(input.body);
  });
}

async function collect(res: IncomingMessage, exchange: Exchange): Promise<void> {
  exchange.status = res.statusCode ?? 0;
  exchange.statusText = res.statusMessage ?? '';
  const headers: HeaderPairs = [];
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
    headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
  exchange.responseHeaders = headers;
  const kept: Buffer[] = [];
  let size = 0;
  let keptSize = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (keptSize < MAX_RESPONSE_KEEP_BYTES) {
      const slice = chunk.subarray(0, MAX_RESPONSE_KEEP_BYTES - keptSize);
      kept.push(slice);
      keptSize += slice.length;
    }
  }
  const body = Buffer.concat(kept);
  exchange.responseSize = size;
  exchange.responseBase64 = body.toString('base64');
  const text = asText(body);
  if (text !== undefined) exchange.responseText = text;
  if (size > keptSize) exchange.responseTruncated = true;
}

function describeError(err: NodeJS.ErrnoException, target: URL): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${target.host}: is the app listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve ${target.hostname}: check the host name`;
    case 'ECONNRESET':
      return `${target.host} reset the connection`;
    default:
      return `${err.code ? `${err.code}: ` : ''}${err.message}`;
  }
}
