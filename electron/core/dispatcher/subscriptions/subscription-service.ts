/**
 * Subscriptions: validated, persisted in a small config store, every change audited. Kept in memory and
 * written through, because conf re-reads its file on every get and deliveries look subscriptions up on
 * every attempt. A subscription that signs but names no key gets a fresh one from the key service, the way
 * providers hand out a signing secret when an endpoint is created.
 */
import type { CallContext } from '../../../../shared/contract/define.js';
import type {
  CreateSubscriptionParams,
  Subscription,
  UpdateSubscriptionParams,
} from '../../../../shared/contract/dispatcher.js';
import type { KeyType, SchemeId } from '../../../../shared/contract/signing.js';
import { ConflictError, NotFoundError } from '../../../../shared/errors.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ConfLike } from '../../store/types.js';
import type { EventCatalog } from '../catalog/event-catalog.js';
import { type CompiledCondition, compileCondition } from '../condition.js';
import { newId } from '../ids.js';
import type { KeyProvider } from '../signer.js';
import { draftFromCreate, draftFromUpdate, type SubscriptionDraft } from './subscription-rules.js';

export const MAX_SUBSCRIPTIONS = 1000;
/** Header names whose values never reach the audit log. */
const SENSITIVE_HEADER = /auth|token|key|secret|signature|cookie|password/i;
const SYSTEM_CTX: CallContext = { transport: 'internal', actor: 'dispatcher' };

export type SubscriptionsFile = { subscriptions: Subscription[] };

/** The key type a scheme is generated with when the subscription names none. */
const GENERATED_KEY: Record<SchemeId, KeyType> = {
  'instafill-hmac': 'hmac',
  'instnt-rsa': 'rsa',
  'standard-webhooks': 'hmac',
  stripe: 'hmac',
  github: 'hmac',
};

export interface SubscriptionDeps {
  catalog: EventCatalog;
  keys: KeyProvider;
  audit: AuditLog;
  now: () => number;
}

export class SubscriptionService {
  #subs: Subscription[];
  readonly #conditions = new Map<string, { source: string; fn: CompiledCondition }>();

  constructor(
    private readonly store: ConfLike<SubscriptionsFile>,
    private readonly deps: SubscriptionDeps,
  ) {
    this.#subs = store.get('subscriptions') ?? [];
  }

  list(): Subscription[] {
    return structuredClone(this.#subs);
  }

  /** The live object, for the hot path; callers must not change it. */
  find(id: string): Subscription | undefined {
    return this.#subs.find((s) => s.id === id);
  }

  get(id: string): Subscription {
    const sub = this.find(id);
    if (!sub) throw new NotFoundError('subscription', id);
    return structuredClone(sub);
  }

  enabled(): readonly Subscription[] {
    return this.#subs.filter((s) => s.enabled);
  }

  async create(params: CreateSubscriptionParams, ctx: CallContext): Promise<Subscription> {
    if (this.#subs.length >= MAX_SUBSCRIPTIONS) {
      throw new ConflictError(`at most ${MAX_SUBSCRIPTIONS} subscriptions; delete some first`);
    }
    const now = this.deps.now();
    const draft = draftFromCreate(params, {
      catalog: this.deps.catalog,
      keys: this.deps.keys,
      id: newId('sub', now),
      nowIso: new Date(now).toISOString(),
    });
    const sub = await this.#withKey(draft);
    this.#save([...this.#subs, sub]);
    this.deps.audit.record(ctx, 'subscription.create', `subscription ${sub.id}`, {}, auditView(sub));
    return structuredClone(sub);
  }

  async update(params: UpdateSubscriptionParams, ctx: CallContext): Promise<Subscription> {
    const existing = this.get(params.id);
    const draft = draftFromUpdate(existing, params, {
      catalog: this.deps.catalog,
      keys: this.deps.keys,
      nowIso: new Date(this.deps.now()).toISOString(),
    });
    if (draft.enabled) delete draft.disabledReason;
    const sub = await this.#withKey(draft);
    this.#save(this.#subs.map((s) => (s.id === sub.id ? sub : s)));
    this.deps.audit.record(
      ctx,
      'subscription.update',
      `subscription ${sub.id}`,
      auditView(existing),
      auditView(sub),
    );
    return structuredClone(sub);
  }

  delete(id: string, ctx: CallContext): Subscription {
    const existing = this.get(id);
    this.#save(this.#subs.filter((s) => s.id !== id));
    this.deps.audit.record(ctx, 'subscription.delete', `subscription ${id}`, auditView(existing), {});
    return existing;
  }

  /** The dispatcher switching a subscription off (e.g. 410 Gone), audited as the dispatcher's doing. */
  disable(id: string, reason: string): Subscription | undefined {
    const existing = this.find(id);
    if (!existing?.enabled) return undefined;
    const next: Subscription = {
      ...existing,
      enabled: false,
      disabledReason: reason,
      updatedAt: new Date(this.deps.now()).toISOString(),
    };
    this.#save(this.#subs.map((s) => (s.id === id ? next : s)));
    this.deps.audit.record(
      SYSTEM_CTX,
      'subscription.disable',
      `subscription ${id}`,
      auditView(existing),
      auditView(next),
    );
    return structuredClone(next);
  }

  condition(sub: Subscription): CompiledCondition {
    const cached = this.#conditions.get(sub.id);
    if (cached && cached.source === sub.condition) return cached.fn;
    const fn = compileCondition(sub.condition);
    this.#conditions.set(sub.id, { source: sub.condition, fn });
    return fn;
  }

  /** Names of the subscriptions that list `type` explicitly. */
  usingEvent(type: string): string[] {
    return this.#subs.filter((s) => s.events.includes(type)).map((s) => `${s.name} (${s.id})`);
  }

  async #withKey(draft: SubscriptionDraft): Promise<Subscription> {
    const { needsKey, ...sub } = draft;
    if (needsKey && sub.scheme !== 'none') {
      const key = await this.deps.keys.generate({
        type: GENERATED_KEY[sub.scheme],
        scheme: sub.scheme,
        name: `${sub.name} (${sub.scheme})`.slice(0, 100),
      });
      sub.keyId = key.id;
    }
    return sub;
  }

  #save(subs: Subscription[]): void {
    this.store.set('subscriptions', subs);
    this.#subs = subs;
    for (const id of this.#conditions.keys()) if (!subs.some((s) => s.id === id)) this.#conditions.delete(id);
  }
}

/** What the audit log sees: everything but the values of sensitive custom headers. */
function auditView(sub: Subscription): Record<string, unknown> {
  const headers = Object.fromEntries(
    Object.entries(sub.headers).map(([k, v]) => [k, SENSITIVE_HEADER.test(k) ? '[redacted]' : v]),
  );
  const { updatedAt: _updated, ...rest } = sub;
  return { ...rest, headers };
}
