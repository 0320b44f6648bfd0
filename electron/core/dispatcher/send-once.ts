/**
 * One signed webhook, sent once, without an engine: what `hookscope send` does. Same catalog, envelopes,
 * signing and HTTP client as the dispatcher, no subscriptions, no retries, nothing stored.
 */
import type {
  DeliveryScheme,
  DispatchEvent,
  ProviderProfile,
} from '../../../shared/contract/dispatcher-model.js';
import type { SchemeId } from '../../../shared/contract/signing.js';
import { ValidationError } from '../../../shared/errors.js';
import type { SigningKey } from '../signing/signing-key.js';
import { signWebhook } from '../signing/verify.js';
import { INSTAFILL_TYPES } from './catalog/instafill-catalog.js';
import { INSTNT_TYPES } from './catalog/instnt-catalog.js';
import { buildRequest } from './deliveries/request-builder.js';
import { createEvent } from './event-factory.js';
import { DeliveryClient, type SendOutcome } from './http/delivery-client.js';
import { checkDeliveryUrl } from './url-policy.js';

const PROFILE_OF_SCHEME: Partial<Record<SchemeId, ProviderProfile>> = {
  'instafill-hmac': 'instafill',
  'instnt-rsa': 'instnt',
  'standard-webhooks': 'standard-webhooks',
};

export interface SendOnceOptions {
  type: string;
  url: string;
  profile?: ProviderProfile;
  /** With `key`; omit both to send unsigned. */
  scheme?: SchemeId;
  key?: SigningKey;
  data?: Record<string, unknown>;
  test?: boolean;
  insecure?: boolean;
  /** Plain http:// to any host, while TLS stays strict (the API's explicit one-off sends). */
  allowHttp?: boolean;
  /** How the URL is named in a validation error ("--to" for the CLI, "to" for the API). */
  urlField?: string;
  timeoutMs: number;
  workspaceId?: string;
}

export interface SendOnceResult {
  event: DispatchEvent;
  profile: ProviderProfile;
  scheme: DeliveryScheme;
  outcome: SendOutcome;
}

export async function sendOnce(
  opts: SendOnceOptions,
  wall: () => number = Date.now,
): Promise<SendOnceResult> {
  const entry = [...INSTAFILL_TYPES, ...INSTNT_TYPES].find(
    (t) => t.type === opts.type || t.aliases.includes(opts.type),
  );
  if (!entry)
    throw new ValidationError(`unknown event type "${opts.type}" (built-in Instafill and Instnt types only)`);
  const url = checkDeliveryUrl(
    opts.url,
    opts.insecure === true || opts.allowHttp === true,
    opts.urlField ?? '--to',
  );
  if ((opts.scheme === undefined) !== (opts.key === undefined)) {
    throw new ValidationError('give a scheme and a key together (or neither, to send unsigned)');
  }
  const profile =
    opts.profile ??
    (opts.scheme && PROFILE_OF_SCHEME[opts.scheme]) ??
    (entry.provider === 'instnt' ? 'instnt' : 'instafill');
  const event = createEvent(
    {
      entry,
      ...(opts.data !== undefined && { data: opts.data }),
      ...(opts.test !== undefined && { test: opts.test }),
      ...(opts.workspaceId !== undefined && { workspaceId: opts.workspaceId }),
    },
    wall(),
  );
  const { scheme, key } = opts;
  const request = buildRequest(
    {
      url: url.href,
      profile,
      headers: {},
      sign: (body, input) => (scheme && key ? signWebhook(scheme, body, key, input) : {}),
    },
    event,
    wall(),
  );
  const client = new DeliveryClient();
  try {
    const outcome = await client.send({
      ...request,
      timeoutMs: opts.timeoutMs,
      insecure: opts.insecure === true,
    });
    return { event, profile, scheme: scheme ?? 'none', outcome };
  } finally {
    await client.close();
  }
}
