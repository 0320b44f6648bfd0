/**
 * Endpoints: created, edited and deleted through the API, persisted in a small config store, audited and
 * announced live. The request path reads them from an in-memory map by path (conf re-reads its file on
 * every get, far too slow for that).
 */
import type { CallContext } from '../../../../shared/contract/define.js';
import type {
  CreateEndpointParams,
  Endpoint,
  UpdateEndpointParams,
} from '../../../../shared/contract/receiver.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/errors.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { LiveBus } from '../../live-bus.js';
import type { ConfLike, SecretBox } from '../../store/types.js';
import { IpAllowlist } from '../guards/ip-allowlist.js';
import { newEndpointId } from '../ids.js';
import { DEFAULT_GUARDS, DEFAULT_RESPONSE } from './endpoint-defaults.js';
import {
  auditFields,
  type LiveEndpoint,
  normalisePath,
  publicView,
  type StoredEndpoint,
  type StoredVerify,
  toLive,
} from './endpoint-model.js';

export type EndpointsFile = { endpoints: StoredEndpoint[] };

/** Lets the service refuse a key id that does not exist (the signing area owns keys). */
export interface KeyLookup {
  assertUsable(keyId: string): void;
}

type VerifyPatch = NonNullable<CreateEndpointParams['verify']>;

export class EndpointService {
  private byPath = new Map<string, LiveEndpoint>();
  private readonly changeListeners: ((id: string) => void)[] = [];

  constructor(
    private readonly store: ConfLike<EndpointsFile>,
    private readonly audit: AuditLog,
    private readonly live: LiveBus,
    private readonly box: SecretBox,
    private readonly keys: KeyLookup | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.reload(this.store.get('endpoints') ?? []);
  }

  /** The endpoint serving `path` (without query), if any. */
  match(path: string): LiveEndpoint | undefined {
    return this.byPath.get(normalisePath(path));
  }

  /** Called with the endpoint id after every change (counters and limiters reset). */
  onChange(listener: (id: string) => void): void {
    this.changeListeners.push(listener);
  }

  list(): Endpoint[] {
    return this.stored().map(publicView);
  }

  get(id: string): Endpoint {
    return publicView(this.find(id));
  }

  create(params: CreateEndpointParams, ctx: CallContext): Endpoint {
    const at = new Date(this.now()).toISOString();
    const path = normalisePath(params.path);
    const endpoint: StoredEndpoint = {
      id: newEndpointId(),
      name: params.name ?? path,
      path,
      createdAt: at,
      updatedAt: at,
      response: { ...DEFAULT_RESPONSE, ...params.response },
      guards: mergeGuards(DEFAULT_GUARDS, params.guards),
    };
    if (params.verify) endpoint.verify = this.verifyFrom(params.verify, undefined);
    if (params.forwardTo) endpoint.forwardTo = params.forwardTo;
    this.check(endpoint);
    this.save([...this.stored(), endpoint]);
    this.audit.record(ctx, 'endpoint.create', `endpoint ${endpoint.id}`, {}, auditFields(endpoint));
    return this.announce('created', endpoint);
  }

  update(params: UpdateEndpointParams, ctx: CallContext): Endpoint {
    const before = this.find(params.id);
    const next: StoredEndpoint = structuredClone(before);
    if (params.path !== undefined) next.path = normalisePath(params.path);
    if (params.name !== undefined) next.name = params.name;
    if (params.response) next.response = { ...next.response, ...params.response };
    if (params.guards) next.guards = mergeGuards(next.guards, params.guards);
    if (params.verify === null) delete next.verify;
    else if (params.verify) next.verify = this.verifyFrom(params.verify, before.verify);
    if (params.forwardTo === null || params.forwardTo === '') delete next.forwardTo;
    else if (params.forwardTo !== undefined) next.forwardTo = params.forwardTo;
    next.updatedAt = new Date(this.now()).toISOString();
    this.check(next);
    this.save(this.stored().map((e) => (e.id === next.id ? next : e)));
    this.audit.record(ctx, 'endpoint.update', `endpoint ${next.id}`, auditFields(before), auditFields(next));
    return this.announce('updated', next);
  }

  delete(id: string, ctx: CallContext): { id: string; deleted: true } {
    const before = this.find(id);
    this.save(this.stored().filter((e) => e.id !== id));
    this.audit.record(ctx, 'endpoint.delete', `endpoint ${id}`, auditFields(before), {});
    this.announce('deleted', before);
    return { id, deleted: true };
  }

  private verifyFrom(patch: VerifyPatch, current: StoredVerify | undefined): StoredVerify {
    const verify: StoredVerify = {
      scheme: patch.scheme,
      rejectInvalid: patch.rejectInvalid ?? current?.rejectInvalid ?? false,
    };
    if (patch.toleranceSec !== undefined) verify.toleranceSec = patch.toleranceSec;
    else if (current?.toleranceSec !== undefined) verify.toleranceSec = current.toleranceSec;
    if (patch.keyId !== undefined) verify.keyId = patch.keyId;
    else if (patch.secret !== undefined) verify.sealedSecret = this.box.seal(patch.secret);
    // Neither given: keep the key already set, so toggling rejectInvalid does not need the secret again.
    else if (current?.keyId !== undefined) verify.keyId = current.keyId;
    else if (current?.sealedSecret !== undefined) verify.sealedSecret = current.sealedSecret;
    if (patch.keyId !== undefined && patch.secret !== undefined) {
      throw new ValidationError('verify: give keyId or secret, not both', [
        { path: 'verify', message: 'keyId or secret' },
      ]);
    }
    if (verify.keyId === undefined && verify.sealedSecret === undefined) {
      throw new ValidationError(
        'verify: say which key checks the signature: give verify.keyId (see GET /api/keys) or verify.secret',
        [{ path: 'verify.keyId', message: 'required (or verify.secret)' }],
      );
    }
    if (verify.keyId !== undefined) this.keys?.assertUsable(verify.keyId);
    return verify;
  }

  private check(endpoint: StoredEndpoint): void {
    IpAllowlist.compile(endpoint.guards.ipAllowlist);
    const clash = this.stored().find((e) => e.id !== endpoint.id && e.path === endpoint.path);
    if (clash)
      throw new ConflictError(
        `the path ${endpoint.path} is already used by endpoint "${clash.name}" (${clash.id}); pick another path or edit that endpoint`,
      );
    if (endpoint.response.failFirst > 0 && endpoint.response.mode !== 'respond') {
      throw new ValidationError(
        'response.failFirst needs response.mode "respond" (hang and reset never answer)',
        [{ path: 'response.failFirst', message: 'only with mode respond' }],
      );
    }
  }

  private find(id: string): StoredEndpoint {
    const found = this.stored().find((e) => e.id === id);
    if (!found) throw new NotFoundError('endpoint', id);
    return found;
  }

  private stored(): StoredEndpoint[] {
    return [...this.byPath.values()].map((live) => live.stored);
  }

  private save(endpoints: StoredEndpoint[]): void {
    this.store.set('endpoints', endpoints);
    this.reload(endpoints);
  }

  private reload(endpoints: StoredEndpoint[]): void {
    const previous = this.byPath;
    this.byPath = new Map();
    for (const stored of endpoints) {
      const old = previous.get(stored.path);
      const live = toLive(stored, this.box);
      // An unchanged endpoint keeps its fail-first counter across other endpoints' edits.
      if (old && old.stored === stored) live.served = old.served;
      this.byPath.set(stored.path, live);
    }
  }

  private announce(action: 'created' | 'updated' | 'deleted', endpoint: StoredEndpoint): Endpoint {
    const view = publicView(endpoint);
    for (const listener of this.changeListeners) listener(endpoint.id);
    this.live.emit('endpoint', { action, endpoint: view });
    return view;
  }
}

function mergeGuards(
  base: StoredEndpoint['guards'],
  patch: CreateEndpointParams['guards'],
): StoredEndpoint['guards'] {
  if (!patch) return structuredClone(base);
  const { dedupe, ...rest } = patch;
  const merged = { ...base, ...rest, dedupe: { ...base.dedupe } };
  if (dedupe?.enabled !== undefined) merged.dedupe.enabled = dedupe.enabled;
  if (dedupe?.windowSec !== undefined) merged.dedupe.windowSec = dedupe.windowSec;
  if (dedupe?.status === null) delete merged.dedupe.status;
  else if (dedupe?.status !== undefined) merged.dedupe.status = dedupe.status;
  return merged;
}
