/**
 * Endpoints as stored and as served. The stored form keeps an HMAC secret sealed by the host's SecretBox
 * (safeStorage on the desktop); the API view never carries it, only `hasSecret`; the live form holds what
 * the request path needs ready-made (opened secret, compiled allowlist, the fail-first counter).
 */
import type { Endpoint, EndpointVerify } from '../../../../shared/contract/receiver.js';
import type { SchemeId } from '../../../../shared/contract/signing.js';
import type { SecretBox } from '../../store/types.js';
import { IpAllowlist } from '../guards/ip-allowlist.js';

export interface StoredVerify {
  scheme: SchemeId;
  keyId?: string;
  sealedSecret?: string;
  toleranceSec?: number;
  rejectInvalid: boolean;
}

export interface StoredEndpoint extends Omit<Endpoint, 'verify'> {
  verify?: StoredVerify;
}

export interface LiveEndpoint {
  readonly stored: StoredEndpoint;
  readonly view: Endpoint;
  readonly secret: string | undefined;
  readonly allowlist: IpAllowlist;
  /** Requests answered since the endpoint was created or last edited (drives "fail the first N"). */
  served: number;
}

export function publicView(stored: StoredEndpoint): Endpoint {
  const { verify, ...rest } = stored;
  const view: Endpoint = structuredClone(rest);
  if (verify) {
    const { sealedSecret, ...v } = verify;
    const out: EndpointVerify = { ...v };
    if (sealedSecret !== undefined) out.hasSecret = true;
    view.verify = out;
  }
  return view;
}

export function toLive(stored: StoredEndpoint, box: SecretBox): LiveEndpoint {
  const sealed = stored.verify?.sealedSecret;
  return {
    stored,
    view: publicView(stored),
    secret: sealed === undefined ? undefined : box.open(sealed),
    allowlist: IpAllowlist.compile(stored.guards.ipAllowlist),
    served: 0,
  };
}

/** Trailing slashes do not make a different endpoint: /hooks/ and /hooks are one path. */
export function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** Dotted fields for the audit log (its redaction hides anything named like a secret). */
export function auditFields(endpoint: StoredEndpoint | undefined): Record<string, unknown> {
  if (!endpoint) return {};
  const out: Record<string, unknown> = {};
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else out[prefix] = value;
  };
  const { createdAt: _c, updatedAt: _u, ...rest } = endpoint;
  walk('', rest);
  return out;
}
