/**
 * The sending side's domain model: catalogs, subscriptions, events, deliveries, the clock, stats and
 * scenarios. Pure types and constants, shared by the engine, both transports and the renderer.
 */
import type { SchemeId } from './signing.js';

/** How an event is wrapped and signed for the receiver: the two modelled providers, the spec, or your own. */
export const PROVIDER_PROFILES = ['instafill', 'instnt', 'standard-webhooks', 'custom'] as const;
export type ProviderProfile = (typeof PROVIDER_PROFILES)[number];

export const RETRY_PRESETS = ['instafill', 'svix', 'none', 'custom'] as const;
export type RetryPreset = (typeof RETRY_PRESETS)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'canceled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CLOCK_MODES = ['real', 'manual', 'scaled'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

/** "Not signed": custom profiles may send without a signature (a plain JSON POST). */
export type DeliveryScheme = SchemeId | 'none';

export interface CatalogField {
  name: string;
  /** As the provider documents it: String, Number, UUID, JSON, JSON String, IP Address, Token… */
  type: string;
  description: string;
}

export interface CatalogEventType {
  /** The canonical, correctly spelled type, e.g. "transaction.accepted". */
  type: string;
  provider: 'instafill' | 'instnt' | 'custom';
  group: string;
  description: string;
  /** Other spellings accepted on input (the providers' own docs misspell some), resolved to `type`. */
  aliases: string[];
  fields: CatalogField[];
  /** Field names a valid payload's data must carry. */
  required: string[];
  /** Field names with customer content (filled form values, fingerprints): dropped by "metadata only". */
  contentFields: string[];
  /** A realistic `data` object for this type. */
  sample: Record<string, unknown>;
  /** Test events go only to the subscriptions a caller names and say so in their payload. */
  test: boolean;
}

export interface ProfileInfo {
  id: ProviderProfile;
  label: string;
  /** The scheme a new subscription with this profile signs with. */
  defaultScheme: DeliveryScheme;
  /** An example envelope, so people can see the wire shape before subscribing. */
  envelopeExample: Record<string, unknown>;
}

export interface RetryPresetInfo {
  id: RetryPreset;
  label: string;
  /** Seconds to wait before each retry (after the first attempt); empty = no retries. */
  delaysSec: number[];
}

export interface Catalog {
  types: CatalogEventType[];
  profiles: ProfileInfo[];
  retryPresets: RetryPresetInfo[];
}

export interface RetryPolicy {
  preset: RetryPreset;
  /** Only for `custom`: seconds before each retry. */
  delaysSec?: number[];
}

export interface PayloadFilter {
  /** Dotted paths inside `data` to keep (empty = keep everything); `*` matches any key or index. */
  include: string[];
  /** Dotted paths inside `data` to drop (applied after include). */
  exclude: string[];
  /** Drop customer content: the type's content fields and any nested object or list. */
  metadataOnly: boolean;
}

export interface SubscriptionScope {
  /** Workspace ids; empty = organisation-wide (every workspace). */
  workspaces: string[];
  /** Instnt forms/workflows mapped to this webhook; none mapped = all forms. */
  forms: string[];
}

export interface Subscription {
  id: string;
  name: string;
  description: string;
  url: string;
  enabled: boolean;
  /** Why the dispatcher switched it off (e.g. the receiver answered 410 Gone). */
  disabledReason?: string;
  profile: ProviderProfile;
  scheme: DeliveryScheme;
  /** The signing key (see /api/keys); absent only when scheme is "none". */
  keyId?: string;
  /** Canonical event types and wildcards ("*" = every event, "form.*" = every form event). */
  events: string[];
  scope: SubscriptionScope;
  /** A CEL expression over {event, data, workspace_id, form_id, test}; empty = always. */
  condition: string;
  filter: PayloadFilter;
  /** Added to every request, after the content type and before the signature headers. */
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Outbound requests per minute to this URL; 0 = unlimited. */
  rateLimitPerMinute: number;
  /** Development only: allow plain http:// to non-loopback hosts and untrusted TLS certificates. */
  allowInsecure: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DispatchEvent {
  id: string;
  type: string;
  /** A human-friendly name (Instnt's event `name`), e.g. "Document front.png submitted". */
  name: string;
  /** Wall-clock ISO time the event happened. */
  createdAt: string;
  workspaceId: string;
  formId?: string;
  test: boolean;
  data: Record<string, unknown>;
}

export interface HttpTimings {
  /** Name resolution; absent for IP literals and reused connections. */
  dnsMs?: number;
  /** TCP connect; absent when the connection was reused. */
  connectMs?: number;
  /** TLS handshake; absent for http:// and reused connections. */
  tlsMs?: number;
  /** From the start of the attempt to the first byte of the response. */
  firstByteMs?: number;
  totalMs: number;
  reusedConnection: boolean;
}

export interface AttemptRequest {
  method: 'POST';
  url: string;
  /** Headers exactly as written on the wire, in order (including host and content-length). */
  headers: [string, string][];
  body: string;
}

export interface AttemptResponse {
  status: number;
  headers: [string, string][];
  /** UTF-8 text, or base64 when the body is not valid UTF-8. */
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  /** Bytes received in total (the logged body stops at the log limit). */
  bodyBytes: number;
  truncated: boolean;
}

export interface DeliveryAttempt {
  n: number;
  trigger: 'scheduled' | 'manual' | 'test';
  /** The Hookscope clock when it ran (manual and scaled clocks differ from the wall). */
  clockAt: string;
  /** Wall-clock time it was sent. */
  sentAt: string;
  request: AttemptRequest;
  response?: AttemptResponse;
  error?: { code: string; message: string };
  timings: HttpTimings;
  ok: boolean;
  /** Seconds the receiver asked us to wait (Retry-After), before clamping. */
  retryAfterSec?: number;
}

export interface DeliverySummary {
  id: string;
  eventId: string;
  eventType: string;
  subscriptionId: string;
  subscriptionName: string;
  url: string;
  profile: ProviderProfile;
  scheme: DeliveryScheme;
  status: DeliveryStatus;
  test: boolean;
  createdAt: string;
  updatedAt: string;
  attemptCount: number;
  /** Attempts the policy allows in total (first + retries). */
  maxAttempts: number;
  /** Clock time of the next scheduled attempt while pending. */
  nextAttemptAt?: string;
  lastStatus?: number;
  lastError?: string;
  lastLatencyMs?: number;
  /** Why it ended: "2xx", "retries exhausted", "410 Gone: subscription disabled", "canceled by …". */
  finalReason?: string;
}

export interface Delivery extends DeliverySummary {
  event: DispatchEvent;
  attempts: DeliveryAttempt[];
  /** What happened to the alert webhook post after a final failure. */
  alertPost?: { url: string; status?: number; error?: string };
}

export interface DeliveriesSkipped {
  subscriptionId: string;
  reason: string;
}

export interface FireResult {
  event: DispatchEvent;
  deliveries: DeliverySummary[];
  /** Subscriptions whose events and scope matched but whose condition did not (or failed). */
  skipped: DeliveriesSkipped[];
}

/** What POST /api/events/send-once answers: one signed request, sent once, nothing stored. */
export interface SendOnceResult {
  event: DispatchEvent;
  profile: ProviderProfile;
  scheme: DeliveryScheme;
  outcome: {
    request: AttemptRequest;
    response?: AttemptResponse;
    error?: { code: string; message: string };
    timings: HttpTimings;
    ok: boolean;
    aborted: boolean;
  };
}

export interface ClockState {
  mode: ClockMode;
  /** ×N for scaled, 1 for real, 0 for manual. */
  speed: number;
  /** The Hookscope clock. */
  now: string;
  nowMs: number;
  /** How far the Hookscope clock is ahead of the wall (never negative: it does not run backwards). */
  offsetMs: number;
  pending: number;
  nextDueAt?: string;
}

export interface StepResult {
  clock: ClockState;
  /** Scheduler jobs run by this step: delivery ids and scenario steps. */
  ran: string[];
  deliveries: DeliverySummary[];
}

export interface StatsWindow {
  attempts: number;
  succeeded: number;
  failed: number;
  /** Share of attempts that succeeded, 0–1; null when there were none. */
  successRate: number | null;
  /** Over attempts that got a response. */
  latencyMs: { p50: number; p95: number; p99: number } | null;
}

export interface SubscriptionStats {
  subscriptionId: string;
  deliveries: Record<DeliveryStatus, number>;
  windows: { '24h': StatsWindow; '7d': StatsWindow };
}

export interface DispatcherAlert {
  id: string;
  kind: 'delivery_failed' | 'subscription_disabled';
  at: string;
  subscriptionId: string;
  subscriptionName: string;
  deliveryId?: string;
  eventId?: string;
  eventType?: string;
  message: string;
}

export interface ScenarioInfo {
  id: string;
  name: string;
  description: string;
  provider: 'instafill' | 'instnt';
  steps: { offsetSec: number; type: string; label: string }[];
}

export interface ScenarioRun {
  runId: string;
  scenarioId: string;
  startedAt: string;
  total: number;
  fired: number;
  status: 'running' | 'done' | 'canceled';
  steps: { type: string; label: string; dueAt: string; eventId?: string; deliveries?: number }[];
}

export interface ScenarioProgress {
  runId: string;
  scenarioId: string;
  step: number;
  total: number;
  type: string;
  label: string;
  eventId?: string;
  deliveries: number;
  status: ScenarioRun['status'];
}

export interface DispatcherLiveEvents {
  delivery: DeliverySummary;
  alert: DispatcherAlert;
  clock: ClockState;
  scenario: ScenarioProgress;
}
