/**
 * Builds a complete, valid Subscription from create/update params, collecting every problem at once so a
 * person fixes them in one go: URL policy, unknown events, CEL syntax, filter paths, header names, and
 * whether the key can sign with the scheme. Key provisioning (generating one when none is given) is the
 * service's job; this file only decides whether one is needed.
 */
import {
  type CreateSubscriptionParams,
  DEFAULT_TIMEOUT_MS,
  type DeliveryScheme,
  type PayloadFilter,
  type ProviderProfile,
  type RetryPolicy,
  type Subscription,
  type UpdateSubscriptionParams,
} from '../../../../shared/contract/dispatcher.js';
import { SCHEME_INFO } from '../../../../shared/contract/signing.js';
import { HookscopeError, ValidationError, type WireError } from '../../../../shared/errors.js';
import type { EventCatalog } from '../catalog/event-catalog.js';
import { compileCondition } from '../condition.js';
import { DEFAULT_RETRY } from '../deliveries/retry-policy.js';
import { PROFILE_DEFAULT_SCHEME } from '../envelope.js';
import { EMPTY_FILTER, parsePath } from '../payload-filter.js';
import type { KeyProvider } from '../signer.js';
import { checkDeliveryUrl } from '../url-policy.js';

/** Set by the client or the scheme: a custom header may not replace them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'x-instafill-signature',
  'x-instafill-event',
  'instnt-signature',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'stripe-signature',
  'x-hub-signature-256',
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

type Issues = NonNullable<WireError['issues']>;

export type SubscriptionDraft = Omit<Subscription, 'keyId'> & { keyId?: string; needsKey: boolean };

const defaultRetry = (profile: ProviderProfile): RetryPolicy =>
  profile === 'standard-webhooks' ? { preset: 'svix' } : DEFAULT_RETRY;

/** Defaults for a new subscription, then the params over them, then checks. */
export function draftFromCreate(
  params: CreateSubscriptionParams,
  deps: { catalog: EventCatalog; keys: KeyProvider; id: string; nowIso: string },
): SubscriptionDraft {
  const profile = params.profile ?? 'instafill';
  const base: Subscription = {
    id: deps.id,
    name: params.name ?? nameFromUrl(params.url),
    description: '',
    url: params.url,
    enabled: true,
    profile,
    scheme: PROFILE_DEFAULT_SCHEME[profile],
    events: ['*'],
    scope: { workspaces: [], forms: [] },
    condition: '',
    filter: { ...EMPTY_FILTER },
    headers: {},
    retry: defaultRetry(profile),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    rateLimitPerMinute: 0,
    allowInsecure: false,
    createdAt: deps.nowIso,
    updatedAt: deps.nowIso,
  };
  return finish(merge(base, params), deps);
}

/** The existing subscription with the patch over it; a new profile brings its scheme unless one is given. */
export function draftFromUpdate(
  existing: Subscription,
  patch: UpdateSubscriptionParams,
  deps: { catalog: EventCatalog; keys: KeyProvider; nowIso: string },
): SubscriptionDraft {
  const next = merge(existing, patch);
  if (patch.profile !== undefined && patch.scheme === undefined && patch.profile !== existing.profile) {
    next.scheme = PROFILE_DEFAULT_SCHEME[patch.profile];
  }
  // Another scheme wants another kind of key: unless one is named, a fresh one is generated.
  if (next.scheme !== existing.scheme && patch.keyId === undefined) delete next.keyId;
  next.updatedAt = deps.nowIso;
  return finish(next, deps);
}

function merge(base: Subscription, p: CreateSubscriptionParams | UpdateSubscriptionParams): Subscription {
  const { keyId, scope, filter, retry, ...flat } = p as CreateSubscriptionParams;
  const next: Subscription = { ...structuredClone(base) };
  for (const [k, v] of Object.entries(flat))
    if (v !== undefined && k !== 'id') (next as unknown as Record<string, unknown>)[k] = v;
  if (scope) next.scope = { ...next.scope, ...scope };
  if (filter) next.filter = { ...next.filter, ...filter } as PayloadFilter;
  if (retry)
    next.retry =
      retry.preset === 'custom'
        ? { preset: 'custom', delaysSec: retry.delaysSec ?? [] }
        : { preset: retry.preset };
  if (keyId === null) delete next.keyId;
  else if (keyId !== undefined) next.keyId = keyId;
  return next;
}

function finish(sub: Subscription, deps: { catalog: EventCatalog; keys: KeyProvider }): SubscriptionDraft {
  const issues: Issues = [];
  const attempt = (path: string, check: () => void) => {
    try {
      check();
    } catch (err) {
      if (!(err instanceof HookscopeError)) throw err;
      issues.push(
        ...(err.issues?.length ? err.issues.map((i) => ({ ...i, path })) : [{ path, message: err.message }]),
      );
    }
  };
  attempt('url', () => {
    sub.url = checkDeliveryUrl(sub.url, sub.allowInsecure).href;
  });
  const events: string[] = [];
  sub.events.forEach((pattern, i) => {
    attempt(`events.${i}`, () => events.push(deps.catalog.normalisePattern(pattern)));
  });
  sub.events = [...new Set(events)];
  attempt('condition', () => compileCondition(sub.condition));
  for (const field of ['include', 'exclude'] as const) {
    sub.filter[field].forEach((path, i) => {
      const parsed = parsePath(path);
      if (typeof parsed === 'string') issues.push({ path: `filter.${field}.${i}`, message: parsed });
    });
  }
  for (const [name, value] of Object.entries(sub.headers)) {
    if (!HEADER_NAME.test(name))
      issues.push({ path: `headers.${name}`, message: `"${name}" is not a valid header name` });
    else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      issues.push({
        path: `headers.${name}`,
        message: `${name} is set by Hookscope (content or signature); it cannot be overridden`,
      });
    }
    if (!HEADER_VALUE.test(value))
      issues.push({
        path: `headers.${name}`,
        message: 'header values cannot contain line breaks or control characters',
      });
  }
  const needsKey = checkKey(sub, deps.keys, issues);
  if (issues.length > 0) {
    throw new ValidationError(
      `the subscription is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return { ...sub, needsKey };
}

/** Whether a key must be generated; records a problem if the chosen key cannot sign with the scheme. */
function checkKey(sub: Subscription, keys: KeyProvider, issues: Issues): boolean {
  const scheme: DeliveryScheme = sub.scheme;
  if (scheme === 'none') {
    delete sub.keyId;
    return false;
  }
  if (!sub.keyId) return true;
  let info: ReturnType<KeyProvider['get']>;
  try {
    info = keys.get(sub.keyId);
  } catch {
    issues.push({
      path: 'keyId',
      message: `key "${sub.keyId}" does not exist (see GET /api/keys), or omit keyId to generate one`,
    });
    return false;
  }
  const allowed = SCHEME_INFO[scheme].keyTypes;
  if (!allowed.includes(info.type)) {
    issues.push({
      path: 'keyId',
      message: `${scheme} signs with ${allowed.join(' or ')} keys; ${sub.keyId} is ${info.type}`,
    });
  } else if (!info.hasPrivate) {
    issues.push({ path: 'keyId', message: `${sub.keyId} is a public key only: it can verify but not sign` });
  }
  return false;
}

export function nameFromUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`.slice(0, 100);
  } catch {
    return 'Webhook';
  }
}
