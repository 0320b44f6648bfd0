/** The endpoint editor's form state (strings, as typed) and its conversion to API params. */
import {
  type CreateEndpointParams,
  DEFAULT_MAX_BODY_BYTES,
  type Endpoint,
  type ResponseMode,
  type SchemeId,
} from '../../../shared/contract/index.js';
import { headersToText, textToHeaders } from './urls.js';

export interface EndpointForm {
  name: string;
  path: string;
  /** '' = no signature expected. */
  scheme: SchemeId | '';
  keyId: string;
  secret: string;
  hasSecret: boolean;
  rejectInvalid: boolean;
  status: string;
  headers: string;
  body: string;
  delayMs: string;
  mode: ResponseMode;
  failFirst: string;
  failPercent: string;
  failStatus: string;
  dedupe: boolean;
  dedupeWindowSec: string;
  ipAllowlist: string;
  rateLimitPerMinute: string;
  maxBodyBytes: string;
  validatePayload: boolean;
  rejectInvalidPayload: boolean;
  forwardTo: string;
}

export function formFromEndpoint(e?: Endpoint): EndpointForm {
  return {
    name: e?.name ?? '',
    path: e?.path ?? '/webhooks/',
    scheme: e?.verify?.scheme ?? '',
    keyId: e?.verify?.keyId ?? '',
    secret: '',
    hasSecret: e?.verify?.hasSecret ?? false,
    rejectInvalid: e?.verify?.rejectInvalid ?? false,
    status: String(e?.response.status ?? 200),
    headers: headersToText(e?.response.headers ?? [['content-type', 'application/json']]),
    body: e?.response.body ?? '{"ok":true}',
    delayMs: String(e?.response.delayMs ?? 0),
    mode: e?.response.mode ?? 'respond',
    failFirst: String(e?.response.failFirst ?? 0),
    failPercent: String(e?.response.failPercent ?? 0),
    failStatus: String(e?.response.failStatus ?? 500),
    dedupe: e?.guards.dedupe.enabled ?? true,
    dedupeWindowSec: String(e?.guards.dedupe.windowSec ?? 86400),
    ipAllowlist: (e?.guards.ipAllowlist ?? []).join('\n'),
    rateLimitPerMinute: String(e?.guards.rateLimitPerMinute ?? 0),
    maxBodyBytes: String(e?.guards.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
    validatePayload: e?.guards.validatePayload ?? false,
    rejectInvalidPayload: e?.guards.rejectInvalidPayload ?? false,
    forwardTo: e?.forwardTo ?? '',
  };
}

/** A number as typed; what cannot be read goes to the API as-is so its message lands on the field. */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function paramsFromForm(
  form: EndpointForm,
): { params: CreateEndpointParams } | { issues: Record<string, string> } {
  const headers = textToHeaders(form.headers);
  if ('error' in headers) return { issues: { 'response.headers': headers.error } };
  const numbers: [string, string][] = [
    ['response.status', form.status],
    ['response.delayMs', form.delayMs],
    ['response.failFirst', form.failFirst],
    ['response.failPercent', form.failPercent],
    ['response.failStatus', form.failStatus],
    ['guards.dedupe.windowSec', form.dedupeWindowSec],
    ['guards.rateLimitPerMinute', form.rateLimitPerMinute],
    ['guards.maxBodyBytes', form.maxBodyBytes],
  ];
  const issues: Record<string, string> = {};
  for (const [path, text] of numbers) if (Number.isNaN(num(text))) issues[path] = 'Enter a number';
  if (Object.keys(issues).length > 0) return { issues };
  return {
    params: {
      name: form.name.trim() || form.path,
      path: form.path.trim(),
      verify: form.scheme
        ? {
            scheme: form.scheme,
            ...(form.keyId ? { keyId: form.keyId } : form.secret ? { secret: form.secret } : {}),
            rejectInvalid: form.rejectInvalid,
          }
        : null,
      response: {
        status: num(form.status),
        headers: headers.headers,
        body: form.body,
        delayMs: num(form.delayMs),
        mode: form.mode,
        failFirst: num(form.failFirst),
        failPercent: num(form.failPercent),
        failStatus: num(form.failStatus),
      },
      guards: {
        dedupe: { enabled: form.dedupe, windowSec: num(form.dedupeWindowSec) },
        ipAllowlist: form.ipAllowlist
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        rateLimitPerMinute: num(form.rateLimitPerMinute),
        maxBodyBytes: num(form.maxBodyBytes),
        validatePayload: form.validatePayload,
        rejectInvalidPayload: form.rejectInvalidPayload,
      },
      forwardTo: form.forwardTo.trim() || null,
    },
  };
}
