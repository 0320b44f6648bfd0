/**
 * Pending retries survive a restart: stop the dispatcher with retries pending, start a new one on the same
 * data folder, and every pending delivery resumes on schedule — none lost, none sent twice at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DispatcherHarness,
  eventually,
  startDispatcher,
  startReceiver,
  type WebhookReceiver,
} from '../helpers/dispatcher-harness.js';
import { tempDir } from '../helpers/tmp.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(): Promise<{ dir: string; r: WebhookReceiver }> {
  const tmp = tempDir();
  const r = await startReceiver([{ status: 503 }]);
  cleanup.push(
    () => tmp.remove(),
    () => r.close(),
  );
  return { dir: tmp.dir, r };
}

async function open(dir: string): Promise<DispatcherHarness> {
  const d = await startDispatcher(dir);
  cleanup.push(() => d.close());
  return d;
}

/** Requests per event id, and the most of one event that the receiver ever had in progress at once. */
function perEvent(r: WebhookReceiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of r.received) {
    const id = JSON.parse(q.body.toString()).event_id as string;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('restart with pending retries', () => {
  it('manual clock: 40 deliveries pending after a failure resume after restart and each is sent exactly once more', async () => {
    const { dir, r } = await setup();
    const first = await open(dir);
    await first.call('setClock', { mode: 'manual' });
    await first.call('createSubscription', { url: r.url, events: ['form.*'] });
    await first.call('createSubscription', { url: `${r.url}/second`, events: ['form.completed'] });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(...(await first.call('fireEvent', { type: 'form.completed' })).deliveries.map((x) => x.id));
    }
    expect(ids).toHaveLength(40);
    await eventually(() => expect(r.received).toHaveLength(40));
    await eventually(async () =>
      expect(
        (await first.call('listDeliveries', { status: 'pending' })).items.filter((x) => x.attemptCount === 1),
      ).toHaveLength(40),
    );
    const before = await first.call('getClock');
    expect(before.pending).toBe(40);
    await first.close();
    cleanup.pop();

    r.replies = [{ status: 200 }];
    const second = await open(dir);
    const clock = await second.call('getClock');
    expect(clock).toMatchObject({ mode: 'manual', pending: 40 });
    expect(clock.nowMs).toBe(before.nowMs);
    expect(r.received).toHaveLength(40); // nothing runs before its time on a frozen clock
    const step = await second.call('stepClock');
    expect(step.ran.sort()).toEqual([...ids].sort());
    expect(new Set(step.deliveries.map((x) => x.status))).toEqual(new Set(['succeeded']));
    expect(r.received).toHaveLength(80);
    expect([...perEvent(r).values()].every((n) => n === 4)).toBe(true); // 20 events × 2 subscriptions × 2 attempts
    for (const id of ids) {
      const delivery = await second.call('getDelivery', { id });
      expect(delivery.attempts.map((a) => a.n)).toEqual([1, 2]);
      expect(Date.parse(delivery.attempts[1]!.clockAt) - Date.parse(delivery.attempts[0]!.clockAt)).toBe(
        60_000,
      );
    }
    expect((await second.call('getClock')).pending).toBe(0);
  });

  it('real clock: overdue retries run promptly after a restart, and an attempt cut off by shutdown is not lost', async () => {
    const { dir, r } = await setup();
    const hold = await startReceiver([{ status: 200, delayMs: 5_000 }, { status: 200 }]);
    cleanup.push(() => hold.close());
    const first = await open(dir);
    await first.call('createSubscription', { url: r.url, retry: { preset: 'custom', delaysSec: [1, 1] } });
    const slow = await first.call('createSubscription', {
      url: hold.url,
      retry: { preset: 'custom', delaysSec: [1] },
    });
    const { deliveries } = await first.call('fireEvent', { type: 'batch.started' });
    expect(deliveries).toHaveLength(2);
    await eventually(() => expect(r.received).toHaveLength(1));
    // The attempt to `hold` is in flight (the receiver sits on it) when we stop.
    await eventually(() => expect(hold.received).toHaveLength(1));
    await first.close();
    cleanup.pop();

    r.replies = [{ status: 200 }];
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the 1 s retry is now overdue
    const started = Date.now();
    const second = await open(dir);
    for (const { id } of deliveries) {
      await eventually(
        async () => expect((await second.call('getDelivery', { id })).status).toBe('succeeded'),
        3000,
      );
    }
    expect(Date.now() - started).toBeLessThan(2000);
    const resumed = (await second.call('listDeliveries', { subscription: slow.id })).items[0]!;
    const full = await second.call('getDelivery', { id: resumed.id });
    // The cut-off attempt was not recorded; the resumed one was, so attempt numbers stay gap-free.
    expect(full.attempts.map((a) => a.n)).toEqual([1]);
    expect(full.attempts[0]!.response?.status).toBe(200);
    expect(hold.received).toHaveLength(2);
    expect([...perEvent(r).values()]).toEqual([2]);
  });

  it('a damaged subscriptions file is moved aside and reported; the dispatcher starts without it', async () => {
    const { dir } = await setup();
    mkdirSync(join(dir, 'config'), { recursive: true });
    writeFileSync(
      join(dir, 'config', 'subscriptions.json'),
      JSON.stringify({ subscriptions: [{ id: 'sub_x' }] }),
    );
    const d = await open(dir);
    expect(d.issues).toHaveLength(1);
    expect(d.issues[0]!.file).toMatch(/subscriptions\.json$/);
    expect(d.issues[0]!.movedTo).toMatch(/quarantine\//);
    expect(await d.call('listSubscriptions')).toEqual([]);
  });
});
