/**
 * The receiver: endpoints (what a path answers and which guards it applies), captures (what arrived, byte
 * for byte), replay, curl and HAR. Pure types and zod schemas; the renderer imports this file too.
 */
import { z } from 'zod';
import { defineMethods, returns } from './define.js';
import {
  type CaptureDetail,
  type CaptureSummary,
  type Endpoint,
  INBOX,
  MAX_BODY_LIMIT_BYTES,
  MAX_DELAY_MS,
  MAX_REPLAY_TIMEOUT_MS,
  RESPONSE_MODES,
  type Replay,
  VERDICTS,
  type Verdict,
} from './receiver-model.js';
import { SCHEME_IDS } from './signing.js';
import type { Page } from './system.js';

export * from './receiver-model.js';

const MAX_PATH_CHARS = 512;
const MAX_NAME_CHARS = 100;
const MAX_RESPONSE_BODY_CHARS = 1024 * 1024;
const MAX_HEADERS = 200;
const MAX_ALLOWLIST = 200;
const MAX_QUERY_CHARS = 500;
const MAX_IMPORT_CHARS = 60 * 1024 * 1024;
const MAX_REPLAY_BODY_CHARS = 25 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------- schemas

const endpointId = z
  .string()
  .regex(/^ep_[A-Za-z0-9]{1,64}$/, 'an endpoint id looks like ep_… (see GET /api/endpoints)');
const captureId = z
  .string()
  .regex(/^cap_[A-Za-z0-9_]{1,80}$/, 'a capture id looks like cap_… (see GET /api/captures)');
/** 1xx are interim answers, never a final one. */
const status = z.number().int().min(200).max(599);
const headerName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid HTTP header name');
/** No CR/LF/NUL: a value may never smuggle a second header into a response or a replay. */
const headerValue = z
  .string()
  .max(16 * 1024)
  .regex(/^[^\r\n\0]*$/, 'header values may not contain CR, LF or NUL');
const headerPairs = z.array(z.tuple([headerName, headerValue])).max(MAX_HEADERS);
const httpUrl = z.url({ protocol: /^https?$/, error: 'give an http:// or https:// URL' });
const booleanParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const endpointPath = z
  .string()
  .min(1)
  .max(MAX_PATH_CHARS)
  .regex(/^\/[^?#\s]*$/, 'a path starts with / and has no query, fragment or spaces');

const responseSchema = z
  .object({
    status,
    headers: headerPairs,
    body: z.string().max(MAX_RESPONSE_BODY_CHARS),
    delayMs: z.number().int().min(0).max(MAX_DELAY_MS),
    mode: z.enum(RESPONSE_MODES),
    failFirst: z.number().int().min(0).max(1_000_000),
    failPercent: z.number().min(0).max(100),
    failStatus: status,
  })
  .partial()
  .strict();

const verifySchema = z
  .object({
    scheme: z.enum(SCHEME_IDS),
    keyId: z
      .string()
      .regex(/^key_[A-Za-z0-9]{1,64}$/, 'a key id looks like key_…')
      .optional(),
    secret: z.string().min(1).max(1024).optional(),
    toleranceSec: z
      .number()
      .int()
      .min(0)
      .max(365 * 24 * 3600)
      .optional(),
    rejectInvalid: z.boolean().optional(),
  })
  .strict();

const cidr = z.string().min(2).max(64);
const guardsSchema = z
  .object({
    dedupe: z
      .object({
        enabled: z.boolean(),
        windowSec: z
          .number()
          .int()
          .min(1)
          .max(30 * 86400),
        status: status.nullable(),
      })
      .partial()
      .strict(),
    ipAllowlist: z.array(cidr).max(MAX_ALLOWLIST),
    rateLimitPerMinute: z.number().int().min(0).max(1_000_000),
    validatePayload: z.boolean(),
    rejectInvalidPayload: z.boolean(),
    maxBodyBytes: z.number().int().min(0).max(MAX_BODY_LIMIT_BYTES),
  })
  .partial()
  .strict();

const endpointFields = {
  name: z.string().trim().min(1).max(MAX_NAME_CHARS),
  verify: verifySchema.nullable(),
  response: responseSchema,
  guards: guardsSchema,
  forwardTo: z.union([httpUrl, z.literal('')]).nullable(),
};

export const createEndpointSchema = z
  .object({ path: endpointPath, ...endpointFields })
  .partial({
    name: true,
    verify: true,
    response: true,
    guards: true,
    forwardTo: true,
  })
  .strict();
export type CreateEndpointParams = z.output<typeof createEndpointSchema>;

export const updateEndpointSchema = z
  .object({ id: endpointId, path: endpointPath, ...endpointFields })
  .partial()
  .required({ id: true })
  .strict();
export type UpdateEndpointParams = z.output<typeof updateEndpointSchema>;

const captureFilterFields = {
  endpoint: z.union([endpointId, z.literal(INBOX)]).optional(),
  q: z.string().max(MAX_QUERY_CHARS).optional(),
  method: z.string().min(1).max(20).optional(),
  verdict: z.enum(VERDICTS).optional(),
  duplicate: booleanParam.optional(),
};
export type CaptureFilter = {
  endpoint?: string;
  q?: string;
  method?: string;
  verdict?: Verdict;
  duplicate?: boolean;
};

export const listCapturesSchema = z
  .object({
    ...captureFilterFields,
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    before: z.string().max(200).optional(),
  })
  .strict();

export const exportHarSchema = z
  .object({
    ...captureFilterFields,
    /** Comma-separated or repeated capture ids; with ids, the filters are ignored. */
    ids: z.union([z.string().max(100_000), z.array(z.string().max(100)).max(10_000)]).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export const replaySchema = z
  .object({
    id: captureId,
    url: httpUrl,
    body: z.string().max(MAX_REPLAY_BODY_CHARS).optional(),
    bodyBase64: z.base64('bodyBase64 is not valid base64').max(MAX_REPLAY_BODY_CHARS).optional(),
    /** Replaces every header of the original (in this order). */
    headers: headerPairs.optional(),
    resign: z
      .object({
        scheme: z.enum(SCHEME_IDS),
        keyId: z
          .string()
          .regex(/^key_[A-Za-z0-9]{1,64}$/)
          .optional(),
        secret: z.string().min(1).max(1024).optional(),
      })
      .strict()
      .refine(
        (r) => (r.keyId === undefined) !== (r.secret === undefined),
        'give exactly one of keyId or secret',
      )
      .optional(),
    timeoutMs: z.number().int().min(100).max(MAX_REPLAY_TIMEOUT_MS).optional(),
  })
  .strict()
  .refine((p) => p.body === undefined || p.bodyBase64 === undefined, 'give body or bodyBase64, not both');
export type ReplayParams = z.output<typeof replaySchema>;

export const importSchema = z.union(
  [
    z
      .object({ har: z.union([z.string().max(MAX_IMPORT_CHARS), z.record(z.string(), z.unknown())]) })
      .strict(),
    z.object({ curl: z.string().min(1).max(MAX_IMPORT_CHARS) }).strict(),
  ],
  { error: 'give {har: "<HAR JSON>"} or {curl: "curl …"}' },
);
export type ImportParams = z.output<typeof importSchema>;

export interface ImportResult {
  imported: CaptureSummary[];
  /** Entries that could not be imported, with why; the rest still are. */
  skipped: { index: number; reason: string }[];
}

const byEndpoint = z.object({ id: endpointId }).strict();
const byCapture = z.object({ id: captureId }).strict();

export const receiverMethods = defineMethods({
  listEndpoints: {
    route: 'GET /api/endpoints',
    params: z.object({}).strict(),
    result: returns<Endpoint[]>(),
    summary:
      "The receiver's endpoints (paths with their response behaviour and guards); secrets are never included.",
  },
  createEndpoint: {
    route: 'POST /api/endpoints',
    params: createEndpointSchema,
    result: returns<Endpoint>(),
    summary:
      'Adds an endpoint; omitted settings take the defaults (200 {"ok":true}, dedupe on, 10 MB limit).',
  },
  getEndpoint: {
    route: 'GET /api/endpoints/:id',
    params: byEndpoint,
    result: returns<Endpoint>(),
    summary: 'One endpoint.',
  },
  updateEndpoint: {
    route: 'PATCH /api/endpoints/:id',
    params: updateEndpointSchema,
    result: returns<Endpoint>(),
    summary:
      'Changes an endpoint; `response` and `guards` are merged field by field, `verify: null` / `forwardTo: null` remove them.',
  },
  deleteEndpoint: {
    route: 'DELETE /api/endpoints/:id',
    params: byEndpoint,
    result: returns<{ id: string; deleted: true }>(),
    summary: 'Removes an endpoint; its captures stay (requests to its path then land in the inbox).',
  },
  listCaptures: {
    route: 'GET /api/captures',
    params: listCapturesSchema,
    result: returns<Page<CaptureSummary>>(),
    summary:
      'Captures, newest first, as summaries; `endpoint` (an id or "inbox"), `method`, `verdict` and `duplicate` filter, `q` searches path, headers and body text; page with `before`.',
  },
  getCapture: {
    route: 'GET /api/captures/:id',
    params: byCapture,
    result: returns<CaptureDetail>(),
    summary:
      'One capture in full: headers in received order, the body as base64 (and as decoded text when it is text), the answer sent, the verification report, forward result and replays.',
  },
  deleteCapture: {
    route: 'DELETE /api/captures/:id',
    params: byCapture,
    result: returns<{ id: string; deleted: true }>(),
    summary: 'Deletes a capture, its body file and its replays.',
  },
  replayCapture: {
    route: 'POST /api/captures/:id/replay',
    params: replaySchema,
    result: returns<Replay>(),
    summary:
      'Sends a capture to `url` as received (signature intact), or with a new body/headers, optionally re-signed; stores and returns the answer with timings.',
  },
  getCaptureCurl: {
    route: 'GET /api/captures/:id/curl',
    params: z.object({ id: captureId, url: httpUrl.optional() }).strict(),
    result: returns<string>(),
    raw: 'text/plain; charset=utf-8',
    summary: 'A curl command that sends the exact bytes of the capture (to `url`, default the receiver).',
  },
  exportHar: {
    route: 'GET /api/captures/export.har',
    params: exportHarSchema,
    result: returns<string>(),
    raw: 'application/json; charset=utf-8',
    summary:
      'Captures as a HAR 1.2 file: the `ids` given (comma-separated), or those matching the list filters (oldest first).',
  },
  importCaptures: {
    route: 'POST /api/captures/import',
    params: importSchema,
    result: returns<ImportResult>(),
    summary:
      'Turns a HAR file (devtools, HTTP Toolkit, Hookscope) or a curl command into captures; broken HAR entries are skipped with reasons.',
  },
  getCertificatePem: {
    route: 'GET /api/certificate.pem',
    params: z.object({}).strict(),
    result: returns<string>(),
    raw: 'application/x-pem-file',
    summary: "The receiver's HTTPS certificate as a PEM file, to add to a trust store.",
  },
});

export interface ReceiverLiveEvents {
  capture: CaptureSummary;
  endpoint: { action: 'created' | 'updated' | 'deleted'; endpoint: Endpoint };
}
