/**
 * The retry timeline: done attempts with their outcome, the next one at its due time on the Hookscope
 * clock, and the rest of the schedule projected; controls to step the clock, retry now and cancel.
 */
import type { ReactNode } from 'react';
import type { Delivery } from '../../../shared/contract/index.js';
import { clockNowMs } from '../../state/clock-slice.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatClockTime, formatOffset } from '../../ui/clock-time.js';
import { formatDuration } from '../../ui/format.js';
import { useNow } from '../../ui/use-now.js';
import { attemptOutcome, type PlanEntry, planOf, retryDelays } from './plan.js';

export function RetryTimeline({
  delivery,
  selected,
  onSelect,
}: {
  delivery: Delivery;
  selected: number;
  onSelect(n: number): void;
}) {
  const subscription = useAppStore((s) => s.sendSubscriptions.find((x) => x.id === delivery.subscriptionId));
  const catalog = useAppStore((s) => s.sendCatalog);
  const clockMode = useAppStore((s) => s.clock?.mode);
  const busy = useAppStore((s) => s.clockBusy);
  const step = useAppStore((s) => s.stepClock);
  const retry = useAppStore((s) => s.retryDelivery);
  const cancel = useAppStore((s) => s.cancelDelivery);
  const wall = useNow(1000);
  const now = useAppStore((s) => clockNowMs(s, wall)) ?? wall;

  const plan = planOf(delivery, retryDelays(subscription, catalog));
  const start = plan[0]?.kind === 'done' ? plan[0].atMs : undefined;
  const pending = delivery.status === 'pending';

  return (
    <section className="card retry-timeline" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Retry timeline</h2>
        <div className="timeline-actions">
          {pending && clockMode === 'manual' && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void step()}
              title="Advance the manual clock to the next due job and run it"
            >
              Step clock
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void retry(delivery.id)}
            title="Send one more attempt now, outside the schedule"
          >
            Retry now
          </button>
          {pending && (
            <button type="button" className="button button-danger" onClick={() => void cancel(delivery.id)}>
              Cancel retries
            </button>
          )}
        </div>
      </div>
      {pending && clockMode && clockMode !== 'manual' && (
        <p className="muted">
          Retries run on the {clockMode} clock. Switch the clock to manual above to step through them.
        </p>
      )}
      <ol className="timeline" aria-label="Attempts">
        {plan.map((entry) => (
          <TimelineItem
            key={entry.n}
            entry={entry}
            start={start}
            now={now}
            wall={wall}
            selected={entry.n === selected}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({
  entry,
  start,
  now,
  wall,
  selected,
  onSelect,
}: {
  entry: PlanEntry;
  start: number | undefined;
  now: number;
  wall: number;
  selected: boolean;
  onSelect(n: number): void;
}) {
  const offset =
    'atMs' in entry && entry.atMs !== undefined && start !== undefined ? entry.atMs - start : undefined;
  const when =
    'atMs' in entry && entry.atMs !== undefined ? (
      <time dateTime={new Date(entry.atMs).toISOString()}>{formatClockTime(entry.atMs, wall)}</time>
    ) : null;
  const label = `Attempt ${entry.n}`;
  let state: string;
  let body: ReactNode;
  switch (entry.kind) {
    case 'done': {
      state = entry.attempt.ok ? 'ok' : 'failed';
      const outcome = attemptOutcome(entry.attempt);
      body = (
        <button
          type="button"
          className="timeline-pick"
          aria-pressed={selected}
          aria-label={`${label}: ${outcome}${entry.attempt.trigger === 'manual' ? ' (manual retry)' : ''}`}
          onClick={() => onSelect(entry.n)}
        >
          <span className="timeline-outcome">{outcome}</span>
          <span className="muted">
            {when} · {Math.round(entry.attempt.timings.totalMs)} ms
            {entry.attempt.trigger === 'manual' && ' · manual retry'}
          </span>
        </button>
      );
      break;
    }
    case 'running':
      state = 'next';
      body = <span>Sending…</span>;
      break;
    case 'next':
      state = 'next';
      body = (
        <span>
          Due {when}{' '}
          <span className="muted">
            ({entry.atMs > now ? `in ${formatDuration(entry.atMs - now)}` : 'now'})
          </span>
        </span>
      );
      break;
    case 'planned':
      state = 'planned';
      body = (
        <span className="muted">{when ? <>Planned about {when}</> : 'Planned, if the one before fails'}</span>
      );
      break;
    case 'not-run':
      state = 'skipped';
      body = <span className="muted">Not run</span>;
      break;
  }
  return (
    <li className={`timeline-item timeline-${state}`}>
      <span className="timeline-dot" aria-hidden="true" />
      <span className="timeline-n">{label}</span>
      <span className="timeline-offset muted">{offset !== undefined ? formatOffset(offset) : ''}</span>
      <span className="timeline-body">{body}</span>
    </li>
  );
}
