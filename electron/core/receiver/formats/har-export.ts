/**
 * Captures as HAR 1.2, so they open in browser devtools, HTTP Toolkit, Charles or a HAR viewer and come
 * back into Hookscope unchanged. A body that is UTF-8 text is written as text; anything else (binary,
 * still gzip-encoded) as base64 with encoding "base64", so the exact bytes survive the round trip.
 */
import { STATUS_CODES } from 'node:http';
import type { HeaderPairs } from '../../../../shared/contract/receiver.js';
import { asText } from '../body-decode.js';
import type { CaptureRecord } from '../captures/capture-record.js';
import type { HarEntry, HarHeader, HarLog } from './har-types.js';

export interface HarSource {
  record: CaptureRecord;
  body: Buffer;
}

export function toHar(sources: HarSource[], version: string, receiverUrl: string): HarLog {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Hookscope', version },
      entries: sources.map((s) => toEntry(s, receiverUrl)),
    },
  };
}

function toEntry({ record, body }: HarSource, receiverUrl: string): HarEntry {
  const headers = toHarHeaders(record.rawHeaders);
  const contentType = header(record.rawHeaders, 'content-type') ?? '';
  const entry: HarEntry = {
    startedDateTime: record.receivedAt,
    time: record.timing.processMs,
    request: {
      method: record.method,
      url: absoluteUrl(record, receiverUrl),
      httpVersion: `HTTP/${record.httpVersion}`,
      cookies: [],
      headers,
      queryString: queryPairs(record.query),
      headersSize: -1,
      bodySize: record.body.omitted ? -1 : body.length,
    },
    response: {
      status: record.response.status ?? 0,
      statusText: record.response.status ? (STATUS_CODES[record.response.status] ?? '') : '',
      httpVersion: `HTTP/${record.httpVersion}`,
      cookies: [],
      headers: toHarHeaders(record.response.headers),
      content: {
        size: record.response.bodySize,
        mimeType: header(record.response.headers, 'content-type') ?? '',
        ...(record.response.body !== undefined && { text: record.response.body }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: record.response.status === undefined ? -1 : record.response.bodySize,
    },
    cache: {},
    timings: {
      send: 0,
      wait: Math.max(0, record.timing.processMs - record.timing.bodyMs),
      receive: Math.max(0, record.timing.bodyMs),
    },
    _hookscope: hookscopeFields(record),
  };
  if (!record.body.omitted && (body.length > 0 || !['GET', 'HEAD'].includes(record.method))) {
    const text = asText(body);
    entry.request.postData =
      text === undefined
        ? { mimeType: contentType, text: body.toString('base64'), encoding: 'base64' }
        : { mimeType: contentType, text };
  }
  return entry;
}

function hookscopeFields(record: CaptureRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    captureId: record.id,
    endpoint: record.endpoint,
    remoteAddress: record.remoteAddress,
    clientAddress: record.clientAddress,
    viaTunnel: record.viaTunnel,
    verdict: record.verdict,
    notes: record.notes,
    responseKind: record.response.kind,
  };
  if (record.duplicateOf) fields.duplicateOf = record.duplicateOf;
  if (record.verification) fields.verification = record.verification;
  if (record.body.omitted) fields.bodyOmitted = record.body.omitted;
  return fields;
}

/** Scheme and host as the sender addressed us: https through the tunnel, the Host header it sent. */
function absoluteUrl(record: CaptureRecord, receiverUrl: string): string {
  const base = new URL(receiverUrl);
  const host = header(record.rawHeaders, 'host') ?? base.host;
  const scheme = record.viaTunnel ? 'https:' : base.protocol;
  return `${scheme}//${host}${record.url}`;
}

/** Header names and values are bytes (latin1 in Node); HAR is JSON text, so they go as UTF-8 where they were. */
const toHarHeaders = (pairs: HeaderPairs): HarHeader[] => pairs.map(([name, value]) => ({ name, value }));

function queryPairs(query: string): HarHeader[] {
  if (!query) return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    return { name: safeDecode(name), value: safeDecode(value) };
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function header(pairs: HeaderPairs, name: string): string | undefined {
  const lower = name.toLowerCase();
  return pairs.find(([n]) => n.toLowerCase() === lower)?.[1];
}
