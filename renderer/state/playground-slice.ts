/**
 * The playground: the event catalog and scenarios (loaded once), firing an event and following the
 * deliveries it created live, and scenario runs with their progress from live `scenario` events.
 */
import type {
  Catalog,
  DeliverySummary,
  FireEventParams,
  FireResult,
  ScenarioInfo,
  ScenarioProgress,
  ScenarioRun,
  SendOnceParams,
  SendOnceResult,
} from '../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../api/errors.js';
import type { LoadState, SliceCreator } from './types.js';

/** Fires kept on screen, newest first. */
const MAX_FIRES = 10;

export interface FiredEvent {
  result: FireResult;
  /** Current state of each delivery it created, updated live. */
  deliveries: DeliverySummary[];
}

export interface ScenarioRunView {
  run: ScenarioRun;
  progress?: ScenarioProgress;
}

export interface PlaygroundSlice {
  sendCatalog?: Catalog;
  sendCatalogLoad: LoadState;
  scenarios: ScenarioInfo[];
  scenariosLoad: LoadState;
  fires: FiredEvent[];
  firing: boolean;
  /** Field problems from the last refused fire, keyed by path (`data`, `workspaceId`…). */
  fireIssues: Record<string, string>;
  fireError?: string;
  scenarioRuns: ScenarioRunView[];
  /** The last ad-hoc send (POST /api/events/send-once): not a delivery, so kept here only. */
  adhocResult?: SendOnceResult;
  adhocSending: boolean;
  adhocIssues: Record<string, string>;
  adhocError?: string;
  fireOnce(params: SendOnceParams): Promise<SendOnceResult | undefined>;
  loadSendCatalog(): Promise<void>;
  loadScenarios(): Promise<void>;
  fireEvent(params: FireEventParams): Promise<FireResult | undefined>;
  receiveFiredDelivery(summary: DeliverySummary): void;
  runScenario(params: {
    id: string;
    subscriptionIds?: string[];
    test?: boolean;
    workspaceId?: string;
    formId?: string;
  }): Promise<void>;
  receiveScenario(progress: ScenarioProgress): void;
}

/**
 * Live events can overtake the answer to the call that caused them (the first attempt, or a scenario's
 * first step, runs before the response is written), so recent ones are kept for the answer to catch up on.
 */
const EARLY_LIMIT = 200;

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > EARLY_LIMIT) map.delete(map.keys().next().value as K);
}

export const createPlaygroundSlice: SliceCreator<PlaygroundSlice> = (deps) => (set, get) => {
  const seenDeliveries = new Map<string, DeliverySummary>();
  const earlyProgress = new Map<string, ScenarioProgress[]>();
  return {
    sendCatalogLoad: 'idle',
    scenarios: [],
    scenariosLoad: 'idle',
    fires: [],
    firing: false,
    fireIssues: {},
    scenarioRuns: [],
    adhocSending: false,
    adhocIssues: {},
    fireOnce: async (params) => {
      set({ adhocSending: true, adhocIssues: {}, adhocError: undefined });
      try {
        const result = await deps.api.fireOnce(params);
        set({ adhocSending: false, adhocResult: result });
        const { outcome } = result;
        get().pushToast({
          kind: outcome.ok ? 'success' : 'error',
          message: outcome.response
            ? `Sent ${result.event.type}: HTTP ${outcome.response.status}`
            : `Sent ${result.event.type}: ${outcome.error?.message ?? 'no response'}`,
        });
        return result;
      } catch (err) {
        const problem = toProblem(err);
        set({ adhocSending: false, adhocIssues: issuesByPath(problem.issues), adhocError: problem.message });
        return undefined;
      }
    },
    loadSendCatalog: async () => {
      set({ sendCatalogLoad: 'loading' });
      try {
        set({ sendCatalog: await deps.api.getCatalog(), sendCatalogLoad: 'ready' });
      } catch {
        set({ sendCatalogLoad: 'error' });
      }
    },
    loadScenarios: async () => {
      set({ scenariosLoad: 'loading' });
      try {
        set({ scenarios: await deps.api.listScenarios(), scenariosLoad: 'ready' });
      } catch {
        set({ scenariosLoad: 'error' });
      }
    },
    fireEvent: async (params) => {
      set({ firing: true, fireIssues: {}, fireError: undefined });
      try {
        const result = await deps.api.fireEvent(params);
        set({
          firing: false,
          fires: [
            { result, deliveries: result.deliveries.map((d) => seenDeliveries.get(d.id) ?? d) },
            ...get().fires,
          ].slice(0, MAX_FIRES),
        });
        const n = result.deliveries.length;
        get().pushToast({
          kind: n > 0 ? 'success' : 'info',
          message:
            n > 0
              ? `Fired ${result.event.type}: ${n} ${n === 1 ? 'delivery' : 'deliveries'}`
              : `Fired ${result.event.type}: no subscription matched`,
        });
        get().refreshClockSoon();
        return result;
      } catch (err) {
        const problem = toProblem(err);
        set({ firing: false, fireIssues: issuesByPath(problem.issues), fireError: problem.message });
        return undefined;
      }
    },
    receiveFiredDelivery: (summary) => {
      remember(seenDeliveries, summary.id, summary);
      const fires = get().fires;
      let changed = false;
      const next = fires.map((fire) => {
        const i = fire.deliveries.findIndex((d) => d.id === summary.id);
        if (i < 0) return fire;
        changed = true;
        const deliveries = [...fire.deliveries];
        deliveries[i] = summary;
        return { ...fire, deliveries };
      });
      if (changed) set({ fires: next });
    },
    runScenario: async (params) => {
      try {
        const run = await deps.api.runScenario(params);
        set({ scenarioRuns: [{ run }, ...get().scenarioRuns.filter((r) => r.run.runId !== run.runId)] });
        for (const progress of earlyProgress.get(run.runId) ?? []) get().receiveScenario(progress);
        earlyProgress.delete(run.runId);
        get().pushToast({ kind: 'info', message: `Scenario started: ${run.total} steps` });
        get().refreshClockSoon();
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Scenario not started: ${toProblem(err).message}` });
      }
    },
    receiveScenario: (progress) => {
      const runs = get().scenarioRuns;
      const i = runs.findIndex((r) => r.run.runId === progress.runId);
      if (i < 0) {
        remember(earlyProgress, progress.runId, [...(earlyProgress.get(progress.runId) ?? []), progress]);
        return;
      }
      const current = runs[i]!;
      const steps = current.run.steps.map((s, n) =>
        n === progress.step - 1
          ? { ...s, label: progress.label, eventId: progress.eventId, deliveries: progress.deliveries }
          : s,
      );
      const run: ScenarioRun = {
        ...current.run,
        steps,
        fired: steps.filter((s) => s.deliveries !== undefined).length,
        status: progress.status,
      };
      const next = [...runs];
      next[i] = { run, progress };
      set({ scenarioRuns: next });
    },
  };
};
