/**
 * kill -9 with retries pending (manual clock, the endpoint answering 500): after a restart on the same data
 * folder every pending delivery resumes on a clock step — none lost, none sent twice (requests counted per
 * event id at the endpoint).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startReceiver } from '../helpers/dispatcher-harness.js';
import { type FaultHost, startFaultHost } from '../helpers/fault-host.js';
import { tempDir } from '../helpers/tmp.js';

const EVENTS = 30;

describe('kill -9 with pending retries', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('resumes every pending retry after the restart, exactly once', async () => {
    const tmp = tempDir('hookscope-fault-retries-');
    cleanups.push(tmp.remove);
    const server = await startReceiver([{ status: 500, body: 'down' }]);
    cleanups.push(() => server.close());
    let host: FaultHost = await startFaultHost(tmp.dir);
    cleanups.push(() => host.kill());
    await host.api.setClock({ mode: 'manual' });
    await host.api.createSubscription({ url: `${server.url}/hooks`, events: ['form.completed'] });
    const ids: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      ids.push(...(await host.api.fireEvent({ type: 'form.completed' })).deliveries.map((d) => d.id));
    }
    expect(ids).toHaveLength(EVENTS);
    await eventually(() => expect(server.received).toHaveLength(EVENTS));
    await eventually(async () => expect((await host.api.getClock()).pending).toBe(EVENTS));
    await new Promise((r) => setTimeout(r, 200)); // usually lets the last group commit land
    await host.kill();

    server.replies = [{ status: 200, body: 'ok' }];
    const restartAt = Date.now();
    host = await startFaultHost(tmp.dir);
    const restartMs = Date.now() - restartAt;
    // The delivery log is re-scanned into the scheduler just after start-up; poll until it is back. The
    // scheduler can run one group commit ahead of the disk: a delivery whose failed first attempt was not
    // yet durable at the kill is pending-and-overdue after the restart and runs again at once (the server
    // now answers 200). Either way each delivery is accounted for exactly once.
    const settled = async () => {
      const c = await host.api.getClock();
      const done = (await host.api.listDeliveries({ status: 'succeeded' })).items.length;
      return { clock: c, rerunAtStart: done };
    };
    const { clock, rerunAtStart } = await eventually(async () => {
      const s = await settled();
      expect(s.clock.pending + s.rerunAtStart).toBe(EVENTS);
      return s;
    }, 10_000);
    expect(server.received).toHaveLength(EVENTS + rerunAtStart); // nothing else ran before its time
    const step = await host.api.stepClock();
    expect(step.ran).toHaveLength(EVENTS - rerunAtStart);
    expect((await host.api.getClock()).pending).toBe(0);

    const perEvent = new Map<string, number>();
    for (const r of server.received) {
      const id = JSON.parse(r.body.toString()).event_id as string;
      perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
    }
    let succeeded = 0;
    for (const id of ids) {
      const d = await host.api.getDelivery({ id });
      if (d.status === 'succeeded') succeeded++;
      expect(d.attempts.length).toBeLessThanOrEqual(2);
      expect(d.attempts.at(-1)?.response?.status).toBe(200);
    }
    const figures = {
      deliveries: EVENTS,
      pendingAtKill: EVENTS,
      pendingAfterRestart: clock.pending,
      rerunAtStart,
      resumed: step.ran.length,
      succeeded,
      requests: server.received.length,
      maxPerEvent: Math.max(...perEvent.values()),
      restartMs,
    };
    console.log(`[faults] kill -9 with pending retries: ${JSON.stringify(figures)}`);
    expect(succeeded).toBe(EVENTS);
    expect(perEvent.size).toBe(EVENTS);
    expect([...perEvent.values()].every((n) => n === 2)).toBe(true);
    expect(server.received).toHaveLength(EVENTS * 2);
  }, 60_000);
});
