/**
 * Which subscriptions get an event and what they receive: conditions, payload filters, workspace scope,
 * Instnt forms mapping, test events, envelopes per profile, and signatures the receiving side verifies
 * with its own node:crypto code written from the seeds.
 */
import { createHash, createHmac, createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let r: WebhookReceiver;

beforeAll(async () => {
  tmp = tempDir();
  d = await startDispatcher(tmp.dir);
  r = await startReceiver([{ status: 200 }]);
});

afterAll(async () => {
  await d.close();
  await r.close();
  tmp.remove();
});

type WireBody = Record<string, unknown> & { data: Record<string, unknown> };
const bodiesAt = (path: string) =>
  r.received.filter((q) => q.url === path).map((q) => JSON.parse(q.body.toString('utf8')) as WireBody);

describe('fan-out', () => {
  it('applies conditions (CEL) and reports who was skipped and why', async () => {
    const big = await d.call('createSubscription', {
      url: `${r.url}/big`,
      events: ['form.completed'],
      condition: 'data.total > 1000',
    });
    const any = await d.call('createSubscription', { url: `${r.url}/any`, events: ['form.*'] });
    const small = await d.call('fireEvent', { type: 'form.completed', data: { total: 500 } });
    expect(small.deliveries.map((x) => x.subscriptionId)).toEqual([any.id]);
    expect(small.skipped).toEqual([{ subscriptionId: big.id, reason: 'condition false: data.total > 1000' }]);
    const large = await d.call('fireEvent', { type: 'form.completed', data: { total: 1500 } });
    expect(large.deliveries.map((x) => x.subscriptionId).sort()).toEqual([big.id, any.id].sort());
    const missing = await d.call('fireEvent', { type: 'form.completed', data: { total: undefined } });
    expect(missing.skipped[0]?.reason).toMatch(/condition (error|false)/);
    await eventually(() => expect(bodiesAt('/big')).toHaveLength(1));
    expect(bodiesAt('/big')[0]!.data.total).toBe(1500);
    await d.call('deleteSubscription', { id: big.id });
    await d.call('deleteSubscription', { id: any.id });
  });

  it('applies payload filters per subscription: include, exclude, metadata only', async () => {
    const meta = await d.call('createSubscription', {
      url: `${r.url}/meta`,
      events: ['form.completed'],
      filter: { metadataOnly: true },
    });
    const picky = await d.call('createSubscription', {
      url: `${r.url}/picky`,
      events: ['form.completed'],
      filter: { include: ['form_id', 'field_data'], exclude: ['data.field_data.phone'] },
    });
    const fired = await d.call('fireEvent', { type: 'form.completed' });
    expect(fired.deliveries).toHaveLength(2);
    await eventually(() => expect(bodiesAt('/meta').length + bodiesAt('/picky').length).toBe(2));
    expect(bodiesAt('/meta')[0]!.data).toEqual({
      session_id: 'sess_abc123',
      form_id: 'form_xyz789',
      form_name: 'Job Application Form',
      completed_by: 'jane.doe@example.com',
      filled_pdf_url: 'https://instafill.ai/download/sess_abc123.pdf',
    });
    expect(bodiesAt('/picky')[0]!.data).toEqual({
      form_id: 'form_xyz789',
      field_data: { applicant_name: 'John Smith', email: 'john.smith@example.com' },
    });
    // The full event is what was fired; each delivery keeps what it sent.
    expect(fired.event.data.field_data).toHaveProperty('phone');
    await d.call('deleteSubscription', { id: meta.id });
    await d.call('deleteSubscription', { id: picky.id });
  });

  it('scopes by workspace (organisation-wide when none) and by Instnt forms (none mapped = all)', async () => {
    const sales = await d.call('createSubscription', {
      url: `${r.url}/sales`,
      events: ['form.completed'],
      scope: { workspaces: ['ws_sales'] },
    });
    const org = await d.call('createSubscription', { url: `${r.url}/org`, events: ['form.completed'] });
    const formA = await d.call('createSubscription', {
      url: `${r.url}/form-a`,
      profile: 'instnt',
      events: ['transaction.*'],
      scope: { forms: ['v_form_a'] },
    });
    const allForms = await d.call('createSubscription', {
      url: `${r.url}/all-forms`,
      profile: 'instnt',
      events: ['transaction.*'],
    });
    const ids = async (params: Record<string, unknown>) =>
      (await d.call('fireEvent', params)).deliveries.map((x) => x.subscriptionId).sort();

    expect(await ids({ type: 'form.completed', workspaceId: 'ws_sales' })).toEqual([sales.id, org.id].sort());
    expect(await ids({ type: 'form.completed', workspaceId: 'ws_marketing' })).toEqual([org.id]);
    expect(await ids({ type: 'form.completed' })).toEqual([org.id]);
    expect(await ids({ type: 'transaction.initiated', data: { form_key_id: 'v_form_a' } })).toEqual(
      [formA.id, allForms.id].sort(),
    );
    expect(await ids({ type: 'trasnaction.accepted', data: { form_key: 'v_form_b' } })).toEqual([
      allForms.id,
    ]);
    expect(await ids({ type: 'transaction.review', formId: 'v_form_a' })).toEqual(
      [formA.id, allForms.id].sort(),
    );
    for (const s of [sales, org, formA, allForms]) await d.call('deleteSubscription', { id: s.id });
  });

  it('sends test events only where asked, marked as tests, whatever the subscription’s events', async () => {
    const a = await d.call('createSubscription', { url: `${r.url}/test-a`, events: ['batch.completed'] });
    const b = await d.call('createSubscription', { url: `${r.url}/test-b` });
    await expect(d.call('fireEvent', { type: 'test.webhook' })).rejects.toThrow(/subscriptionIds/);
    const fired = await d.call('fireEvent', { type: 'form.completed', test: true, subscriptionIds: [a.id] });
    expect(fired.deliveries.map((x) => x.subscriptionId)).toEqual([a.id]);
    expect(fired.deliveries[0]!.test).toBe(true);
    await eventually(() => expect(bodiesAt('/test-a')).toHaveLength(1));
    expect(bodiesAt('/test-a')[0]).toMatchObject({ event: 'form.completed', test: true });
    expect(bodiesAt('/test-b')).toHaveLength(0);
    // Named but not subscribed (not a test): skipped with the reason.
    const named = await d.call('fireEvent', { type: 'form.completed', subscriptionIds: [a.id, b.id] });
    expect(named.deliveries.map((x) => x.subscriptionId)).toEqual([b.id]);
    expect(named.skipped).toEqual([{ subscriptionId: a.id, reason: 'not subscribed to form.completed' }]);
    await d.call('deleteSubscription', { id: a.id });
    await d.call('deleteSubscription', { id: b.id });
  });
});

describe('signatures the receiver verifies itself', () => {
  it('Instnt: RSA PKCS#1 v1.5 over the SHA-256 digest, exactly as the seed’s TypeScript verifier checks it', async () => {
    const sub = await d.call('createSubscription', {
      url: `${r.url}/instnt`,
      profile: 'instnt',
      events: ['document.*'],
    });
    expect(sub.scheme).toBe('instnt-rsa');
    const publicKey = d.keys.get(sub.keyId!).publicKeyPem!;
    const fired = await d.call('fireEvent', { type: 'document.submitted' });
    await eventually(() => expect(bodiesAt('/instnt')).toHaveLength(1));
    const q = r.received.find((x) => x.url === '/instnt')!;
    // The seed: hash = createHash('sha256').update(payload).digest().toString('base64');
    //           createVerify('RSA-SHA256').update(hash, 'base64').verify(public_key, signature, 'base64')
    const hash = createHash('sha256').update(q.body).digest().toString('base64');
    const valid = createVerify('RSA-SHA256')
      .update(hash, 'base64')
      .verify(publicKey, String(q.headers['instnt-signature']), 'base64');
    expect(valid).toBe(true);
    const body = JSON.parse(q.body.toString());
    expect(body).toMatchObject({
      id: fired.event.id,
      name: 'Document image.png submitted',
      type: 'document.submitted',
    });
    expect(body.id).toMatch(/^evt_/);
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
    await d.call('deleteSubscription', { id: sub.id });
  });

  it('Standard Webhooks: v1 HMAC over id.timestamp.body with the whsec_ secret', async () => {
    const sub = await d.call('createSubscription', {
      url: `${r.url}/sw`,
      profile: 'standard-webhooks',
      events: ['*'],
    });
    const secret = d.keys.get(sub.keyId!, { reveal: true }).secret!;
    expect(secret).toMatch(/^whsec_/);
    const fired = await d.call('fireEvent', { type: 'quota.exceeded' });
    await eventually(() => expect(bodiesAt('/sw')).toHaveLength(1));
    const q = r.received.find((x) => x.url === '/sw')!;
    const id = String(q.headers['webhook-id']);
    const ts = String(q.headers['webhook-timestamp']);
    expect(id).toBe(fired.event.id);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${id}.${ts}.${q.body.toString('utf8')}`)
      .digest('base64');
    expect(String(q.headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);
    expect(JSON.parse(q.body.toString())).toMatchObject({
      type: 'quota.exceeded',
      data: { quota: 'forms_per_month' },
    });
    await d.call('deleteSubscription', { id: sub.id });
  });
});

describe('validation with clear errors', () => {
  it('rejects plain http to the internet, malformed URLs, unknown events, bad CEL, bad paths and reserved headers', async () => {
    const attempt = (params: Record<string, unknown>) => d.call('createSubscription', params);
    await expect(attempt({ url: 'http://example.com/hook' })).rejects.toThrow(/HTTPS \(TLS 1.2 or newer\)/);
    await expect(attempt({ url: 'https//nope' })).rejects.toThrow(/not a valid URL/);
    await expect(attempt({ url: r.url, events: ['form.complete'] })).rejects.toThrow(
      /unknown event type "form.complete"/,
    );
    await expect(attempt({ url: r.url, condition: 'data.total >' })).rejects.toThrow(/not valid CEL/);
    await expect(attempt({ url: r.url, condition: 'foo > 1' })).rejects.toThrow(/Unknown variable: foo/);
    await expect(attempt({ url: r.url, filter: { include: ['a..b'] } })).rejects.toThrow(/empty segment/);
    await expect(attempt({ url: r.url, headers: { 'X-Instafill-Signature': 'x' } })).rejects.toThrow(
      /cannot be overridden/,
    );
    await expect(attempt({ url: r.url, headers: { 'X-Ok': 'a\r\nb' } })).rejects.toThrow(/line breaks/);
    await expect(attempt({ url: r.url, keyId: 'key_nope' })).rejects.toThrow(/does not exist/);
    await expect(attempt({ url: r.url, retry: { preset: 'custom' } })).rejects.toThrow(/delaysSec/);
    // allowInsecure lets a development server through.
    const dev = await attempt({ url: 'http://dev.example.test/hook', allowInsecure: true, enabled: false });
    expect(dev.url).toBe('http://dev.example.test/hook');
    // Updates are validated the same way, and audited.
    await expect(d.call('updateSubscription', { id: dev.id, allowInsecure: false })).rejects.toThrow(/HTTPS/);
    const renamed = await d.call('updateSubscription', {
      id: dev.id,
      name: 'Dev box',
      events: ['batch.finished'],
    });
    expect(renamed.events).toEqual(['batch.completed']);
    expect(
      d.live.filter((m) => m.event === 'audit').map((m) => (m.data as { action: string }).action),
    ).toEqual(expect.arrayContaining(['subscription.create', 'subscription.update', 'subscription.delete']));
    await d.call('deleteSubscription', { id: dev.id });
  });
});
