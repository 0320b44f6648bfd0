/**
 * Deliveries against real local HTTP servers, walked through on the manual clock: the Instafill schedule,
 * Retry-After, 410 Gone, final failure with alerts, manual retry and cancel, one attempt in flight.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../shared/contract/dispatcher-model.js';
import {
  type DispatcherHarness,
  eventually,
  startDispatcher,
  startReceiver,
  type WebhookReceiver,
} from '../helpers/dispatcher-harness.js';
import { tempDir } from '../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let d: DispatcherHarness;
const receivers: WebhookReceiver[] = [];

async function receiver(...replies: Parameters<typeof startReceiver>[0] & object) {
  const r = await startReceiver(replies);
  receivers.push(r);
  return r;
}

beforeEach(async () => {
  tmp = tempDir();
  d = await startDispatcher(tmp.dir);
  await d.call('setClock', { mode: 'manual' });
});

afterEach(async () => {
  await d.close();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  tmp.remove();
});

/** The seed's Python check, in Node: compare_digest(f"sha256={hmac(secret, payload).hexdigest()}", header). */
const instafillValid = (secret: string, body: Buffer, header: unknown) =>
  header === `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('retries on the manual clock', () => {
  it('a flaky endpoint (fails twice, then 200) is retried at +1 min and +5 min with the same event id, signed', async () => {
    const r = await receiver(
      { status: 500, body: 'boom' },
      { status: 502 },
      { status: 200, body: '{"ok":true}' },
    );
    const sub = await d.call('createSubscription', { url: `${r.url}/hooks`, events: ['form.completed'] });
    const secret = d.keys.get(sub.keyId!, { reveal: true }).secret!;
    const fired = await d.call('fireEvent', { type: 'form.completed', workspaceId: 'ws_sales' });
    expect(fired.deliveries).toHaveLength(1);
    const id = fired.deliveries[0]!.id;
    await eventually(() => expect(r.received).toHaveLength(1));
    await eventually(async () => expect((await d.call('getDelivery', { id })).attemptCount).toBe(1));

    const step1 = await d.call('stepClock');
    expect(step1.ran).toEqual([id]);
    expect(step1.deliveries[0]).toMatchObject({ status: 'pending', attemptCount: 2 });
    const step2 = await d.call('stepClock');
    expect(step2.deliveries[0]).toMatchObject({ status: 'succeeded', attemptCount: 3 });
    expect((await d.call('stepClock')).ran).toEqual([]);

    const delivery = await d.call('getDelivery', { id });
    const t0 = Date.parse(delivery.attempts[0]!.clockAt);
    expect(delivery.attempts.map((a) => (Date.parse(a.clockAt) - t0) / 1000)).toEqual([0, 60, 360]);
    expect(delivery.attempts.map((a) => a.response?.status)).toEqual([500, 502, 200]);
    expect(delivery.attempts[0]!.response).toMatchObject({ body: 'boom', truncated: false });
    expect(delivery.attempts[2]!.timings.totalMs).toBeGreaterThan(0);
    expect(delivery.attempts[0]!.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(delivery.finalReason).toMatch(/200/);

    const bodies = r.received.map((q) => JSON.parse(q.body.toString('utf8')) as Record<string, unknown>);
    expect(new Set(bodies.map((b) => b.event_id)).size).toBe(1);
    expect(bodies[0]).toMatchObject({
      event: 'form.completed',
      event_id: fired.event.id,
      workspace_id: 'ws_sales',
    });
    for (const q of r.received) {
      expect(q.url).toBe('/hooks');
      expect(q.headers['x-instafill-event']).toBe('form.completed');
      expect(q.headers['content-type']).toBe('application/json');
      expect(instafillValid(secret, q.body, q.headers['x-instafill-signature'])).toBe(true);
    }
    // The log shows the request exactly as written, signature included.
    const sent = delivery.attempts[0]!.request;
    expect(sent.headers.find(([n]) => n === 'X-Instafill-Signature')?.[1]).toBe(
      r.received[0]!.headers['x-instafill-signature'],
    );
    expect(sent.headers.find(([n]) => n === 'content-length')?.[1]).toBe(String(r.received[0]!.body.length));
    expect(sent.body).toBe(r.received[0]!.body.toString('utf8'));
  });

  it('honours Retry-After (clamped) instead of the schedule', async () => {
    const r = await receiver(
      { status: 503, headers: { 'retry-after': '120' } },
      { status: 429, headers: { 'retry-after': '999999' } },
      { status: 200 },
    );
    await d.call('createSubscription', { url: r.url });
    const { deliveries } = await d.call('fireEvent', { type: 'batch.started' });
    const id = deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id })).attemptCount).toBe(1));
    await d.call('stepClock');
    await d.call('stepClock');
    const delivery = await d.call('getDelivery', { id });
    const t = delivery.attempts.map((a) => Date.parse(a.clockAt));
    expect([(t[1]! - t[0]!) / 1000, (t[2]! - t[1]!) / 1000]).toEqual([120, 6 * 3600]);
    expect(delivery.attempts.map((a) => a.retryAfterSec)).toEqual([120, 999999, undefined]);
    expect(delivery.status).toBe('succeeded');
  });

  it('410 Gone fails the delivery, disables the subscription and alerts (live and to the alert URL)', async () => {
    const alertSink = await receiver({ status: 204 });
    d.settings.alertUrl = `${alertSink.url}/alerts`;
    const r = await receiver({ status: 410, body: 'gone' });
    const sub = await d.call('createSubscription', { url: r.url });
    const { deliveries } = await d.call('fireEvent', { type: 'user.joined' });
    const id = deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id })).status).toBe('failed'));
    expect((await d.call('getSubscription', { id: sub.id })).enabled).toBe(false);
    expect((await d.call('getSubscription', { id: sub.id })).disabledReason).toMatch(/410/);
    const kinds = d.live.filter((m) => m.event === 'alert').map((m) => (m.data as { kind: string }).kind);
    expect(kinds).toEqual(['subscription_disabled', 'delivery_failed']);
    await eventually(() => expect(alertSink.received).toHaveLength(2));
    expect(JSON.parse(alertSink.received[1]!.body.toString())).toMatchObject({
      type: 'hookscope.alert',
      alert: { kind: 'delivery_failed', deliveryId: id },
    });
    await eventually(async () =>
      expect((await d.call('getDelivery', { id })).alertPost).toMatchObject({ status: 204 }),
    );
    // Disabled: later events no longer go there.
    expect((await d.call('fireEvent', { type: 'user.joined' })).deliveries).toHaveLength(0);
  });

  it('the last failure marks the delivery failed and raises one alert; manual retry then succeeds', async () => {
    const r = await receiver({ status: 500 });
    await d.call('createSubscription', { url: r.url, retry: { preset: 'custom', delaysSec: [10, 20] } });
    const { deliveries } = await d.call('fireEvent', { type: 'payment.failed' });
    const id = deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id })).attemptCount).toBe(1));
    await d.call('stepClock');
    await d.call('stepClock');
    let delivery: Delivery = await d.call('getDelivery', { id });
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 3, maxAttempts: 3 });
    expect(delivery.finalReason).toMatch(/retries exhausted after 3 attempts/);
    expect(d.live.filter((m) => m.event === 'alert')).toHaveLength(1);

    r.replies = [{ status: 200 }];
    delivery = await d.call('retryDelivery', { id });
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 4 });
    expect(delivery.attempts.at(-1)!.trigger).toBe('manual');
    expect(r.received).toHaveLength(4);
  });

  it('cancels a pending delivery; never runs two attempts of one delivery at once', async () => {
    const r = await receiver({ status: 500 });
    await d.call('createSubscription', { url: r.url });
    const { deliveries } = await d.call('fireEvent', { type: 'form.failed' });
    const id = deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id })).attemptCount).toBe(1));

    r.replies = [{ status: 200, delayMs: 300 }];
    const first = d.call('retryDelivery', { id });
    await eventually(() => expect(r.received).toHaveLength(2));
    await expect(d.call('retryDelivery', { id })).rejects.toThrow(/in flight/);
    expect((await first).status).toBe('succeeded');
    await expect(d.call('cancelDelivery', { id })).rejects.toThrow(/only pending/);

    r.replies = [{ status: 500 }];
    const second = (await d.call('fireEvent', { type: 'form.failed' })).deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id: second })).attemptCount).toBe(1));
    const canceled = await d.call('cancelDelivery', { id: second });
    expect(canceled).toMatchObject({ status: 'canceled', finalReason: 'canceled by test' });
    expect((await d.call('stepClock')).ran).toEqual([]);
  });

  it('“send test event” returns the response inline, marked as a test, without retries', async () => {
    const r = await receiver({ status: 202, body: 'thanks' });
    const sub = await d.call('createSubscription', { url: r.url, enabled: false });
    const delivery = await d.call('testSubscription', { id: sub.id });
    expect(delivery).toMatchObject({
      status: 'succeeded',
      test: true,
      maxAttempts: 1,
      eventType: 'test.webhook',
    });
    expect(delivery.attempts[0]!.response).toMatchObject({ status: 202, body: 'thanks' });
    expect(JSON.parse(r.received[0]!.body.toString())).toMatchObject({
      event: 'test.webhook',
      test: true,
      data: { message: 'This is a test webhook from Instafill.ai' },
    });
    r.replies = [{ status: 500 }];
    expect((await d.call('testSubscription', { id: sub.id })).status).toBe('failed');
    expect((await d.call('stepClock')).ran).toEqual([]);
  });

  it('counts a slow answer as a timeout and logs big response bodies truncated, with their full size', async () => {
    const r = await receiver({ status: 200, delayMs: 1500 }, { status: 500, body: 'x'.repeat(100_000) });
    await d.call('createSubscription', { url: r.url, timeoutMs: 1000 });
    const { deliveries } = await d.call('fireEvent', { type: 'error.occurred' });
    const id = deliveries[0]!.id;
    await eventually(async () => expect((await d.call('getDelivery', { id })).attemptCount).toBe(1), 5000);
    const first = (await d.call('getDelivery', { id })).attempts[0]!;
    expect(first.error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/within 1 s/) });
    expect(first.ok).toBe(false);
    await d.call('stepClock');
    const second = (await d.call('getDelivery', { id })).attempts[1]!;
    expect(second.response).toMatchObject({ status: 500, bodyBytes: 100_000, truncated: true });
    expect(second.response!.body.length).toBe(64 * 1024);
  });
});
