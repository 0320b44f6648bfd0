/**
 * The engine: every capability of Hookscope in plain Node, behind the contract. Hosts (the Electron shell,
 * the headless host, tests) create one, pass raw params to `call`, and relay `live` events. It never imports
 * 'electron'; what differs per host (store backend, secret encryption) is injected.
 */
import { join } from 'node:path';
import type { CallContext } from '../../shared/contract/define.js';
import {
  type ApiHandlers,
  contract,
  type HealthInfo,
  type MethodName,
  type StoreIssue,
} from '../../shared/contract/index.js';
import type { AuditEntry, Settings } from '../../shared/contract/system.js';
import { ValidationError } from '../../shared/errors.js';
import { AuditLog } from './audit/audit-log.js';
import { lockDataDir } from './data-dir.js';
import { createDispatcherArea, type DispatcherArea } from './dispatcher/dispatcher-area.js';
import { LiveBus } from './live-bus.js';
import { catalogValidator } from './receiver/catalog-validator.js';
import { createReceiverArea, type ReceiverArea } from './receiver/receiver-area.js';
import { delegateReceiverHandlers } from './receiver/receiver-handlers.js';
import { createSigningPort } from './receiver/signing-adapter.js';
import {
  DEFAULT_SETTINGS,
  SETTINGS_MIGRATIONS,
  SETTINGS_SCHEMA,
  SettingsService,
} from './settings/settings-service.js';
import { receiverCertificate } from './signing/forge/certificate.js';
import { KeyService } from './signing/keys/key-service.js';
import { KEYS_STORE_DEFAULTS, KEYS_STORE_SCHEMA, type KeysStoreShape } from './signing/keys/stored-key.js';
import { createSigningHandlers } from './signing/signing-handlers.js';
import { openConfigStore } from './store/config-store.js';
import { RecordStore } from './store/record-store.js';
import type { ConfBackend, SecretBox } from './store/types.js';
import { createTunnelArea } from './tunnel/tunnel-area.js';
import type { TunnelManager } from './tunnel/tunnel-manager.js';

export interface EngineOptions {
  dataDir: string;
  host: HealthInfo['host'];
  version: string;
  confBackend: ConfBackend;
  secretBox: SecretBox;
  /** Where the webhook receiver listens (port 0 = any free port); tls = serve HTTPS with this PEM pair. */
  receiver: { host: string; port: number; tls?: { cert: string; key: string } };
  now?: () => number;
}

const DAY_MS = 86_400_000;
const AUDIT_RETENTION = { maxAgeMs: 365 * DAY_MS, maxCount: 50_000 };

export class Engine {
  readonly live = new LiveBus();
  readonly storeIssues: StoreIssue[] = [];
  readonly handlers: ApiHandlers;
  readonly settings: SettingsService;
  readonly audit: AuditLog;
  /** Signing keys (RSA, ed25519, HMAC secrets), for the dispatcher and receiver as well as the API. */
  readonly keys: KeyService;
  /** The public tunnel: `nudge()` on wake-up (desktop powerMonitor), `isTunnelConnection()` for the receiver. */
  readonly tunnel: TunnelManager;
  /** Subscriptions, deliveries, the clock; `validatePayload(type, body)` for the receiver. */
  readonly dispatcher: DispatcherArea;
  private apiUrl = '';
  /** Started in Engine.start, once the audit log and live bus it needs exist. */
  private receiver: ReceiverArea | undefined;
  private readonly startedAt: number;
  private readonly closers: (() => Promise<void> | void)[] = [];

  private constructor(
    readonly options: EngineOptions,
    records: { audit: RecordStore<AuditEntry> },
    settingsStore: ReturnType<typeof openConfigStore<{ settings: Settings }>>,
  ) {
    const now = options.now ?? Date.now;
    this.startedAt = now();
    this.audit = new AuditLog(records.audit, this.live, now);
    this.settings = new SettingsService(settingsStore, this.audit, this.live);
    this.keys = new KeyService({
      store: openConfigStore<KeysStoreShape>(options.confBackend, {
        cwd: join(options.dataDir, 'config'),
        name: 'keys',
        defaults: KEYS_STORE_DEFAULTS,
        schema: KEYS_STORE_SCHEMA,
        projectVersion: options.version,
        onIssue: (issue) => this.storeIssues.push(issue),
        issueRoot: options.dataDir,
      }),
      box: options.secretBox,
      now,
    });
    const tunnel = createTunnelArea({
      confBackend: options.confBackend,
      configDir: join(options.dataDir, 'config'),
      dataDir: options.dataDir,
      version: options.version,
      onIssue: (issue) => this.storeIssues.push(issue),
      live: this.live,
      audit: this.audit,
      // The receiver's real port (it may have been asked for port 0); 0 while it is not running.
      receiver: () => ({ host: options.receiver.host, port: this.receiver?.port ?? 0 }),
      now,
    });
    this.tunnel = tunnel.manager;
    this.closers.push(() => tunnel.close());
    this.dispatcher = createDispatcherArea({
      confBackend: options.confBackend,
      configDir: join(options.dataDir, 'config'),
      dataDir: options.dataDir,
      version: options.version,
      onIssue: (issue) => this.storeIssues.push(issue),
      live: this.live,
      audit: this.audit,
      settings: this.settings,
      keys: this.keys,
      now,
    });
    this.closers.push(() => this.dispatcher.close());
    this.handlers = {
      health: () => this.health(),
      getSettings: () => this.settings.get(),
      updateSettings: (patch, ctx) => this.settings.update(patch, ctx),
      listAudit: ({ limit, before }) => this.audit.list(limit ?? 100, before),
      ...tunnel.handlers,
      ...delegateReceiverHandlers(() => this.receiver),
      ...createSigningHandlers({
        keys: this.keys,
        certificate: () => receiverCertificate(options.receiver.tls),
        now,
        onKeyChange: ({ action, target, ctx }) => this.audit.record(ctx, action, target),
      }),
      ...this.dispatcher.handlers,
      // Capability areas add their handlers here (engine wiring point).
    };
  }

  static async start(options: EngineOptions): Promise<Engine> {
    const release = lockDataDir(options.dataDir);
    const issues: StoreIssue[] = [];
    const onIssue = (issue: StoreIssue) => issues.push(issue);
    try {
      const settingsStore = openConfigStore<{ settings: Settings }>(options.confBackend, {
        cwd: join(options.dataDir, 'config'),
        name: 'settings',
        defaults: { settings: DEFAULT_SETTINGS },
        schema: SETTINGS_SCHEMA,
        migrations: SETTINGS_MIGRATIONS,
        projectVersion: options.version,
        onIssue,
        issueRoot: options.dataDir,
      });
      const audit = await RecordStore.open<AuditEntry>({
        dir: join(options.dataDir, 'records', 'audit'),
        retention: AUDIT_RETENTION,
        now: options.now,
        onIssue,
        issueRoot: options.dataDir,
      });
      const engine = new Engine(options, { audit }, settingsStore);
      engine.storeIssues.push(...issues);
      // Closers run in reverse: areas first, then the audit log, and the data-folder lock last of all.
      engine.closers.unshift(release, () => audit.close());
      try {
        engine.receiver = await engine.startReceiver();
      } catch (err) {
        await engine.close();
        throw err;
      }
      return engine;
    } catch (err) {
      release();
      throw err;
    }
  }

  private async startReceiver(): Promise<ReceiverArea> {
    const area = await createReceiverArea({
      dataDir: this.options.dataDir,
      confBackend: this.options.confBackend,
      secretBox: this.options.secretBox,
      version: this.options.version,
      audit: this.audit,
      live: this.live,
      onIssue: (issue) => this.storeIssues.push(issue),
      retention: this.settings.recordRetention,
      listen: this.options.receiver,
      signing: createSigningPort(this.keys, this.options.now),
      validator: catalogValidator((type, body) => this.dispatcher.validatePayload(type, body)),
      isTunnel: (socket) => this.tunnel.isTunnelConnection(socket),
      now: this.options.now,
    });
    this.closers.push(() => area.close());
    return area;
  }

  /** Validates raw params against the contract, then runs the handler. The one door into the engine. */
  async call(name: MethodName, rawParams: unknown, ctx: CallContext): Promise<unknown> {
    const def = contract[name];
    const parsed = def.params.safeParse(rawParams ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(params)',
        message: i.message,
      }));
      throw new ValidationError(
        `invalid parameters for ${name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const handler = this.handlers[name] as (p: unknown, c: CallContext) => unknown;
    return handler(parsed.data, ctx);
  }

  /** Set by the host once its control API listens, so health can report it. */
  setApiUrl(url: string): void {
    this.apiUrl = url;
  }

  health(): HealthInfo {
    const now = (this.options.now ?? Date.now)();
    return {
      name: 'hookscope',
      version: this.options.version,
      host: this.options.host,
      receiverUrl: this.receiver?.url ?? '',
      apiUrl: this.apiUrl,
      dataDir: this.options.dataDir,
      startedAt: new Date(this.startedAt).toISOString(),
      uptimeMs: now - this.startedAt,
      storeIssues: [...this.storeIssues],
      tunnel: {
        state: this.tunnel.state.state,
        ...(this.tunnel.state.url && { url: this.tunnel.state.url }),
      },
      secretsAtRest: this.options.secretBox.kind,
    };
  }

  /** Flushes every store and releases the data folder. Safe to call twice. */
  async close(): Promise<void> {
    const closers = this.closers.splice(0).reverse();
    for (const close of closers) await close();
  }
}
