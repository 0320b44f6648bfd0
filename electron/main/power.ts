/**
 * Waking from sleep. The tunnel's sockets died while the machine slept without anyone noticing, so it is
 * told to reconnect now. The Hookscope clock itself needs no catch-up (a real or scaled clock reads the wall
 * on every now()), but the scheduler's one timer is a Node timer on the monotonic clock, which on Linux and
 * macOS does not advance during suspend: a retry that fell due during sleep would wait the slept time again.
 * Re-setting the clock to its own mode changes nothing about its time and makes the scheduler re-arm from
 * the wall, so everything due by now runs at once.
 */
import type { ClockMode } from '../../shared/contract/dispatcher-model.js';

export interface ResumableClock {
  readonly mode: ClockMode;
  readonly speed: number;
  setMode(mode: ClockMode, speed?: number): void;
}

export interface ResumableEngine {
  readonly tunnel: { nudge(): void };
  readonly dispatcher: { readonly clock: ResumableClock };
}

/** Re-aims the scheduler at the wall clock without moving the Hookscope clock. */
export function catchUpClock(clock: ResumableClock): void {
  clock.setMode(clock.mode, clock.mode === 'scaled' ? clock.speed : undefined);
}

/** powerMonitor 'resume': reconnect the tunnel, catch the scheduler up. */
export function onResume(engine: ResumableEngine, log: Pick<Console, 'warn'> = console): void {
  engine.tunnel.nudge();
  try {
    catchUpClock(engine.dispatcher.clock);
  } catch (err) {
    log.warn('hookscope: could not catch the scheduler up after sleep:', err);
  }
}
