/**
 * Runs keyed jobs when the Hookscope clock reaches their due time. One timer, armed for the earliest due
 * job over a TimerHeap, however many jobs wait (100k pending retries cost one timer and one heap entry
 * each). A key is queued at most once and never runs twice at the same time: a key that comes due while
 * its previous run is still going waits for that run to end. At most `concurrency` jobs run at once.
 */
import type { Clock } from './clock.js';
import { TimerHeap } from './timer-heap.js';

/** setTimeout's ceiling (~24.8 days); longer waits re-arm when it fires. */
const MAX_TIMER_MS = 2_147_483_647;
export const DEFAULT_CONCURRENCY = 64;

export type JobRunner = (key: string) => Promise<void>;

export interface SchedulerOptions {
  concurrency?: number;
  onError?: (key: string, err: unknown) => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

export class Scheduler {
  readonly #heap = new TimerHeap();
  /** Due keys waiting for a free slot, first come first served (head index instead of O(n) shift()). */
  #ready: string[] = [];
  #head = 0;
  readonly #queued = new Map<string, Deferred>();
  readonly #running = new Map<string, Deferred>();
  /** Came due while their previous run was still going: start when it ends. */
  readonly #blocked = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #timerDue = Number.POSITIVE_INFINITY;
  #closed = false;
  readonly #concurrency: number;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly clock: Clock,
    private readonly run: JobRunner,
    private readonly options: SchedulerOptions = {},
  ) {
    this.#concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    // A mode change or a step moves every due time relative to the wall: re-arm from scratch.
    this.#unsubscribe = clock.onChange(() => this.#arm(true));
  }

  /** Jobs waiting for their time or for a slot (not counting those running). */
  get pending(): number {
    return this.#heap.size + this.#queued.size;
  }

  get runningCount(): number {
    return this.#running.size;
  }

  isRunning(key: string): boolean {
    return this.#running.has(key);
  }

  dueOf(key: string): number | undefined {
    return this.#heap.dueOf(key);
  }

  nextDue(): number | undefined {
    return this.#heap.peek()?.due;
  }

  /** Queues `key` to run at clock time `due`; a key already queued moves to the new time. */
  schedule(key: string, due: number): void {
    if (this.#closed) return;
    this.#unqueue(key);
    this.#heap.set(key, due);
    this.#arm(false);
  }

  /** Takes `key` out of the queue (a run already going is not stopped). */
  cancel(key: string): boolean {
    const queued = this.#unqueue(key);
    const removed = this.#heap.delete(key);
    return queued || removed;
  }

  /**
   * Manual clock: advances to the earliest due job, runs everything due then, and resolves when those runs
   * have ended. Returns the keys it ran (empty when nothing was pending).
   */
  async step(): Promise<string[]> {
    const next = this.#heap.peek();
    if (next) this.clock.advanceTo(next.due);
    const released = this.#release();
    await Promise.all(
      released.map((key) => this.#queued.get(key)?.promise ?? this.#running.get(key)?.promise),
    );
    return released;
  }

  /** Stops the timer and starts nothing new; resolves when the runs already going have ended. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#unsubscribe();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.all([...this.#running.values()].map((d) => d.promise));
  }

  /** Moves every due job to the ready queue and starts what fits. */
  #release(): string[] {
    const now = this.clock.now();
    const released: string[] = [];
    for (let entry = this.#heap.popDue(now); entry; entry = this.#heap.popDue(now)) {
      this.#ready.push(entry.key);
      this.#queued.set(entry.key, deferred());
      released.push(entry.key);
    }
    this.#pump();
    this.#arm(true);
    return released;
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#concurrency && this.#head < this.#ready.length) {
      const key = this.#ready[this.#head++]!;
      const done = this.#queued.get(key);
      if (!done) continue; // cancelled or rescheduled while it waited
      if (this.#running.has(key)) {
        this.#blocked.add(key);
        continue;
      }
      this.#queued.delete(key);
      this.#start(key, done);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#ready.length) {
      this.#ready = this.#ready.slice(this.#head);
      this.#head = 0;
    }
  }

  #start(key: string, done: Deferred): void {
    this.#running.set(key, done);
    const finish = () => {
      this.#running.delete(key);
      done.resolve();
      if (this.#blocked.delete(key) && this.#queued.has(key)) this.#ready.push(key);
      this.#pump();
    };
    let task: Promise<void>;
    try {
      task = this.run(key);
    } catch (err) {
      task = Promise.reject(err);
    }
    task.catch((err) => this.options.onError?.(key, err)).finally(finish);
  }

  #unqueue(key: string): boolean {
    const done = this.#queued.get(key);
    if (!done) return false;
    this.#queued.delete(key);
    this.#blocked.delete(key);
    // Whoever awaited it (a step) must not hang: the job left the queue without running.
    done.resolve();
    return true;
  }

  /** Keeps one timer aimed at the earliest due job; `force` re-aims even if the current one is earlier. */
  #arm(force: boolean): void {
    if (this.#closed) return;
    const next = this.#heap.peek();
    if (!next) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#timerDue = Number.POSITIVE_INFINITY;
      return;
    }
    if (!force && this.#timer && this.#timerDue <= next.due) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
    const delay = this.clock.wallDelayUntil(next.due);
    if (delay === Number.POSITIVE_INFINITY) return; // manual clock: only a step moves time
    this.#timerDue = next.due;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerDue = Number.POSITIVE_INFINITY;
        this.#release();
      },
      Math.min(delay, MAX_TIMER_MS),
    );
    // Hosts stay alive through their servers; a scheduler alone must not keep a CLI or a test running.
    this.#timer.unref();
  }
}
