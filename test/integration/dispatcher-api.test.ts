/**
 * The dispatcher through the real headless host's REST API (and its live SSE stream): subscriptions,
 * events, deliveries, the clock, stats, custom types and the two demo scenarios on a manual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { createHttpClient, type HttpApi } from '../../shared/client/http-client.js';
import type { LiveMessage, ScenarioProgress } from '../../shared/contract/index.js';
import { ApiError } from '../../shared/errors.js';
import { eventually, startReceiver, type WebhookReceiver } from '../helpers/dispatcher-harness.js';
import { rawRequest } from '../helpers/raw-http.js';
import { tempDir } from '../helpers/tmp.js';

const TOKEN = 'dispatcher-api-token-01';
const tmp = tempDir();
let host: RunningHost;
let api: HttpApi;
let r: WebhookReceiver;
const live: LiveMessage[] = [];
let unsubscribe: { close(): void };

beforeAll(async () => {
  host = await startHost({ dataDir: tmp.dir, port: 0, receiverPort: 0, token: TOKEN });
  api = createHttpClient({ baseUrl: host.api.url, token: TOKEN });
  unsubscribe = api.live((m) => live.push(m));
  r = await startReceiver([{ status: 200, body: 'ok' }]);
  await api.setClock({ mode: 'manual' });
});

afterAll(async () => {
  unsubscribe.close();
  await host.stop();
  await r.close();
  tmp.remove();
});

describe('dispatcher over HTTP', () => {
  it('serves the catalog with both providers, aliases, profiles and retry presets', async () => {
    const catalog = await api.getCatalog();
    expect(catalog.types.length).toBe(25);
    expect(catalog.types.find((t) => t.type === 'transaction.accepted')?.aliases).toEqual([
      'trasnaction.accepted',
    ]);
    expect(catalog.profiles.map((p) => p.id)).toEqual(['instafill', 'instnt', 'standard-webhooks', 'custom']);
    expect(catalog.retryPresets.find((p) => p.id === 'instafill')?.delaysSec).toEqual([
      60, 300, 900, 3600, 21600,
    ]);
    const custom = await api.addCustomEventType({
      type: 'invoice.paid',
      required: ['invoice_id'],
      sample: { invoice_id: 'in_1' },
    });
    expect(custom.provider).toBe('custom');
    expect((await api.getCatalog()).types.some((t) => t.type === 'invoice.paid')).toBe(true);
    expect(await api.deleteCustomEventType({ type: 'invoice.paid' })).toEqual({
      type: 'invoice.paid',
      deleted: true,
    });
  });

  it('creates, lists, updates and deletes subscriptions; errors carry the reason and field', async () => {
    const bad = await api
      .createSubscription({ url: 'http://example.com/x', events: ['nope.nope'] })
      .catch((e: ApiError) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).code).toBe('validation');
    expect((bad as ApiError).issues?.map((i) => i.path)).toEqual(['url', 'events.0']);
    const unknown = await rawRequest(`${host.api.url}/api/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: r.url, colour: 'red' }),
    });
    expect(unknown.status).toBe(422);
    const sub = await api.createSubscription({
      url: `${r.url}/api`,
      name: 'CRM',
      events: ['form.completed', 'batch.*'],
    });
    expect(sub).toMatchObject({
      name: 'CRM',
      enabled: true,
      profile: 'instafill',
      scheme: 'instafill-hmac',
      timeoutMs: 30_000,
    });
    expect(sub.keyId).toMatch(/^key_/);
    expect((await api.listSubscriptions()).map((s) => s.id)).toContain(sub.id);
    const updated = await api.updateSubscription({
      id: sub.id,
      description: 'sales CRM',
      rateLimitPerMinute: 600,
    });
    expect(updated).toMatchObject({
      description: 'sales CRM',
      rateLimitPerMinute: 600,
      events: ['form.completed', 'batch.*'],
    });
    const switched = await api.updateSubscription({ id: sub.id, profile: 'standard-webhooks' });
    expect(switched.scheme).toBe('standard-webhooks');
    expect(switched.keyId).not.toBe(sub.keyId);
    expect((await api.getKey({ id: switched.keyId!, reveal: true })).secret).toMatch(/^whsec_/);
    const gone = await api.getSubscription({ id: 'sub_missing' }).catch((e: ApiError) => e);
    expect((gone as ApiError).httpStatus).toBe(404);
    await api.deleteSubscription({ id: sub.id });
  });

  it('fires, delivers, lists, steps the clock, and reports stats', async () => {
    const sub = await api.createSubscription({ url: `${r.url}/flaky` });
    r.replies = [{ status: 500 }, { status: 200 }];
    const before = r.received.length;
    const fired = await api.fireEvent({ type: 'form.completed', workspaceId: 'ws_sales' });
    const id = fired.deliveries[0]!.id;
    await eventually(async () => expect((await api.getDelivery({ id })).attemptCount).toBe(1));
    const pending = await api.listDeliveries({ subscription: sub.id, status: 'pending' });
    expect(pending.items.map((x) => x.id)).toEqual([id]);
    const clock = await api.getClock();
    expect(clock).toMatchObject({ mode: 'manual', speed: 0, pending: 1 });
    expect(Date.parse(clock.nextDueAt!) - clock.nowMs).toBe(60_000);
    const step = await api.stepClock();
    expect(step.deliveries[0]).toMatchObject({ id, status: 'succeeded', attemptCount: 2 });
    expect(r.received.length - before).toBe(2);
    const stats = await api.getSubscriptionStats({ id: sub.id });
    expect(stats.deliveries).toMatchObject({ succeeded: 1, pending: 0 });
    expect(stats.windows['24h']).toMatchObject({ attempts: 2, succeeded: 1, failed: 1, successRate: 0.5 });
    expect(stats.windows['7d'].latencyMs?.p50).toBeGreaterThan(0);
    // Created, retry scheduled, succeeded: each change went out on the live stream.
    await eventually(() =>
      expect(live.filter((m) => m.event === 'delivery' && m.data.id === id).length).toBeGreaterThanOrEqual(3),
    );
    expect(live.some((m) => m.event === 'clock')).toBe(true);
    const retried = await api.retryDelivery({ id });
    expect(retried.attemptCount).toBe(3);
    await api.deleteSubscription({ id: sub.id });
  });

  it('runs the Instnt onboarding scenario on the manual clock, in order, with progress events', async () => {
    const sub = await api.createSubscription({ url: `${r.url}/instnt`, profile: 'instnt', events: ['*'] });
    const scenarios = await api.listScenarios();
    expect(scenarios.map((s) => s.id)).toEqual(['instnt-onboarding', 'instafill-batch']);
    const run = await api.runScenario({ id: 'instnt-onboarding', subscriptionIds: [sub.id] });
    expect(run.total).toBe(6);
    let progress: ScenarioProgress[] = [];
    for (let i = 0; i < 20 && progress.length < 6; i++) {
      await api.stepClock();
      progress = live
        .filter((m) => m.event === 'scenario' && m.data.runId === run.runId)
        .map((m) => m.data as ScenarioProgress);
    }
    await eventually(() => expect(progress.at(-1)?.status).toBe('done'));
    expect(progress.map((p) => p.type)).toEqual([
      'transaction.initiated',
      'transaction.submitted',
      'document.submitted',
      'document.verification.success',
      'transaction.review',
      'transaction.accepted',
    ]);
    await eventually(() => expect(r.received.filter((q) => q.url === '/instnt')).toHaveLength(6));
    const bodies = r.received.filter((q) => q.url === '/instnt').map((q) => JSON.parse(q.body.toString()));
    expect(bodies.map((b) => b.type)).toEqual(progress.map((p) => p.type));
    // One customer: the same transaction id throughout.
    expect(new Set([bodies[3].data.uuid4, bodies[4].data.instnttxn, bodies[5].data.instnttxn]).size).toBe(1);
    await api.deleteSubscription({ id: sub.id });
  });

  it('runs the Instafill batch scenario: started, progress every 10 %, completed', async () => {
    const sub = await api.createSubscription({ url: `${r.url}/batch`, events: ['batch.*'] });
    await api.runScenario({ id: 'instafill-batch' });
    for (let i = 0; i < 11; i++) await api.stepClock();
    await eventually(() => expect(r.received.filter((q) => q.url === '/batch')).toHaveLength(11));
    const bodies = r.received.filter((q) => q.url === '/batch').map((q) => JSON.parse(q.body.toString()));
    expect(bodies[0].event).toBe('batch.started');
    expect(bodies.slice(1, 10).map((b) => b.data.percent)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(bodies[10].event).toBe('batch.completed');
    await api.deleteSubscription({ id: sub.id });
    await api.setClock({ mode: 'scaled', speed: 60 });
    expect((await api.getClock()).speed).toBe(60);
    await expect(api.stepClock()).rejects.toThrow(/manual clock/);
    await api.setClock({ mode: 'manual' });
  });
});
