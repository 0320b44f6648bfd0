/** Waking from sleep: the tunnel reconnects and the scheduler re-arms from the wall without moving the clock. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../../electron/core/clock/clock.js';
import { Scheduler } from '../../../electron/core/clock/scheduler.js';
import { catchUpClock, onResume } from '../../../electron/main/power.js';

afterEach(() => vi.useRealTimers());

describe('powerMonitor resume', () => {
  it('runs a job that fell due during sleep right away instead of waiting the slept time again', async () => {
    vi.useFakeTimers();
    let wall = 1_000_000;
    const clock = new Clock(() => wall);
    const ran: string[] = [];
    const scheduler = new Scheduler(clock, async (key) => {
      ran.push(key);
    });
    scheduler.schedule('retry', wall + 60_000);
    // Suspend: the wall moves 2 minutes, the (monotonic) Node timer does not.
    wall += 120_000;
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual([]);
    const before = clock.now();
    catchUpClock(clock);
    expect(clock.now()).toBe(before);
    expect(clock.mode).toBe('real');
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['retry']);
    await scheduler.close();
  });

  it('keeps a scaled clock scaled at its speed and a manual clock frozen', () => {
    let wall = 0;
    const clock = new Clock(() => wall);
    clock.setMode('scaled', 10);
    wall = 1000;
    const at = clock.now();
    catchUpClock(clock);
    expect([clock.mode, clock.speed, clock.now()]).toEqual(['scaled', 10, at]);
    clock.setMode('manual');
    catchUpClock(clock);
    wall = 5000;
    expect([clock.mode, clock.now()]).toEqual(['manual', at]);
  });

  it('nudges the tunnel even if the clock cannot be caught up', () => {
    const nudge = vi.fn();
    const warn = vi.fn();
    const clock = {
      mode: 'real' as const,
      speed: 1,
      setMode: () => {
        throw new Error('boom');
      },
    };
    onResume({ tunnel: { nudge }, dispatcher: { clock } }, { warn });
    expect(nudge).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalled();
  });
});
