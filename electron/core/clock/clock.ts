/**
 * The Hookscope clock: the time the scheduler runs on. `real` follows the wall, `manual` is frozen until
 * someone steps it, `scaled` runs N× faster. It never runs backwards: switching back to real from a clock
 * that was stepped ahead keeps the lead (reported as offsetMs) instead of re-ordering time under pending
 * retries. Payload timestamps never come from here: they stay wall-clock so receivers' tolerance checks pass.
 */
import type { ClockMode } from '../../../shared/contract/dispatcher-model.js';
import { ValidationError } from '../../../shared/errors.js';

export const DEFAULT_SCALED_SPEED = 60;

/** What survives a restart: the mode and where the clock stood. */
export interface ClockSnapshot {
  mode: ClockMode;
  speed: number;
  /** Clock time and wall time at the moment the snapshot was taken. */
  clockMs: number;
  wallMs: number;
}

export type ClockListener = () => void;

export class Clock {
  #mode: ClockMode = 'real';
  #speed = 1;
  /** now() = anchorClock + (wall − anchorWall) × rate. */
  #anchorClock: number;
  #anchorWall: number;
  readonly #listeners = new Set<ClockListener>();

  constructor(
    private readonly wall: () => number = Date.now,
    snapshot?: ClockSnapshot,
  ) {
    const w = wall();
    this.#anchorClock = w;
    this.#anchorWall = w;
    if (snapshot) this.#restore(snapshot, w);
  }

  get mode(): ClockMode {
    return this.#mode;
  }

  /** 1 for real, 0 for manual, N for scaled. */
  get rate(): number {
    return this.#mode === 'manual' ? 0 : this.#mode === 'real' ? 1 : this.#speed;
  }

  get speed(): number {
    return this.#mode === 'scaled' ? this.#speed : this.rate;
  }

  now(): number {
    return Math.floor(this.#anchorClock + (this.wall() - this.#anchorWall) * this.rate);
  }

  wallNow(): number {
    return this.wall();
  }

  /** Clock ahead of the wall, in ms (0 when level or behind: a frozen clock that fell behind catches up). */
  offsetMs(): number {
    return Math.max(0, this.now() - this.wall());
  }

  setMode(mode: ClockMode, speed?: number): void {
    if (mode === 'scaled' && speed !== undefined && !(speed > 0 && Number.isFinite(speed))) {
      throw new ValidationError(`the scaled clock's speed must be a positive number, got ${speed}`);
    }
    const current = this.now();
    const wall = this.wall();
    // Going real: a clock that fell behind (frozen) jumps forward to the wall; one ahead keeps its lead.
    this.#anchorClock = mode === 'real' ? Math.max(current, wall) : current;
    this.#anchorWall = wall;
    this.#mode = mode;
    if (mode === 'scaled') this.#speed = speed ?? (this.#speed > 1 ? this.#speed : DEFAULT_SCALED_SPEED);
    this.#emit();
  }

  /** Moves a manual clock forward to `clockMs` (never back). */
  advanceTo(clockMs: number): void {
    if (this.#mode !== 'manual') {
      throw new ValidationError(
        `only a manual clock can be stepped; the clock is ${this.#mode} (PUT /api/clock {"mode":"manual"})`,
      );
    }
    if (clockMs <= this.#anchorClock) return;
    this.#anchorClock = clockMs;
    this.#anchorWall = this.wall();
    this.#emit();
  }

  /** Wall milliseconds until the clock reaches `clockMs`; Infinity when it never will (manual). */
  wallDelayUntil(clockMs: number): number {
    const ahead = clockMs - this.now();
    if (ahead <= 0) return 0;
    const rate = this.rate;
    return rate === 0 ? Number.POSITIVE_INFINITY : Math.ceil(ahead / rate);
  }

  snapshot(): ClockSnapshot {
    return { mode: this.#mode, speed: this.#speed, clockMs: this.now(), wallMs: this.wall() };
  }

  /** Called on every mode change and step; returns the unsubscribe function. */
  onChange(listener: ClockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #restore(s: ClockSnapshot, wall: number): void {
    this.#mode = s.mode;
    this.#speed = s.speed > 0 && Number.isFinite(s.speed) ? s.speed : DEFAULT_SCALED_SPEED;
    // Real time kept running while we were closed (keep any lead); manual and scaled resume where they stood.
    this.#anchorClock = s.mode === 'real' ? Math.max(wall, s.clockMs + (wall - s.wallMs)) : s.clockMs;
    this.#anchorWall = wall;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
