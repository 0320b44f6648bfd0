/**
 * The Hookscope clock as the UI sees it: mode, speed, pending work and the next due time. Kept current by
 * live `clock` events (mode changes, steps) and refreshed after deliveries move, since the engine reports
 * pending counts only with the clock.
 */
import type { ClockMode, ClockState, StepResult } from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import type { SliceCreator } from './types.js';

/** Coalesces bursts of delivery events into one clock refresh. */
export const CLOCK_REFRESH_DELAY_MS = 250;

export interface ClockSlice {
  clock?: ClockState;
  /** Local wall time (ms) when `clock` arrived, so a running clock can tick between updates. */
  clockAt?: number;
  clockBusy: boolean;
  loadClock(): Promise<void>;
  applyClock(clock: ClockState): void;
  /** Asks for a fresh clock soon (several calls in a burst make one request). */
  refreshClockSoon(): void;
  setClockMode(mode: ClockMode, speed?: number): Promise<boolean>;
  /** Runs the next due job on a manual clock; undefined when it was refused. */
  stepClock(): Promise<StepResult | undefined>;
}

export const createClockSlice: SliceCreator<ClockSlice> = (deps) => (set, get) => {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const fail = (err: unknown, what: string) =>
    get().pushToast({ kind: 'error', message: `${what}: ${toProblem(err).message}` });
  return {
    clockBusy: false,
    loadClock: async () => {
      try {
        get().applyClock(await deps.api.getClock());
      } catch {
        // The status bar simply shows no clock; the next live event or refresh tries again.
      }
    },
    applyClock: (clock) => set({ clock, clockAt: deps.now() }),
    refreshClockSoon: () => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void get().loadClock();
      }, CLOCK_REFRESH_DELAY_MS);
    },
    setClockMode: async (mode, speed) => {
      set({ clockBusy: true });
      try {
        const params = mode === 'scaled' ? { mode, speed } : { mode };
        get().applyClock(await deps.api.setClock(params));
        return true;
      } catch (err) {
        fail(err, 'Clock not changed');
        return false;
      } finally {
        set({ clockBusy: false });
      }
    },
    stepClock: async () => {
      set({ clockBusy: true });
      try {
        const result = await deps.api.stepClock();
        get().applyClock(result.clock);
        for (const summary of result.deliveries) get().receiveDelivery(summary);
        if (result.ran.length === 0) get().pushToast({ kind: 'info', message: 'Nothing was due' });
        return result;
      } catch (err) {
        fail(err, 'Could not step the clock');
        return undefined;
      } finally {
        set({ clockBusy: false });
      }
    },
  };
};

/** The Hookscope clock's time now, from the last report and its rate (frozen when manual). */
export function clockNowMs(
  state: Pick<ClockSlice, 'clock' | 'clockAt'>,
  wallNow: number,
): number | undefined {
  const { clock, clockAt } = state;
  if (!clock || clockAt === undefined) return undefined;
  return clock.nowMs + Math.max(0, wallNow - clockAt) * clock.speed;
}
