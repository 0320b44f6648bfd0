/** The sending side's renderer logic: the retry plan, and live events racing the calls that caused them. */
import { describe, expect, it, vi } from 'vitest';
import { planOf, retryDelays } from '../../../renderer/areas/deliveries/plan.js';
import { applyLiveMessage, createAppStore } from '../../../renderer/state/store.js';
import type {
  ApiClient,
  Catalog,
  Delivery,
  DeliverySummary,
  FireResult,
  ScenarioRun,
  Subscription,
} from '../../../shared/contract/index.js';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function summary(over: Partial<DeliverySummary> = {}): DeliverySummary {
  return {
    id: 'dlv_1',
    eventId: 'evt_1',
    eventType: 'form.completed',
    subscriptionId: 'sub_1',
    subscriptionName: 'Flaky',
    url: 'http://127.0.0.1:1/hooks',
    profile: 'instafill',
    scheme: 'instafill-hmac',
    status: 'pending',
    test: false,
    createdAt: iso(T0),
    updatedAt: iso(T0),
    attemptCount: 0,
    maxAttempts: 6,
    ...over,
  };
}

function attempt(n: number, atMs: number, status: number) {
  return {
    n,
    trigger: 'scheduled' as const,
    clockAt: iso(atMs),
    sentAt: iso(atMs),
    request: { method: 'POST' as const, url: 'http://x', headers: [] as [string, string][], body: '{}' },
    response: {
      status,
      headers: [],
      body: '',
      bodyEncoding: 'utf8' as const,
      bodyBytes: 0,
      truncated: false,
    },
    timings: { totalMs: 5, reusedConnection: false },
    ok: status < 300,
  };
}

const catalog = {
  types: [],
  profiles: [],
  retryPresets: [{ id: 'instafill', label: '', delaysSec: [60, 300, 900, 3600, 21600] }],
} as unknown as Catalog;
const sub = { id: 'sub_1', retry: { preset: 'instafill' } } as Subscription;

describe('retry plan', () => {
  it('shows done attempts, the next one at its due time and the rest projected on the schedule', () => {
    const delivery = {
      ...summary({ attemptCount: 2, nextAttemptAt: iso(T0 + 360_000) }),
      event: {} as Delivery['event'],
      attempts: [attempt(1, T0, 500), attempt(2, T0 + 60_000, 502)],
    } as Delivery;
    const plan = planOf(delivery, retryDelays(sub, catalog));
    expect(plan.map((p) => p.kind)).toEqual(['done', 'done', 'next', 'planned', 'planned', 'planned']);
    expect(plan.map((p) => ('atMs' in p && p.atMs !== undefined ? (p.atMs - T0) / 1000 : null))).toEqual([
      0, 60, 360, 1260, 4860, 26460,
    ]);
  });

  it('lists what never ran after a cancel, and nothing more after success', () => {
    const base = { event: {} as Delivery['event'], attempts: [attempt(1, T0, 500)] };
    const canceled = {
      ...summary({ status: 'canceled', attemptCount: 1, maxAttempts: 3 }),
      ...base,
    } as Delivery;
    expect(planOf(canceled, undefined).map((p) => p.kind)).toEqual(['done', 'not-run', 'not-run']);
    const ok = {
      ...summary({ status: 'succeeded', attemptCount: 1 }),
      event: {} as Delivery['event'],
      attempts: [attempt(1, T0, 200)],
    } as Delivery;
    expect(planOf(ok, undefined).map((p) => p.kind)).toEqual(['done']);
  });
});

describe('live events that overtake their call', () => {
  it('a delivery update that arrives before the fire answer is not lost', async () => {
    let answer: (r: FireResult) => void = () => undefined;
    const api = {
      fireEvent: vi.fn(() => new Promise<FireResult>((resolve) => (answer = resolve))),
      getClock: vi.fn(async () => ({
        mode: 'real',
        speed: 1,
        now: iso(T0),
        nowMs: T0,
        offsetMs: 0,
        pending: 0,
      })),
    } as unknown as ApiClient;
    const store = createAppStore({ api, hostKind: 'browser', now: () => T0 });
    const firing = store.getState().fireEvent({ type: 'form.completed' });
    applyLiveMessage(store, { event: 'delivery', data: summary({ attemptCount: 1, lastStatus: 500 }) });
    answer({
      event: { id: 'evt_1', type: 'form.completed' } as FireResult['event'],
      deliveries: [summary()],
      skipped: [],
    });
    await firing;
    expect(store.getState().fires[0]!.deliveries[0]).toMatchObject({ attemptCount: 1, lastStatus: 500 });
  });

  it('scenario progress that arrives before the run answer is applied', async () => {
    const run: ScenarioRun = {
      runId: 'run_1',
      scenarioId: 'instafill-batch',
      startedAt: iso(T0),
      total: 2,
      fired: 0,
      status: 'running',
      steps: [
        { type: 'batch.started', label: 'Started', dueAt: iso(T0) },
        { type: 'batch.completed', label: 'Done', dueAt: iso(T0 + 1000) },
      ],
    };
    let answer: (r: ScenarioRun) => void = () => undefined;
    const api = {
      runScenario: vi.fn(() => new Promise<ScenarioRun>((resolve) => (answer = resolve))),
      getClock: vi.fn(async () => ({
        mode: 'real',
        speed: 1,
        now: iso(T0),
        nowMs: T0,
        offsetMs: 0,
        pending: 0,
      })),
    } as unknown as ApiClient;
    const store = createAppStore({ api, hostKind: 'browser', now: () => T0 });
    const running = store.getState().runScenario({ id: 'instafill-batch' });
    applyLiveMessage(store, {
      event: 'scenario',
      data: {
        runId: 'run_1',
        scenarioId: 'instafill-batch',
        step: 1,
        total: 2,
        type: 'batch.started',
        label: 'Started',
        deliveries: 1,
        status: 'running',
      },
    });
    answer(run);
    await running;
    expect(store.getState().scenarioRuns[0]!.run.fired).toBe(1);
  });
});
