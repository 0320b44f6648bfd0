import { describe, expect, it } from 'vitest';
import { Clock } from '../../../electron/core/clock/clock.js';
import { Scheduler } from '../../../electron/core/clock/scheduler.js';
import { TimerHeap } from '../../../electron/core/clock/timer-heap.js';

/** A wall clock the test moves by hand. */
const fakeWall = (start = 1_700_000_000_000) => {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
};

describe('TimerHeap', () => {
  it('pops in due order, first come first served on ties, and supports delete and reschedule', () => {
    const heap = new TimerHeap();
    const dues = [50, 10, 40, 10, 30, 20];
    dues.forEach((due, i) => {
      heap.set(`k${i}`, due);
    });
    heap.delete('k2');
    heap.set('k4', 5); // moved earlier
    heap.set('k0', 60); // moved later
    const order: string[] = [];
    for (let e = heap.popDue(100); e; e = heap.popDue(100)) order.push(e.key);
    expect(order).toEqual(['k4', 'k1', 'k3', 'k5', 'k0']);
    expect(heap.size).toBe(0);
  });

  it('stays a valid heap through 20k random operations', () => {
    const heap = new TimerHeap();
    const truth = new Map<string, number>();
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 20_000; i++) {
      const key = `k${Math.floor(rand() * 2000)}`;
      if (rand() < 0.3) {
        heap.delete(key);
        truth.delete(key);
      } else {
        const due = Math.floor(rand() * 1e6);
        heap.set(key, due);
        truth.set(key, due);
      }
    }
    expect(heap.size).toBe(truth.size);
    let last = -1;
    for (let e = heap.popDue(Infinity); e; e = heap.popDue(Infinity)) {
      expect(e.due).toBeGreaterThanOrEqual(last);
      expect(truth.get(e.key)).toBe(e.due);
      last = e.due;
    }
  });
});

describe('Clock', () => {
  it('real follows the wall; manual is frozen; scaled runs N times faster', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.now);
    expect(clock.now()).toBe(wall.now());
    clock.setMode('manual');
    const frozen = clock.now();
    wall.advance(5000);
    expect(clock.now()).toBe(frozen);
    clock.advanceTo(frozen + 60_000);
    expect(clock.now()).toBe(frozen + 60_000);
    clock.setMode('scaled', 60);
    wall.advance(1000);
    expect(clock.now()).toBe(frozen + 120_000);
    expect(clock.wallDelayUntil(clock.now() + 60_000)).toBe(1000);
  });

  it('never runs backwards: a stepped-ahead clock keeps its lead in real mode, a frozen one catches up', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.now);
    clock.setMode('manual');
    clock.advanceTo(wall.now() + 3_600_000);
    clock.setMode('real');
    expect(clock.offsetMs()).toBe(3_600_000);
    clock.setMode('manual');
    wall.advance(7_200_000); // frozen while the wall moved past it
    clock.setMode('real');
    expect(clock.now()).toBe(wall.now());
    expect(clock.offsetMs()).toBe(0);
  });

  it('refuses to step unless manual, and restores its mode and position from a snapshot', () => {
    const wall = fakeWall();
    const clock = new Clock(wall.now);
    expect(() => clock.advanceTo(wall.now() + 1)).toThrow(/manual/);
    clock.setMode('manual');
    clock.advanceTo(wall.now() + 90_000);
    const snap = clock.snapshot();
    wall.advance(10_000);
    const again = new Clock(wall.now, snap);
    expect(again.mode).toBe('manual');
    expect(again.now()).toBe(snap.clockMs);
  });
});

describe('Scheduler', () => {
  it('on a manual clock runs what is due now, and step walks to each next due job', async () => {
    const wall = fakeWall();
    const clock = new Clock(wall.now);
    clock.setMode('manual');
    const ran: { key: string; at: number }[] = [];
    const scheduler = new Scheduler(clock, async (key) => {
      ran.push({ key, at: clock.now() });
    });
    const t0 = clock.now();
    scheduler.schedule('now', t0);
    scheduler.schedule('b', t0 + 300_000);
    scheduler.schedule('a', t0 + 60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(ran.map((r) => r.key)).toEqual(['now']);
    expect(await scheduler.step()).toEqual(['a']);
    expect(await scheduler.step()).toEqual(['b']);
    expect(await scheduler.step()).toEqual([]);
    expect(ran.map((r) => r.at - t0)).toEqual([0, 60_000, 300_000]);
    await scheduler.close();
  });

  it('runs one key at most once at a time, and a key due again while running waits for it', async () => {
    const clock = new Clock();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const scheduler = new Scheduler(clock, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      if (runs === 1) {
        scheduler.schedule('k', clock.now()); // due again while this run is going
        await gate;
      }
      running--;
    });
    scheduler.schedule('k', clock.now());
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
    await scheduler.close();
  });

  it('bounds concurrency and cancels queued jobs', async () => {
    const clock = new Clock();
    let running = 0;
    let maxRunning = 0;
    const done: string[] = [];
    const scheduler = new Scheduler(
      clock,
      async (key) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        done.push(key);
      },
      { concurrency: 3 },
    );
    for (let i = 0; i < 20; i++) scheduler.schedule(`k${i}`, clock.now());
    scheduler.schedule('later', clock.now() + 60_000);
    expect(scheduler.cancel('later')).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toHaveLength(20);
    expect(maxRunning).toBe(3);
    expect(scheduler.pending).toBe(0);
    await scheduler.close();
  });

  it('re-arms on a mode change: scaled ×1000 brings a one-minute job within 60 ms', async () => {
    const clock = new Clock();
    const ran: string[] = [];
    const scheduler = new Scheduler(clock, async (key) => {
      ran.push(key);
    });
    scheduler.schedule('minute', clock.now() + 60_000);
    clock.setMode('scaled', 1000);
    await new Promise((r) => setTimeout(r, 200));
    expect(ran).toEqual(['minute']);
    await scheduler.close();
  });
});
