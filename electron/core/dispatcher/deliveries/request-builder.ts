/**
 * The request for one attempt: the profile's envelope rendered for this attempt, the content headers,
 * the subscription's custom headers, the profile's own headers and the scheme's signature headers (the
 * scheme's win on a clash), in that order. Signing is done by the signing module over the exact bytes sent.
 */
import type { DispatchEvent, ProviderProfile } from '../../../../shared/contract/dispatcher-model.js';
import type { SignedHeaders } from '../../signing/schemes/types.js';
import { VERSION } from '../../version.js';
import { renderBody } from '../envelope.js';
import type { SignInput } from '../signer.js';

export const USER_AGENT = `Hookscope/${VERSION} (webhook dispatcher)`;

export interface BuiltRequest {
  url: URL;
  headers: [string, string][];
  body: Buffer;
}

/** What a request is built from: a subscription, or the CLI's flags. */
export interface RequestSpec {
  url: string;
  profile: ProviderProfile;
  headers: Record<string, string>;
  /** Signs the exact body; returns the scheme's headers ({} when unsigned). */
  sign: (body: Buffer, input: SignInput) => SignedHeaders;
}

export function buildRequest(sub: RequestSpec, event: DispatchEvent, wallMs: number): BuiltRequest {
  const body = Buffer.from(renderBody(sub.profile, event, event.data, wallMs));
  const timestamp = Math.floor(wallMs / 1000);
  const headers = new HeaderList();
  headers.set('content-type', 'application/json');
  headers.set('user-agent', USER_AGENT);
  for (const [name, value] of Object.entries(sub.headers)) headers.set(name, value);
  if (sub.profile === 'instafill') headers.set('X-Instafill-Event', event.type);
  if (sub.profile === 'standard-webhooks') {
    headers.set('webhook-id', event.id);
    headers.set('webhook-timestamp', String(timestamp));
  }
  const signed = sub.sign(body, { id: event.id, timestamp, event: event.type });
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
  return { url: new URL(sub.url), headers: headers.pairs(), body };
}

/** Ordered headers where setting a name again (any case) replaces the earlier value in place. */
class HeaderList {
  readonly #pairs: [string, string][] = [];

  set(name: string, value: string): void {
    const lower = name.toLowerCase();
    const existing = this.#pairs.find(([n]) => n.toLowerCase() === lower);
    if (existing) {
      existing[0] = name;
      existing[1] = value;
    } else this.#pairs.push([name, value]);
  }

  pairs(): [string, string][] {
    return this.#pairs.map(([n, v]) => [n, v]);
  }
}
