/** Where the clock's mode and position survive restarts: a tiny config store beside the others. */
import type { ConfLike } from '../store/types.js';
import type { Clock, ClockSnapshot } from './clock.js';

export type ClockFile = { clock: ClockSnapshot | null };

export const CLOCK_DEFAULTS: ClockFile = { clock: null };

/** The saved snapshot if it looks sane; a damaged or missing one means a fresh real-time clock. */
export function loadSnapshot(store: ConfLike<ClockFile>): ClockSnapshot | undefined {
  const s = store.get('clock');
  if (!s || typeof s !== 'object') return undefined;
  const modes = ['real', 'manual', 'scaled'];
  if (
    !modes.includes(s.mode) ||
    ![s.speed, s.clockMs, s.wallMs].every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return undefined;
  }
  return s;
}

export function saveSnapshot(store: ConfLike<ClockFile>, clock: Clock): void {
  store.set('clock', clock.snapshot());
}
