/**
 * The receiver's data model: endpoints, captures, replays and the limits both sides share. Pure types and
 * constants (the renderer imports them); the schemas and methods are in receiver.ts.
 */
import type { SchemeId, VerifyReport } from './signing.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest body limit an endpoint may set; the receiver holds a body in memory while it verifies it. */
export const MAX_BODY_LIMIT_BYTES = 100 * 1024 * 1024;
export const DEFAULT_DEDUPE_WINDOW_SEC = 24 * 3600;
export const MAX_DELAY_MS = 5 * 60_000;
export const MAX_REPLAY_TIMEOUT_MS = 5 * 60_000;

/** Where a capture landed: an endpoint id, or this for requests matching no endpoint. */
export const INBOX = 'inbox';
export const RESPONSE_MODES = ['respond', 'hang', 'reset'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];
export const VERDICTS = ['valid', 'invalid', 'unchecked'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type HeaderPairs = [string, string][];

export interface EndpointResponse {
  status: number;
  headers: HeaderPairs;
  body: string;
  delayMs: number;
  /** respond normally, hold the request until the sender gives up, or reset the connection. */
  mode: ResponseMode;
  /** Answer the first N requests with failStatus, then respond normally (counter resets on edit). */
  failFirst: number;
  /** Answer this share of requests (0–100) with failStatus, at random. */
  failPercent: number;
  failStatus: number;
}

export interface EndpointVerify {
  scheme: SchemeId;
  keyId?: string;
  /** Never sent back over the API; `hasSecret` says whether one is set. */
  secret?: string;
  hasSecret?: boolean;
  /** Omitted = the scheme's default; 0 = no timestamp check. */
  toleranceSec?: number;
  /** Answer 401 to a request whose signature does not verify (default: capture and answer as usual). */
  rejectInvalid: boolean;
}

export interface EndpointGuards {
  /** Flag a repeated event id (`event_id`/`id` in a JSON body, `webhook-id` header) within the window. */
  dedupe: {
    enabled: boolean;
    windowSec: number /** Answer duplicates with this status; omitted = as configured. */;
    status?: number;
  };
  /** Addresses or CIDR ranges; empty = everyone. Tunnelled requests are judged by their forwarded address. */
  ipAllowlist: string[];
  /** Requests per source address per minute; 0 = no limit. Over the limit → 429. */
  rateLimitPerMinute: number;
  /** Check the payload against the event catalog (known type, required fields) and flag the capture. */
  validatePayload: boolean;
  /** With validatePayload: answer 400 to a payload that fails validation. */
  rejectInvalidPayload: boolean;
  maxBodyBytes: number;
}

export interface Endpoint {
  id: string;
  name: string;
  /** Exact path, e.g. /webhooks/instafill (no query). */
  path: string;
  createdAt: string;
  updatedAt: string;
  verify?: EndpointVerify;
  response: EndpointResponse;
  guards: EndpointGuards;
  /** Forward each capture, bytes and headers unchanged, to this URL and record the answer. */
  forwardTo?: string;
}

export interface TimingView {
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  totalMs: number;
}

/** One outgoing request (forward or replay) and what came back. */
export interface Exchange {
  url: string;
  method: string;
  requestHeaders: HeaderPairs;
  requestSize: number;
  status?: number;
  statusText?: string;
  responseHeaders?: HeaderPairs;
  /** Response body as base64 (capped; see responseTruncated). */
  responseBase64?: string;
  responseText?: string;
  responseSize?: number;
  responseTruncated?: boolean;
  error?: string;
  timing: TimingView;
}

export interface Replay extends Exchange {
  id: string;
  captureId: string;
  at: string;
  mode: 'as-received' | 'edited';
  resigned?: { scheme: SchemeId; keyId?: string };
}

export interface CaptureResponse {
  kind: ResponseMode | 'rejected';
  /** Absent for hang and reset. */
  status?: number;
  headers: HeaderPairs;
  bodySize: number;
  body?: string;
  delayMs?: number;
  /** Why this answer: "fail first 2 (1 of 2)", "rate limit 60/min", "duplicate of cap_…", … */
  reason?: string;
  /** hang: how long until the sender gave up (filled in afterwards). */
  heldMs?: number;
}

export interface CaptureSummary {
  id: string;
  receivedAt: string;
  /** An endpoint id, or "inbox". */
  endpoint: string;
  endpointName?: string;
  method: string;
  path: string;
  query: string;
  size: number;
  contentType?: string;
  status: number;
  verdict: Verdict;
  duplicateOf?: string;
  remoteAddress: string;
  viaTunnel: boolean;
  source: 'received' | 'imported';
  eventId?: string;
  eventType?: string;
  notes: string[];
}

export interface CaptureBodyView {
  size: number;
  sha256: string;
  /** The raw bytes as received (still encoded when Content-Encoding was set). */
  base64: string;
  /** Content-Encoding applied to the raw bytes, e.g. gzip. */
  encoding?: string;
  decodedSize?: number;
  decodeError?: string;
  /** The decoded body as text, when it is UTF-8 text. */
  text?: string;
  /** Why the bytes were not kept (e.g. over the body limit). */
  omitted?: string;
}

export interface CaptureDetail extends CaptureSummary {
  httpVersion: string;
  /** Path and query exactly as on the request line. */
  url: string;
  /** In received order, duplicates kept, names as sent. */
  rawHeaders: HeaderPairs;
  remotePort?: number;
  /** The address the guards judged: the forwarded one for tunnelled requests. */
  clientAddress: string;
  /** bodyMs: receiving the body; processMs: arrival until the capture went to disk (guards, verify). */
  timing: { bodyMs: number; processMs: number };
  response: CaptureResponse;
  verification?: VerifyReport;
  validation?: { ok: boolean; eventType?: string; problems: string[] };
  forward?: Exchange;
  body: CaptureBodyView;
  replays: Replay[];
}
