/**
 * Runs scenarios on the Hookscope clock: every step is a scheduler job (`scn:<run>:<step>`), so a manual
 * clock walks through them with step, a scaled one plays them fast, and each fired step reports progress
 * as a live `scenario` event. Runs live in memory only: a restart forgets steps not yet fired.
 */
import type {
  FireEventParams,
  FireResult,
  ScenarioProgress,
  ScenarioRun,
} from '../../../../shared/contract/dispatcher.js';
import { NotFoundError } from '../../../../shared/errors.js';
import type { Clock } from '../../clock/clock.js';
import type { Scheduler } from '../../clock/scheduler.js';
import type { LiveBus } from '../../live-bus.js';
import { newId } from '../ids.js';
import { SCENARIOS, type ScenarioStep } from './scenario-catalog.js';

export const SCENARIO_JOB_PREFIX = 'scn:';
/** Finished runs kept for GET-style inspection through live events; the oldest are forgotten first. */
const MAX_RUNS = 100;

export interface RunParams {
  id: string;
  subscriptionIds?: string[];
  workspaceId?: string;
  formId?: string;
  test?: boolean;
}

interface LiveRun {
  run: ScenarioRun;
  steps: ScenarioStep[];
  params: RunParams;
}

export class ScenarioRunner {
  readonly #runs = new Map<string, LiveRun>();

  constructor(
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly live: LiveBus,
    private readonly fire: (params: FireEventParams) => FireResult,
  ) {}

  start(params: RunParams): ScenarioRun {
    const definition = SCENARIOS.find((s) => s.info.id === params.id);
    if (!definition) throw new NotFoundError('scenario', params.id);
    const start = this.clock.now();
    const steps = definition.steps(params.formId !== undefined ? { formId: params.formId } : {});
    const runId = newId('run', this.clock.wallNow());
    const run: ScenarioRun = {
      runId,
      scenarioId: definition.info.id,
      startedAt: new Date(start).toISOString(),
      total: steps.length,
      fired: 0,
      status: 'running',
      steps: steps.map((s) => ({
        type: s.type,
        label: s.label,
        dueAt: new Date(start + s.offsetSec * 1000).toISOString(),
      })),
    };
    this.#remember({ run, steps, params });
    steps.forEach((s, i) => {
      this.scheduler.schedule(`${SCENARIO_JOB_PREFIX}${runId}:${i}`, start + s.offsetSec * 1000);
    });
    return structuredClone(run);
  }

  /** The scheduler's job for a `scn:` key. */
  async runStep(key: string): Promise<void> {
    const [runId, index] = key.slice(SCENARIO_JOB_PREFIX.length).split(':');
    const live = this.#runs.get(runId ?? '');
    const i = Number(index);
    const step = live?.steps[i];
    const view = live?.run.steps[i];
    if (!live || !step || !view) return;
    const { params } = live;
    let deliveries = 0;
    try {
      const result = this.fire({
        type: step.type,
        data: step.data,
        ...(params.workspaceId !== undefined && { workspaceId: params.workspaceId }),
        ...(params.formId !== undefined && { formId: params.formId }),
        ...(params.test !== undefined && { test: params.test }),
        ...(params.subscriptionIds !== undefined && { subscriptionIds: params.subscriptionIds }),
      });
      view.eventId = result.event.id;
      deliveries = result.deliveries.length;
    } catch (err) {
      // A subscription named in the run was deleted meanwhile: report and carry on with the next steps.
      view.label = `${step.label} (not fired: ${(err as Error).message})`;
    }
    view.deliveries = deliveries;
    live.run.fired++;
    if (live.run.fired === live.run.total) live.run.status = 'done';
    const progress: ScenarioProgress = {
      runId: live.run.runId,
      scenarioId: live.run.scenarioId,
      step: i + 1,
      total: live.run.total,
      type: step.type,
      label: view.label,
      ...(view.eventId !== undefined && { eventId: view.eventId }),
      deliveries,
      status: live.run.status,
    };
    this.live.emit('scenario', progress);
  }

  get(runId: string): ScenarioRun | undefined {
    const live = this.#runs.get(runId);
    return live && structuredClone(live.run);
  }

  #remember(run: LiveRun): void {
    this.#runs.set(run.run.runId, run);
    for (const [id, r] of this.#runs) {
      if (this.#runs.size <= MAX_RUNS) break;
      if (r.run.status !== 'running') this.#runs.delete(id);
    }
  }
}
