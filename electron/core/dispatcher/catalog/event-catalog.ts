/**
 * The event catalog: the built-in Instafill and Instnt types plus the user's own custom types (persisted,
 * audited). Resolves aliases to canonical names, matches subscription patterns ("*", "form.*") and checks
 * a payload against its type's required fields (the receiver injects that check for incoming webhooks).
 */
import type { CallContext } from '../../../../shared/contract/define.js';
import type { CatalogEventType, CustomTypeParams } from '../../../../shared/contract/dispatcher.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../../shared/errors.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ConfLike } from '../../store/types.js';
import { INSTAFILL_TYPES } from './instafill-catalog.js';
import { INSTNT_TYPES } from './instnt-catalog.js';

export const MAX_CUSTOM_TYPES = 500;
export const ALL_EVENTS = '*';

export interface CatalogFile extends Record<string, unknown> {
  customTypes: CatalogEventType[];
}

export interface PayloadValidation {
  valid: boolean;
  /** Canonical type, when the type is known. */
  type?: string;
  provider?: CatalogEventType['provider'];
  problems: string[];
}

const BUILT_IN = [...INSTAFILL_TYPES, ...INSTNT_TYPES];

export class EventCatalog {
  readonly #byName = new Map<string, CatalogEventType>();
  /** conf re-reads its file on every get: the custom types live here and are written through on change. */
  #customTypes: CatalogEventType[];

  constructor(
    private readonly store: ConfLike<CatalogFile>,
    private readonly audit: AuditLog,
    /** Names of subscriptions that list `type`, so a custom type in use is not deleted under them. */
    private readonly usedBy: (type: string) => string[] = () => [],
  ) {
    this.#customTypes = store.get('customTypes') ?? [];
    this.#reindex();
  }

  list(): CatalogEventType[] {
    return [...BUILT_IN, ...this.#custom()].map((t) => structuredClone(t));
  }

  /** The type for a canonical name or an alias, or undefined. */
  resolve(name: string): CatalogEventType | undefined {
    return this.#byName.get(name);
  }

  /** The canonical type, or a ValidationError naming near misses. */
  require(name: string, path = 'type'): CatalogEventType {
    const found = this.resolve(name);
    if (found) return found;
    const hint = this.#suggest(name);
    throw new ValidationError(`unknown event type "${name}"${hint} (see GET /api/catalog)`, [
      { path, message: `unknown event type "${name}"${hint}` },
    ]);
  }

  /** A subscription pattern as stored: aliases become canonical; a pattern matching nothing is an error. */
  normalisePattern(pattern: string): string {
    if (pattern === ALL_EVENTS) return pattern;
    if (pattern.endsWith('.*')) {
      const prefix = pattern.slice(0, -1);
      if (this.list().some((t) => t.type.startsWith(prefix))) return pattern;
      throw new ValidationError(`"${pattern}" matches no event type`);
    }
    return this.require(pattern, 'events').type;
  }

  matches(pattern: string, type: string): boolean {
    if (pattern === ALL_EVENTS) return true;
    if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
    return pattern === type;
  }

  addCustom(params: CustomTypeParams, ctx: CallContext): CatalogEventType {
    if (this.#byName.has(params.type)) {
      throw new ConflictError(
        `event type "${params.type}" already exists; pick another name or delete the custom one first`,
      );
    }
    const custom = this.#custom();
    if (custom.length >= MAX_CUSTOM_TYPES)
      throw new ConflictError(`at most ${MAX_CUSTOM_TYPES} custom event types`);
    const sample = params.sample ?? {};
    const required = params.required ?? [];
    const missing = required.filter((field) => !(field in sample));
    if (params.sample && missing.length > 0) {
      throw new ValidationError(`the sample lacks required field(s) ${missing.join(', ')}`);
    }
    const entry: CatalogEventType = {
      type: params.type,
      provider: 'custom',
      group: 'Custom',
      description: params.description ?? '',
      aliases: [],
      fields: params.fields ?? required.map((name) => ({ name, type: 'any', description: '' })),
      required,
      contentFields: [],
      sample: params.sample ?? Object.fromEntries(required.map((name) => [name, `sample ${name}`])),
      test: params.test ?? false,
    };
    this.#save([...custom, entry]);
    this.audit.record(
      ctx,
      'catalog.custom.create',
      `event type ${entry.type}`,
      {},
      { type: entry.type, required },
    );
    return structuredClone(entry);
  }

  removeCustom(type: string, ctx: CallContext): void {
    const custom = this.#custom();
    const entry = custom.find((t) => t.type === type);
    if (!entry) {
      if (this.#byName.has(type))
        throw new ValidationError(`"${type}" is a built-in event type; only custom types can be deleted`);
      throw new NotFoundError('custom event type', type);
    }
    const users = this.usedBy(type);
    if (users.length > 0) {
      throw new ConflictError(
        `"${type}" is used by subscription(s) ${users.join(', ')}; remove it from their events first`,
      );
    }
    this.#save(custom.filter((t) => t.type !== type));
    this.audit.record(ctx, 'catalog.custom.delete', `event type ${type}`, { type }, {});
  }

  /** Known type and required fields present. `body` may be the whole envelope or just its data. */
  validatePayload(type: string, body: unknown): PayloadValidation {
    const entry = this.resolve(type);
    if (!entry) return { valid: false, problems: [`unknown event type "${type}"`] };
    const problems: string[] = [];
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return {
        valid: false,
        type: entry.type,
        provider: entry.provider,
        problems: ['the payload is not a JSON object'],
      };
    }
    let data = body as Record<string, unknown>;
    const envelopeType = data.event ?? data.type;
    if (typeof envelopeType === 'string' && typeof data.data === 'object' && data.data !== null) {
      const named = this.resolve(envelopeType)?.type ?? envelopeType;
      if (named !== entry.type)
        problems.push(`the envelope says "${envelopeType}", expected "${entry.type}"`);
      data = data.data as Record<string, unknown>;
    }
    for (const field of entry.required) {
      if (data[field] === undefined || data[field] === null)
        problems.push(`required field "${field}" is missing`);
    }
    return { valid: problems.length === 0, type: entry.type, provider: entry.provider, problems };
  }

  #custom(): CatalogEventType[] {
    return this.#customTypes;
  }

  #save(types: CatalogEventType[]): void {
    this.store.set('customTypes', types);
    this.#customTypes = types;
    this.#reindex();
  }

  #reindex(): void {
    this.#byName.clear();
    for (const t of [...BUILT_IN, ...this.#custom()]) {
      this.#byName.set(t.type, t);
      for (const alias of t.aliases) this.#byName.set(alias, t);
    }
  }

  #suggest(name: string): string {
    const lower = name.toLowerCase();
    const near = [...this.#byName.keys()].filter(
      (known) => known.toLowerCase() === lower || known.split('.')[0] === lower.split('.')[0],
    );
    return near.length > 0
      ? `; did you mean ${near
          .slice(0, 4)
          .map((n) => `"${n}"`)
          .join(', ')}?`
      : '';
  }
}
