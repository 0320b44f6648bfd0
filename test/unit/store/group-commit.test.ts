import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../electron/core/store/group-commit.js';

/** A run() whose completion the test controls. */
function controlled() {
  const finishers: ((err?: Error) => void)[] = [];
  const run = () =>
    new Promise<void>((resolve, reject) => finishers.push((err) => (err ? reject(err) : resolve())));
  return { run, finishers };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('shares one run among callers that ask together, and one more among all who ask while it runs', async () => {
    const { run, finishers } = controlled();
    const commit = new GroupCommit(run);
    const first = [commit.request(), commit.request()];
    expect(first[0]).toBe(first[1]);
    await tick();
    expect(finishers).toHaveLength(1);
    const late = [commit.request(), commit.request(), commit.request()];
    expect(new Set(late).size).toBe(1);
    expect(late[0]).not.toBe(first[0]);
    await tick();
    expect(finishers).toHaveLength(1);
    finishers[0]!();
    await Promise.all(first);
    await tick();
    expect(finishers).toHaveLength(2);
    finishers[1]!();
    await Promise.all(late);
    await commit.idle();
    expect(finishers).toHaveLength(2);
  });

  it('gives each group its own outcome and still runs the next flush after a failure', async () => {
    const { run, finishers } = controlled();
    const commit = new GroupCommit(run);
    const failing = commit.request();
    await tick();
    const next = commit.request();
    finishers[0]!(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    await tick();
    finishers[1]!();
    await expect(next).resolves.toBeUndefined();
  });
});
