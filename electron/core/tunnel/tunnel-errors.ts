/** Why a tunnel could not be opened, with whether trying again later can help (the manager's retry rule). */
import { HookscopeError } from '../../../shared/errors.js';

export class TunnelError extends HookscopeError {
  constructor(
    message: string,
    /** false when only the user can fix it (wrong host, refused subdomain, untrusted certificate). */
    readonly retryable: boolean,
  ) {
    super('unavailable', message);
  }
}

/** The tunnel server answered, but refused or did not speak the localtunnel protocol. */
export class TunnelRegistrationError extends TunnelError {}

/** The server refused the subdomain asked for (taken for good, or against its naming rules). */
export class SubdomainRefusedError extends TunnelRegistrationError {}

/** The tunnel server could not be reached, or stopped answering, at the network level. */
export class TunnelNetworkError extends TunnelError {}

const UNTRUSTED_CERT =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID)/;

/** Turns a socket-level error into a sentence naming the server and what to check. */
export function describeNetworkError(err: unknown, origin: string, timeoutMs: number): TunnelNetworkError {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const hostname = safeHostname(origin);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TunnelNetworkError(
        `cannot resolve ${hostname}: check the tunnel host, or whether this computer is online`,
        true,
      );
    case 'ECONNREFUSED':
      return new TunnelNetworkError(
        `nothing answers at ${origin} (connection refused): is the tunnel server running?`,
        true,
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return new TunnelNetworkError(`${origin} closed the connection unexpectedly`, true);
    case 'ETIMEDOUT':
    case 'ABORT_ERR':
    case 'TIMEOUT':
      return new TunnelNetworkError(`${origin} did not answer within ${duration(timeoutMs)}`, true);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return new TunnelNetworkError(`${hostname} is unreachable: is this computer online?`, true);
    default:
      if (UNTRUSTED_CERT.test(code)) {
        return new TunnelNetworkError(
          `the TLS certificate of ${origin} is not trusted (${code}); check the tunnel host`,
          false,
        );
      }
      return new TunnelNetworkError(`${origin}: ${e?.message ?? String(err)}`, true);
  }
}

/** Time limits as people say them: 300 ms, 8 s. */
export const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

function safeHostname(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return origin;
  }
}
