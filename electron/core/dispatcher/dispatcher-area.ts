/**
 * Composition of the sending side: catalog, subscriptions, the delivery log, the HTTP client, the clock
 * and its scheduler, scenarios. The engine makes one call (createDispatcherArea) and spreads `handlers`;
 * everything else is wired here. Config stores open synchronously; the record stores open in the
 * background (`ready`), and every handler waits for them, so the engine's constructor stays synchronous.
 */

import { join } from 'node:path';
import type { Settings, StoreIssue } from '../../../shared/contract/system.js';
import type { AuditLog } from '../audit/audit-log.js';
import { Clock } from '../clock/clock.js';
import { CLOCK_DEFAULTS, type ClockFile, loadSnapshot, saveSnapshot } from '../clock/clock-store.js';
import { Scheduler } from '../clock/scheduler.js';
import type { LiveBus } from '../live-bus.js';
import { openConfigStore } from '../store/config-store.js';
import type { Retention } from '../store/record-store.js';
import type { ConfBackend } from '../store/types.js';
import { type CatalogFile, EventCatalog, type PayloadValidation } from './catalog/event-catalog.js';
import { CLOCK_SCHEMA, EVENT_TYPES_SCHEMA, SUBSCRIPTIONS_SCHEMA } from './config-schemas.js';
import { Alerts } from './deliveries/alerts.js';
import { DeliveryLog } from './deliveries/delivery-log.js';
import { DeliveryRunner } from './deliveries/delivery-runner.js';
import { RateLimiter } from './deliveries/rate-limiter.js';
import { clockState, type DispatcherHandlers, makeHandlers } from './dispatcher-handlers.js';
import { EventFanout } from './event-fanout.js';
import { DeliveryClient } from './http/delivery-client.js';
import { SCENARIO_JOB_PREFIX, ScenarioRunner } from './scenarios/scenario-runner.js';
import { DeliverySigner, type KeyProvider } from './signer.js';
import { SubscriptionService, type SubscriptionsFile } from './subscriptions/subscription-service.js';

/** Retention runs at open and then this often. */
const RETENTION_EVERY_MS = 3_600_000;

export interface DispatcherAreaDeps {
  confBackend: ConfBackend;
  /** The engine's config folder (small conf stores). */
  configDir: string;
  dataDir: string;
  version: string;
  onIssue: (issue: StoreIssue) => void;
  live: LiveBus;
  audit: AuditLog;
  settings: { get(): Settings; recordRetention(): Retention };
  /** The signing area's KeyService (or anything shaped like it). */
  keys: KeyProvider;
  /** Wall clock (tests pin it); the Hookscope clock runs on top of it. */
  now?: () => number;
}

export interface DispatcherArea {
  handlers: DispatcherHandlers;
  /** For the receiver: is this a known event type, and does the payload carry its required fields? */
  validatePayload(type: string, body: unknown): PayloadValidation;
  clock: Clock;
  /** Resolves once the delivery log is open and pending retries are back in the scheduler. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function createDispatcherArea(deps: DispatcherAreaDeps): DispatcherArea {
  const wall = deps.now ?? Date.now;
  const config = <T extends Record<string, unknown>>(
    name: string,
    defaults: T,
    schema: Record<string, unknown>,
  ) =>
    openConfigStore<T>(deps.confBackend, {
      cwd: deps.configDir,
      name,
      defaults,
      schema,
      projectVersion: deps.version,
      onIssue: deps.onIssue,
      issueRoot: deps.dataDir,
      now: wall,
    });
  const clockStore = config<ClockFile>('clock', CLOCK_DEFAULTS, CLOCK_SCHEMA);
  const clock = new Clock(wall, loadSnapshot(clockStore));
  let subs: SubscriptionService | undefined;
  const catalog = new EventCatalog(
    config<CatalogFile>('event-types', { customTypes: [] }, EVENT_TYPES_SCHEMA),
    deps.audit,
    (type) => (subs ? subs.usingEvent(type) : []),
  );
  subs = new SubscriptionService(
    config<SubscriptionsFile>('subscriptions', { subscriptions: [] }, SUBSCRIPTIONS_SCHEMA),
    {
      catalog,
      keys: deps.keys,
      audit: deps.audit,
      now: wall,
    },
  );
  const client = new DeliveryClient();
  const alerts = new Alerts(deps.live, client, () => deps.settings.get().alertUrl, wall);
  const limiter = new RateLimiter(wall);
  const signer = new DeliverySigner(deps.keys, wall);

  let runner: DeliveryRunner | undefined;
  let scenarios: ScenarioRunner | undefined;
  const scheduler = new Scheduler(
    clock,
    (key) => (key.startsWith(SCENARIO_JOB_PREFIX) ? scenarios!.runStep(key) : runner!.runScheduled(key)),
    { onError: (key, err) => console.error(`[hookscope] scheduled job ${key} failed:`, err) },
  );
  const unwatchClock = clock.onChange(() => {
    saveSnapshot(clockStore, clock);
    deps.live.emit('clock', clockState(clock, scheduler));
  });

  let retentionTimer: NodeJS.Timeout | undefined;
  const ready = (async () => {
    const log = await DeliveryLog.open({
      deliveriesDir: join(deps.dataDir, 'records', 'deliveries'),
      attemptsDir: join(deps.dataDir, 'records', 'attempts'),
      retention: deps.settings.recordRetention,
      now: wall,
      onIssue: deps.onIssue,
      issueRoot: deps.dataDir,
    });
    runner = new DeliveryRunner({ log, subs, client, signer, clock, live: deps.live, alerts, limiter });
    runner.attach(scheduler);
    // Pending retries come back with their due times; overdue ones run at once (bounded concurrency).
    for (const { id, due } of await log.pending()) scheduler.schedule(id, due);
    retentionTimer = setInterval(() => void log.applyRetention().catch(() => undefined), RETENTION_EVERY_MS);
    retentionTimer.unref();
    return log;
  })();
  const fanout = () => new EventFanout({ catalog, subs, runner: runner!, clock });
  scenarios = new ScenarioRunner(clock, scheduler, deps.live, (params) => fanout().fire(params));

  const handlers = makeHandlers({
    ready: async () => {
      const log = await ready;
      return { log, runner: runner! };
    },
    catalog,
    subs,
    clock,
    scheduler,
    scenarios,
    fanout,
    keys: deps.keys,
  });
  const readyVoid = ready.then(() => undefined);
  // Every handler reports a failed open to its caller; this keeps it from also crashing the process.
  readyVoid.catch((err) => console.error('[hookscope] the delivery log could not be opened:', err));

  let closing: Promise<void> | undefined;
  return {
    handlers,
    validatePayload: (type, body) => catalog.validatePayload(type, body),
    clock,
    ready: readyVoid,
    close: () => {
      closing ??= (async () => {
        clearInterval(retentionTimer);
        unwatchClock();
        const log = await ready.catch(() => undefined);
        runner?.beginShutdown();
        await scheduler.close();
        await runner?.alertsSettled();
        saveSnapshot(clockStore, clock);
        await client.close();
        await log?.close();
      })();
      return closing;
    },
  };
}
