/**
 * The sending side of the contract: catalog, subscriptions, events, deliveries, the clock and scenarios.
 * zod checks shape and bounds here; the engine adds what needs state (known events, key ids, URL policy,
 * expression syntax) and answers with the same ValidationError issues format.
 */
import { z } from 'zod';
import { defineMethods, returns } from './define.js';
import {
  type Catalog,
  type CatalogEventType,
  CLOCK_MODES,
  type ClockState,
  DELIVERY_STATUSES,
  type Delivery,
  type DeliverySummary,
  type FireResult,
  PROVIDER_PROFILES,
  RETRY_PRESETS,
  type ScenarioInfo,
  type ScenarioRun,
  type SendOnceResult,
  type StepResult,
  type Subscription,
  type SubscriptionStats,
} from './dispatcher-model.js';
import { SCHEME_IDS } from './signing.js';
import type { Page } from './system.js';

export * from './dispatcher-model.js';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MIN_TIMEOUT_MS = 1_000;
export const MAX_TIMEOUT_MS = 120_000;
export const MAX_CUSTOM_RETRIES = 20;
/** A week: the longest single wait a custom retry schedule may ask for. */
export const MAX_RETRY_DELAY_SEC = 7 * 24 * 3600;
export const MAX_RATE_PER_MINUTE = 60_000;
const MAX_URL_CHARS = 2048;
const MAX_LIST = 500;
const MAX_CONDITION_CHARS = 2000;
const MAX_PATHS = 100;
const MAX_HEADERS = 50;
/** Printable ASCII without spaces, so an id can never smuggle a CR/LF into a header or a path. */
const idText = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[!-~]+$/, 'printable ASCII without spaces');
const eventType = z.string().trim().min(1).max(200);
const subscriptionId = z
  .string()
  .regex(/^sub_[A-Za-z0-9]{1,64}$/, 'a subscription id looks like sub_… (see GET /api/subscriptions)');
const deliveryId = z
  .string()
  .regex(/^dlv_[A-Za-z0-9]{1,64}$/, 'a delivery id looks like dlv_… (see GET /api/deliveries)');
const keyId = z.string().regex(/^key_[A-Za-z0-9]{1,64}$/, 'a key id looks like key_… (see GET /api/keys)');
const path = z.string().trim().min(1).max(300);

const scopeSchema = z
  .object({ workspaces: z.array(idText).max(MAX_LIST), forms: z.array(idText).max(MAX_LIST) })
  .partial()
  .strict();
const filterSchema = z
  .object({
    include: z.array(path).max(MAX_PATHS),
    exclude: z.array(path).max(MAX_PATHS),
    metadataOnly: z.boolean(),
  })
  .partial()
  .strict();
const retrySchema = z
  .object({
    preset: z.enum(RETRY_PRESETS),
    delaysSec: z.array(z.number().int().min(0).max(MAX_RETRY_DELAY_SEC)).max(MAX_CUSTOM_RETRIES).optional(),
  })
  .strict()
  .refine((r) => r.preset === 'custom' || r.delaysSec === undefined, {
    message: 'delaysSec goes with preset "custom" only',
    path: ['delaysSec'],
  })
  .refine((r) => r.preset !== 'custom' || (r.delaysSec?.length ?? 0) > 0, {
    message: 'a custom retry policy needs delaysSec, e.g. [60, 300, 900] (or use preset "none")',
    path: ['delaysSec'],
  });
const headersSchema = z
  .record(z.string().min(1).max(256), z.string().max(8192))
  .refine((h) => Object.keys(h).length <= MAX_HEADERS, `at most ${MAX_HEADERS} custom headers`);

const subscriptionFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000),
  url: z.string().trim().min(1).max(MAX_URL_CHARS),
  enabled: z.boolean(),
  profile: z.enum(PROVIDER_PROFILES),
  scheme: z.enum([...SCHEME_IDS, 'none']),
  keyId: keyId.nullable(),
  events: z.array(eventType).min(1, 'subscribe to at least one event, or ["*"] for all').max(MAX_LIST),
  scope: scopeSchema,
  condition: z.string().max(MAX_CONDITION_CHARS),
  filter: filterSchema,
  headers: headersSchema,
  retry: retrySchema,
  timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS),
  rateLimitPerMinute: z.number().int().min(0).max(MAX_RATE_PER_MINUTE),
  allowInsecure: z.boolean(),
};

export const createSubscriptionSchema = z
  .object(subscriptionFields)
  .partial()
  .required({ url: true })
  .strict();
export type CreateSubscriptionParams = z.output<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z
  .object({ id: subscriptionId, ...subscriptionFields })
  .partial()
  .required({ id: true })
  .strict();
export type UpdateSubscriptionParams = z.output<typeof updateSubscriptionSchema>;

export const fireEventSchema = z
  .object({
    type: eventType,
    /** Merged over the type's sample data; omit to send the sample as is. */
    data: z.record(z.string(), z.unknown()).optional(),
    workspaceId: idText.optional(),
    formId: idText.optional(),
    test: z.boolean().optional(),
    /** Only these subscriptions (required for test events). */
    subscriptionIds: z.array(subscriptionId).min(1).max(MAX_LIST).optional(),
  })
  .strict();
export type FireEventParams = z.output<typeof fireEventSchema>;

const httpUrl = z
  .string()
  .trim()
  .min(1)
  .max(MAX_URL_CHARS)
  .refine((raw) => {
    try {
      const { protocol } = new URL(raw);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'an http:// or https:// URL, e.g. https://example.com/webhooks');

export const sendOnceSchema = z
  .object({
    /** A built-in Instafill or Instnt event type (or alias). */
    type: eventType,
    /** Merged over the type's sample data; omit to send the sample as is. */
    data: z.record(z.string(), z.unknown()).optional(),
    /** Any http(s) URL: an explicit one-off, like `hookscope send --to`. */
    to: httpUrl,
    scheme: z.enum(SCHEME_IDS),
    /** A stored key (GET /api/keys) … */
    keyId: keyId.optional(),
    /** … or an HMAC secret given inline (never stored). */
    secret: z.string().min(1).max(4096).optional(),
    test: z.boolean().optional(),
    timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS).optional(),
  })
  .strict()
  .refine((p) => (p.keyId === undefined) !== (p.secret === undefined), {
    message: 'give exactly one of keyId or secret',
    path: ['keyId'],
  });
export type SendOnceParams = z.output<typeof sendOnceSchema>;

export const customTypeSchema = z
  .object({
    type: z
      .string()
      .trim()
      .max(100)
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/,
        'an event type is lowercase dotted words, e.g. "invoice.paid"',
      ),
    description: z.string().max(1000).optional(),
    required: z.array(z.string().min(1).max(100)).max(100).optional(),
    fields: z
      .array(
        z
          .object({
            name: z.string().min(1).max(100),
            type: z.string().max(50),
            description: z.string().max(500),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    sample: z.record(z.string(), z.unknown()).optional(),
    test: z.boolean().optional(),
  })
  .strict();
export type CustomTypeParams = z.output<typeof customTypeSchema>;

const bySubscription = z.object({ id: subscriptionId }).strict();
const byDelivery = z.object({ id: deliveryId }).strict();

export const dispatcherMethods = defineMethods({
  getCatalog: { route: 'GET /api/catalog', params: z.object({}).strict(), result: returns<Catalog>() },
  addCustomEventType: {
    route: 'POST /api/catalog/custom',
    params: customTypeSchema,
    result: returns<CatalogEventType>(),
  },
  deleteCustomEventType: {
    route: 'DELETE /api/catalog/custom/:type',
    params: z.object({ type: eventType }).strict(),
    result: returns<{ type: string; deleted: true }>(),
  },
  listSubscriptions: {
    route: 'GET /api/subscriptions',
    params: z.object({}).strict(),
    result: returns<Subscription[]>(),
  },
  createSubscription: {
    route: 'POST /api/subscriptions',
    params: createSubscriptionSchema,
    result: returns<Subscription>(),
  },
  getSubscription: {
    route: 'GET /api/subscriptions/:id',
    params: bySubscription,
    result: returns<Subscription>(),
  },
  updateSubscription: {
    route: 'PATCH /api/subscriptions/:id',
    params: updateSubscriptionSchema,
    result: returns<Subscription>(),
  },
  deleteSubscription: {
    route: 'DELETE /api/subscriptions/:id',
    params: bySubscription,
    result: returns<{ id: string; deleted: true; canceledDeliveries: number }>(),
  },
  testSubscription: {
    route: 'POST /api/subscriptions/:id/test',
    params: z
      .object({
        id: subscriptionId,
        type: eventType.optional(),
        data: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    result: returns<Delivery>(),
  },
  getSubscriptionStats: {
    route: 'GET /api/subscriptions/:id/stats',
    params: bySubscription,
    result: returns<SubscriptionStats>(),
  },
  fireEvent: { route: 'POST /api/events', params: fireEventSchema, result: returns<FireResult>() },
  fireOnce: {
    route: 'POST /api/events/send-once',
    params: sendOnceSchema,
    result: returns<SendOnceResult>(),
    summary:
      'Signs one event and POSTs it once to any http(s) URL (like `hookscope send`); no subscription, no retries, nothing stored.',
  },
  listDeliveries: {
    route: 'GET /api/deliveries',
    params: z
      .object({
        subscription: subscriptionId.optional(),
        status: z.enum(DELIVERY_STATUSES).optional(),
        event: idText.optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
        before: z.string().max(200).optional(),
      })
      .strict(),
    result: returns<Page<DeliverySummary>>(),
  },
  getDelivery: { route: 'GET /api/deliveries/:id', params: byDelivery, result: returns<Delivery>() },
  retryDelivery: { route: 'POST /api/deliveries/:id/retry', params: byDelivery, result: returns<Delivery>() },
  cancelDelivery: {
    route: 'POST /api/deliveries/:id/cancel',
    params: byDelivery,
    result: returns<Delivery>(),
  },
  getClock: { route: 'GET /api/clock', params: z.object({}).strict(), result: returns<ClockState>() },
  setClock: {
    route: 'PUT /api/clock',
    params: z
      .object({ mode: z.enum(CLOCK_MODES), speed: z.number().min(0.01).max(1_000_000).optional() })
      .strict()
      .refine((c) => c.mode === 'scaled' || c.speed === undefined, {
        message: 'speed goes with mode "scaled" only',
        path: ['speed'],
      }),
    result: returns<ClockState>(),
  },
  stepClock: { route: 'POST /api/clock/step', params: z.object({}).strict(), result: returns<StepResult>() },
  listScenarios: {
    route: 'GET /api/scenarios',
    params: z.object({}).strict(),
    result: returns<ScenarioInfo[]>(),
  },
  runScenario: {
    route: 'POST /api/scenarios/:id/run',
    params: z
      .object({
        id: z.string().min(1).max(100),
        subscriptionIds: z.array(subscriptionId).min(1).max(MAX_LIST).optional(),
        workspaceId: idText.optional(),
        formId: idText.optional(),
        test: z.boolean().optional(),
      })
      .strict(),
    result: returns<ScenarioRun>(),
  },
});
