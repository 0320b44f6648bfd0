/**
 * Group commit: at most one flush runs at a time. Callers share the next flush that has not started yet;
 * a flush starts a microtask after it is first requested (so callers in the same synchronous stretch
 * share it) or, if one is running, when that one ends (so it covers everything its callers buffered before
 * asking). N concurrent callers cost at most two flushes instead of N.
 */
export class GroupCommit {
  #running: Promise<void> | undefined;
  /** Requested but not started: joinable. */
  #waiting: Promise<void> | undefined;

  constructor(private readonly run: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.#waiting) return this.#waiting;
    // The next flush runs whether or not the current one failed; its callers get its own result.
    const after = this.#running?.catch(() => undefined) ?? Promise.resolve();
    const flush: Promise<void> = after
      .then(() => {
        this.#waiting = undefined;
        this.#running = flush;
        return this.run();
      })
      .finally(() => {
        if (this.#running === flush) this.#running = undefined;
      });
    this.#waiting = flush;
    return flush;
  }

  /** Resolves once nothing is running or waiting (errors are the callers' to handle, not ours). */
  async idle(): Promise<void> {
    while (this.#running || this.#waiting) {
      await (this.#waiting ?? this.#running)?.catch(() => undefined);
    }
  }
}
