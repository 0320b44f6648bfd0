/** Network and TLS failures of an attempt, in words a person can act on, with a stable code for filtering. */

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export interface SendErrorContext {
  timedOut: boolean;
  aborted: boolean;
  url: URL;
  timeoutMs: number;
}

function codeOf(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown }; name?: unknown };
  if (typeof e?.cause?.code === 'string' && (e.code === undefined || e.code === 'UND_ERR_SOCKET'))
    return e.cause.code;
  if (typeof e?.code === 'string') return e.code;
  return typeof e?.name === 'string' ? e.name : 'Error';
}

export function describeSendError(err: unknown, ctx: SendErrorContext): { code: string; message: string } {
  const raw = err instanceof Error ? err.message : String(err);
  if (ctx.aborted) return { code: 'aborted', message: 'the attempt was stopped (canceled or shutting down)' };
  if (ctx.timedOut) {
    return {
      code: 'timeout',
      message: `no complete response within ${ctx.timeoutMs / 1000} s (the subscription's timeout)`,
    };
  }
  const code = codeOf(err);
  const host = ctx.url.host;
  switch (code) {
    case 'ECONNREFUSED':
      return { code, message: `connection refused by ${host}: nothing is listening there` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code, message: `DNS: could not resolve ${ctx.url.hostname}` };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return { code, message: `${host} closed the connection before sending a complete response` };
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { code, message: `could not connect to ${host} in time` };
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return {
        code: 'timeout',
        message: `no complete response within ${ctx.timeoutMs / 1000} s (the subscription's timeout)`,
      };
    case 'ERR_SSL_UNSUPPORTED_PROTOCOL':
    case 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION':
      return { code, message: `${host} only speaks TLS older than 1.2, which webhooks are never sent over` };
  }
  if (TLS_TRUST_CODES.has(code)) {
    return {
      code,
      message: `TLS: the certificate of ${host} is not trusted (${raw}); for a development server switch on "allow insecure (development)"`,
    };
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))
    return { code, message: `TLS handshake with ${host} failed: ${raw}` };
  return { code, message: raw };
}
