/**
 * The Hookscope clock's control: real, manual (frozen; Step runs the next due attempt) or scaled ×N.
 * The compact form sits in the status bar whenever anything is pending or the clock is not real; the
 * full form heads the Deliveries area. Both follow live `clock` events.
 */
import { useId } from 'react';
import type { ClockMode } from '../../shared/contract/index.js';
import { clockNowMs } from '../state/clock-slice.js';
import { useAppStore } from '../state/use-app-store.js';
import { formatClockTime } from '../ui/clock-time.js';
import { formatDuration } from '../ui/format.js';
import { useNow } from '../ui/use-now.js';
import './clock-control.css';

export const CLOCK_SPEEDS = [10, 60, 600, 3600] as const;
const DEFAULT_SPEED = 60;
const MODE_LABEL: Record<ClockMode, string> = { real: 'Real', manual: 'Manual', scaled: 'Scaled' };

/** Shown in the status bar while work is pending or the clock is not real time. */
export function ClockStatus() {
  const clock = useAppStore((s) => s.clock);
  if (!clock || (clock.pending === 0 && clock.mode === 'real')) return null;
  return <ClockControl compact />;
}

export function ClockControl({ compact = false }: { compact?: boolean }) {
  const clock = useAppStore((s) => s.clock);
  const busy = useAppStore((s) => s.clockBusy);
  const setMode = useAppStore((s) => s.setClockMode);
  const step = useAppStore((s) => s.stepClock);
  const id = useId();
  if (!clock) return null;

  const choose = (mode: ClockMode) => {
    if (mode === clock.mode) return;
    void setMode(mode, mode === 'scaled' ? (clock.speed > 1 ? clock.speed : DEFAULT_SPEED) : undefined);
  };
  const speeds = CLOCK_SPEEDS.includes(clock.speed as (typeof CLOCK_SPEEDS)[number])
    ? CLOCK_SPEEDS
    : [...CLOCK_SPEEDS, clock.speed].sort((a, b) => a - b);

  return (
    <section
      className={`clock-control${compact ? ' clock-compact' : ' card'}`}
      aria-label={compact ? 'Clock (status)' : 'Clock'}
    >
      {!compact && <h2 className="clock-title">Clock</h2>}
      <fieldset className="clock-modes" disabled={busy}>
        <legend className="visually-hidden">Clock mode</legend>
        {(['real', 'manual', 'scaled'] as const).map((mode) => (
          <label key={mode} className="clock-mode">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={clock.mode === mode}
              onChange={() => choose(mode)}
            />
            <span>{MODE_LABEL[mode]}</span>
          </label>
        ))}
      </fieldset>
      {clock.mode === 'scaled' && (
        <label className="clock-speed">
          <span className="visually-hidden">Clock speed</span>
          <select
            value={clock.speed}
            disabled={busy}
            onChange={(e) => void setMode('scaled', Number(e.target.value))}
          >
            {speeds.map((s) => (
              <option key={s} value={s}>
                ×{s}
              </option>
            ))}
          </select>
        </label>
      )}
      <ClockReadout compact={compact} />
      {clock.mode === 'manual' && (
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy || clock.pending === 0}
          onClick={() => void step()}
          title="Advance the clock to the next due attempt and run it"
        >
          Step
        </button>
      )}
    </section>
  );
}

function ClockReadout({ compact }: { compact: boolean }) {
  const clock = useAppStore((s) => s.clock);
  const ticking = clock?.mode !== 'manual';
  const wall = useNow(ticking ? 1000 : 60_000);
  const now = useAppStore((s) => clockNowMs(s, wall));
  if (!clock || now === undefined) return null;
  const due = clock.nextDueAt ? Date.parse(clock.nextDueAt) : undefined;
  return (
    <span className="clock-readout">
      {!compact && (
        <span>
          <span className="status-label">Now</span>{' '}
          <time dateTime={new Date(now).toISOString()}>{formatClockTime(now, wall)}</time>
          {clock.offsetMs >= 1000 && (
            <span className="muted"> ({formatDuration(clock.offsetMs)} ahead of real time)</span>
          )}
        </span>
      )}
      <span>{clock.pending} pending</span>
      {due !== undefined && (
        <span>
          <span className="status-label">{compact ? 'Next' : 'Next due'}</span>{' '}
          <time dateTime={clock.nextDueAt}>{formatClockTime(due, wall)}</time>
          {/* The status bar has room for the time only; the full control adds how long until then. */}
          {!compact && (
            <span className="muted"> ({due > now ? `in ${formatDuration(due - now)}` : 'now'})</span>
          )}
        </span>
      )}
    </span>
  );
}
