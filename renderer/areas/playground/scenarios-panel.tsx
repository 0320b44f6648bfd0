/**
 * Scenarios: scripted sequences of events on the Hookscope clock (an onboarding, a batch). Runs go to the
 * same targets as the form above; progress arrives as live `scenario` events, one per fired step.
 */
import { useEffect } from 'react';
import type { ScenarioInfo } from '../../../shared/contract/index.js';
import type { ScenarioRunView } from '../../state/playground-slice.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatClockTime, formatOffset } from '../../ui/clock-time.js';

export interface RunTargets {
  subscriptionIds?: string[];
  test?: boolean;
  workspaceId?: string;
  formId?: string;
}

export function ScenariosPanel({ targets, blocked }: { targets: RunTargets; blocked?: string }) {
  const scenarios = useAppStore((s) => s.scenarios);
  const load = useAppStore((s) => s.scenariosLoad);
  const loadScenarios = useAppStore((s) => s.loadScenarios);
  const run = useAppStore((s) => s.runScenario);
  const runs = useAppStore((s) => s.scenarioRuns);

  useEffect(() => {
    if (load === 'idle') void loadScenarios();
  }, [load, loadScenarios]);

  return (
    <section className="card scenarios" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Scenarios</h2>
      <p className="card-intro muted">
        A scripted series of events over minutes, on the Hookscope clock: step a manual clock or scale it to
        play them fast. They go to the same subscriptions as the form.
      </p>
      {load === 'error' && (
        <div className="callout callout-error" role="alert">
          Could not load scenarios.{' '}
          <button type="button" className="button button-small" onClick={() => void loadScenarios()}>
            Try again
          </button>
        </div>
      )}
      <ul className="scenario-list">
        {scenarios.map((scenario) => (
          <li key={scenario.id} className="scenario">
            <div className="scenario-text">
              <span className="scenario-name">{scenario.name}</span>
              <span className="muted">
                {scenario.provider} · {scenario.steps.length} steps over {span(scenario)}
              </span>
              <span className="field-help">{scenario.description}</span>
            </div>
            <button
              type="button"
              className="button"
              aria-label={`Run ${scenario.name}`}
              disabled={Boolean(blocked)}
              title={blocked}
              onClick={() => void run({ id: scenario.id, ...targets })}
            >
              Run
            </button>
          </li>
        ))}
      </ul>
      {runs.map((view) => (
        <RunProgress
          key={view.run.runId}
          view={view}
          name={scenarios.find((s) => s.id === view.run.scenarioId)?.name}
        />
      ))}
    </section>
  );
}

function span(scenario: ScenarioInfo): string {
  const last = Math.max(0, ...scenario.steps.map((s) => s.offsetSec));
  return formatOffset(last * 1000).slice(1);
}

function RunProgress({ view, name }: { view: ScenarioRunView; name?: string }) {
  const { run } = view;
  const label = `${name ?? run.scenarioId} progress`;
  return (
    <section className="scenario-run" aria-label={`Run of ${name ?? run.scenarioId}`}>
      <div className="scenario-run-head">
        <span className="scenario-name">{name ?? run.scenarioId}</span>
        <progress max={run.total} value={run.fired} aria-label={label} />
        <span role="status" aria-label={`${label} text`}>
          {run.fired} of {run.total} steps fired{run.status === 'done' ? ' · done' : ''}
        </span>
      </div>
      <ol className="scenario-steps">
        {run.steps.map((step, i) => (
          // Steps have no id of their own; their position is their identity within the run.
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed list, order never changes
          <li key={i} className={step.deliveries !== undefined ? 'step-fired' : 'step-waiting'}>
            <span className="step-mark" aria-hidden="true">
              {step.deliveries !== undefined ? '✓' : '○'}
            </span>
            <span>{step.label}</span>
            <code className="muted">{step.type}</code>
            <span className="muted">
              {step.deliveries !== undefined
                ? `${step.deliveries} ${step.deliveries === 1 ? 'delivery' : 'deliveries'}`
                : `due ${formatClockTime(Date.parse(step.dueAt))}`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
