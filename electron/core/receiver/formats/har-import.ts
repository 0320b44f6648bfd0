/**
 * Reads HAR files from browser devtools (Chrome, Firefox), HTTP Toolkit and Hookscope into requests that
 * can become captures. Each entry is checked on its own: a broken entry is skipped with its index and
 * reason, a file that is not HAR at all is refused with what was wrong.
 */
import type { HeaderPairs } from '../../../../shared/contract/receiver.js';
import { BadRequestError } from '../../../../shared/errors.js';
import { decodeBody } from '../body-decode.js';
import type { ParsedRequest } from './curl-import.js';

export interface HarRequest extends ParsedRequest {
  receivedAt?: string;
  /** What was adjusted on the way in, for the capture's notes. */
  notes?: string[];
  response?: { status: number; headers: HeaderPairs; body?: string };
}

export interface HarRead {
  requests: { index: number; request: HarRequest }[];
  skipped: { index: number; reason: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function readHar(input: string | Record<string, unknown>): HarRead {
  let har: unknown = input;
  if (typeof input === 'string') {
    try {
      har = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new BadRequestError(`the HAR file is not valid JSON: ${(err as Error).message}`);
    }
  }
  const log = isObject(har) ? har.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries)) {
    throw new BadRequestError(
      'not a HAR file: expected {"log": {"entries": [...]}} (export "HAR" from devtools or HTTP Toolkit)',
    );
  }
  const out: HarRead = { requests: [], skipped: [] };
  log.entries.forEach((entry: unknown, index: number) => {
    try {
      out.requests.push({ index, request: readEntry(entry) });
    } catch (err) {
      out.skipped.push({ index, reason: (err as Error).message });
    }
  });
  if (out.requests.length === 0 && out.skipped.length > 0) {
    throw new BadRequestError(
      `no entry of the HAR file could be imported: ${out.skipped
        .map((s) => `entry ${s.index}: ${s.reason}`)
        .slice(0, 5)
        .join('; ')}`,
    );
  }
  return out;
}

function readEntry(entry: unknown): HarRequest {
  if (!isObject(entry) || !isObject(entry.request)) throw new Error('has no "request" object');
  const req = entry.request;
  if (typeof req.method !== 'string' || !/^[A-Za-z]+$/.test(req.method))
    throw new Error('request.method is missing or not a method name');
  if (typeof req.url !== 'string' || !/^https?:\/\//i.test(req.url))
    throw new Error('request.url is missing or not an http(s) URL');
  const headers = readHeaders(req.headers, 'request.headers');
  const request: HarRequest = {
    method: req.method.toUpperCase(),
    url: req.url,
    headers,
    body: readBody(req.postData),
  };
  undoStaleEncoding(request);
  if (typeof entry.startedDateTime === 'string' && !Number.isNaN(Date.parse(entry.startedDateTime))) {
    request.receivedAt = new Date(entry.startedDateTime).toISOString();
  }
  const res = entry.response;
  if (isObject(res) && typeof res.status === 'number' && res.status >= 100) {
    const content = isObject(res.content) ? res.content : {};
    request.response = { status: res.status, headers: readHeaders(res.headers ?? [], 'response.headers') };
    if (typeof content.text === 'string' && content.encoding !== 'base64')
      request.response.body = content.text;
  }
  return request;
}

/**
 * HTTP Toolkit and browsers write the decoded body as postData text but keep the original Content-Encoding
 * header. Bytes that do not decode as that encoding are the decoded body: drop the header (and the length,
 * which was the encoded one), or a replay would announce gzip and send plain text.
 */
function undoStaleEncoding(request: HarRequest): void {
  const encoding = request.headers.find(([n]) => n.toLowerCase() === 'content-encoding')?.[1];
  if (!encoding || request.body.length === 0 || !decodeBody(request.body, encoding).error) return;
  request.headers = request.headers.filter(
    ([n]) => !['content-encoding', 'content-length'].includes(n.toLowerCase()),
  );
  request.notes = [`the HAR holds the body already decoded; "Content-Encoding: ${encoding}" was removed`];
}

/** HTTP/2 pseudo-headers (":authority", Chrome writes them) are not headers; :authority becomes Host. */
function readHeaders(value: unknown, where: string): HeaderPairs {
  if (!Array.isArray(value)) throw new Error(`${where} is not a list`);
  const pairs: HeaderPairs = [];
  let authority: string | undefined;
  for (const h of value) {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string')
      throw new Error(`${where} has an entry without a name and value`);
    if (/[\r\n\0]/.test(h.name + h.value)) throw new Error(`${where}: "${h.name}" contains a line break`);
    if (h.name.startsWith(':')) {
      if (h.name === ':authority') authority = h.value;
      continue;
    }
    pairs.push([h.name, h.value]);
  }
  if (authority && !pairs.some(([n]) => n.toLowerCase() === 'host')) pairs.unshift(['Host', authority]);
  return pairs;
}

function readBody(postData: unknown): Buffer {
  if (postData === undefined || postData === null) return Buffer.alloc(0);
  if (!isObject(postData)) throw new Error('request.postData is not an object');
  if (typeof postData.text === 'string') {
    if (postData.encoding === 'base64' || postData._encoding === 'base64')
      return Buffer.from(postData.text, 'base64');
    return Buffer.from(postData.text, 'utf8');
  }
  if (Array.isArray(postData.params)) {
    const form = new URLSearchParams();
    for (const p of postData.params) {
      if (!isObject(p) || typeof p.name !== 'string')
        throw new Error('request.postData.params has an entry without a name');
      form.append(p.name, typeof p.value === 'string' ? p.value : '');
    }
    return Buffer.from(form.toString(), 'utf8');
  }
  return Buffer.alloc(0);
}
