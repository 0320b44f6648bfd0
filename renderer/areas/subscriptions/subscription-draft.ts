/**
 * The editor's working copy of a subscription: form-friendly strings and lists, converted to and from the
 * API's shape. Validation is the engine's; only what cannot be sent at all (a number that is not one) is
 * caught here, under the same paths the API uses.
 */
import type {
  CreateSubscriptionParams,
  DeliveryScheme,
  ProviderProfile,
  RetryPreset,
  Subscription,
} from '../../../shared/contract/index.js';
import { formatHeaderLines, parseHeaderLines } from '../../ui/header-lines.js';

export interface SubscriptionDraft {
  name: string;
  description: string;
  url: string;
  enabled: boolean;
  profile: ProviderProfile;
  scheme: DeliveryScheme;
  /** '' = let the engine pick or make one. */
  keyId: string;
  events: string[];
  /** '' = organisation-wide. */
  workspaces: string;
  forms: string;
  condition: string;
  include: string;
  exclude: string;
  metadataOnly: boolean;
  headers: string;
  retryPreset: RetryPreset;
  /** Custom schedule as typed: seconds, comma- or space-separated. */
  delays: string;
  timeoutSec: string;
  rateLimit: string;
  allowInsecure: boolean;
}

export const EMPTY_DRAFT: SubscriptionDraft = {
  name: '',
  description: '',
  url: '',
  enabled: true,
  profile: 'instafill',
  scheme: 'instafill-hmac',
  keyId: '',
  events: [],
  workspaces: '',
  forms: '',
  condition: '',
  include: '',
  exclude: '',
  metadataOnly: false,
  headers: '',
  retryPreset: 'instafill',
  delays: '60, 300, 900',
  timeoutSec: '30',
  rateLimit: '0',
  allowInsecure: false,
};

const list = (items: string[]) => items.join(', ');
const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function draftOf(sub: Subscription): SubscriptionDraft {
  return {
    name: sub.name,
    description: sub.description,
    url: sub.url,
    enabled: sub.enabled,
    profile: sub.profile,
    scheme: sub.scheme,
    keyId: sub.keyId ?? '',
    events: [...sub.events],
    workspaces: list(sub.scope.workspaces),
    forms: list(sub.scope.forms),
    condition: sub.condition,
    include: list(sub.filter.include),
    exclude: list(sub.filter.exclude),
    metadataOnly: sub.filter.metadataOnly,
    headers: formatHeaderLines(Object.entries(sub.headers)),
    retryPreset: sub.retry.preset,
    delays: sub.retry.delaysSec ? list(sub.retry.delaysSec.map(String)) : EMPTY_DRAFT.delays,
    timeoutSec: String(sub.timeoutMs / 1000),
    rateLimit: String(sub.rateLimitPerMinute),
    allowInsecure: sub.allowInsecure,
  };
}

/** Seconds of a custom schedule, or undefined when something typed is not a whole number. */
export function parseDelays(text: string): number[] | undefined {
  const parts = splitList(text);
  if (parts.some((p) => !/^\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

export type DraftResult =
  | { ok: true; params: CreateSubscriptionParams }
  | { ok: false; issues: Record<string, string> };

export function paramsOf(draft: SubscriptionDraft): DraftResult {
  const issues: Record<string, string> = {};
  const headers = parseHeaderLines(draft.headers);
  if (!headers.ok) issues.headers = headers.error;
  const delays = parseDelays(draft.delays);
  if (draft.retryPreset === 'custom' && !delays)
    issues['retry.delaysSec'] = 'whole seconds, e.g. 60, 300, 900';
  const timeout = Number(draft.timeoutSec);
  if (draft.timeoutSec.trim() === '' || !Number.isFinite(timeout)) issues.timeoutMs = 'seconds, e.g. 30';
  const rate = Number(draft.rateLimit);
  if (draft.rateLimit.trim() === '' || !Number.isInteger(rate))
    issues.rateLimitPerMinute = 'a whole number; 0 = unlimited';
  if (Object.keys(issues).length > 0 || !headers.ok) return { ok: false, issues };
  return {
    ok: true,
    params: {
      url: draft.url.trim(),
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      description: draft.description,
      enabled: draft.enabled,
      profile: draft.profile,
      scheme: draft.scheme,
      ...(draft.keyId ? { keyId: draft.keyId } : {}),
      events: draft.events,
      scope: { workspaces: splitList(draft.workspaces), forms: splitList(draft.forms) },
      condition: draft.condition,
      filter: {
        include: splitList(draft.include),
        exclude: splitList(draft.exclude),
        metadataOnly: draft.metadataOnly,
      },
      headers: Object.fromEntries(headers.headers),
      retry:
        draft.retryPreset === 'custom'
          ? { preset: 'custom', delaysSec: delays ?? [] }
          : { preset: draft.retryPreset },
      timeoutMs: Math.round(timeout * 1000),
      rateLimitPerMinute: rate,
      allowInsecure: draft.allowInsecure,
    },
  };
}

/** The message for a field: its own issue or the first issue inside it (e.g. `filter.include.2`). */
export function issueFor(issues: Record<string, string>, path: string): string | undefined {
  if (issues[path]) return issues[path];
  const nested = Object.keys(issues).find((p) => p.startsWith(`${path}.`));
  return nested ? `${nested.slice(path.length + 1)}: ${issues[nested]}` : undefined;
}
