import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../../electron/core/audit/audit-log.js';
import { type CatalogFile, EventCatalog } from '../../../electron/core/dispatcher/catalog/event-catalog.js';
import { envelopeOf } from '../../../electron/core/dispatcher/envelope.js';
import { createEvent, eventName } from '../../../electron/core/dispatcher/event-factory.js';
import type { ConfLike } from '../../../electron/core/store/types.js';
import type { CallContext } from '../../../shared/contract/define.js';
import type { CatalogEventType } from '../../../shared/contract/dispatcher-model.js';

const memoryStore = (): ConfLike<CatalogFile> => {
  const data: CatalogFile = { customTypes: [] };
  return {
    get: (k) => data[k],
    set: (k, v) => {
      data[k] = v;
    },
    store: data,
    path: ':memory:',
  };
};
const audited: string[] = [];
const audit = { record: (_ctx: CallContext, action: string) => audited.push(action) } as unknown as AuditLog;
const ctx: CallContext = { transport: 'internal', actor: 'test' };

const INSTAFILL = [
  'form.completed',
  'form.failed',
  'form.abandoned',
  'batch.started',
  'batch.completed',
  'batch.failed',
  'batch.progress',
  'user.invited',
  'user.joined',
  'user.removed',
  'subscription.upgraded',
  'subscription.downgraded',
  'subscription.canceled',
  'error.occurred',
  'quota.exceeded',
  'payment.failed',
  'test.webhook',
];
const INSTNT = [
  'transaction.initiated',
  'transaction.submitted',
  'transaction.accepted',
  'transaction.rejected',
  'transaction.review',
  'document.submitted',
  'document.verification.success',
  'document.verification.failure',
];

describe('event catalog', () => {
  const catalog = new EventCatalog(memoryStore(), audit);

  it('has every event type of both seeds, each with a sample carrying its required fields', () => {
    const types = catalog.list();
    expect(types.map((t) => t.type).sort()).toEqual([...INSTAFILL, ...INSTNT].sort());
    for (const t of types) {
      for (const field of t.required) expect(t.sample, `${t.type}.${field}`).toHaveProperty(field);
      expect(catalog.validatePayload(t.type, t.sample).valid).toBe(true);
    }
    expect(catalog.resolve('transaction.submitted')?.sample).toHaveProperty('fignerprint');
    expect(catalog.resolve('form.completed')?.sample).toMatchObject({
      session_id: 'sess_abc123',
      form_id: 'form_xyz789',
    });
  });

  it('accepts the seeds’ misspellings and alternative names as aliases', () => {
    expect(catalog.resolve('trasnaction.accepted')?.type).toBe('transaction.accepted');
    expect(catalog.resolve('docuemnt.verification.failure')?.type).toBe('document.verification.failure');
    expect(catalog.resolve('document.verification.success.')?.type).toBe('document.verification.success');
    expect(catalog.resolve('batch.finished')?.type).toBe('batch.completed');
    expect(catalog.normalisePattern('trasnaction.accepted')).toBe('transaction.accepted');
    expect(() => catalog.require('form.complete')).toThrow(/did you mean/);
    expect(() => catalog.normalisePattern('nothing.*')).toThrow(/matches no event type/);
    expect(catalog.matches('form.*', 'form.failed')).toBe(true);
  });

  it('validates payloads: whole envelopes or bare data, required fields, envelope type', () => {
    expect(
      catalog.validatePayload('form.completed', { event: 'form.completed', data: { session_id: 's' } }),
    ).toMatchObject({
      valid: false,
      problems: expect.arrayContaining(['required field "form_id" is missing']),
    });
    expect(
      catalog.validatePayload('transaction.accepted', {
        type: 'trasnaction.accepted',
        data: { decision: 'ACCEPT', instnttxn: 'x' },
      }).valid,
    ).toBe(true);
    expect(catalog.validatePayload('form.completed', { event: 'form.failed', data: {} }).problems[0]).toMatch(
      /envelope says/,
    );
    expect(catalog.validatePayload('no.such', {})).toMatchObject({ valid: false });
    expect(catalog.validatePayload('form.completed', [1])).toMatchObject({ valid: false });
  });

  it('adds and removes custom types (audited), refusing clashes and types in use', () => {
    const users: string[] = [];
    const custom = new EventCatalog(memoryStore(), audit, () => users);
    const added = custom.addCustom(
      { type: 'invoice.paid', required: ['invoice_id'], sample: { invoice_id: 'in_1', amount: 10 } },
      ctx,
    );
    expect(added).toMatchObject({ provider: 'custom', required: ['invoice_id'] });
    expect(custom.resolve('invoice.paid')).toBeDefined();
    expect(() => custom.addCustom({ type: 'form.completed' }, ctx)).toThrow(/already exists/);
    expect(() => custom.addCustom({ type: 'x.y', required: ['a'], sample: {} }, ctx)).toThrow(
      /lacks required/,
    );
    users.push('crm (sub_1)');
    expect(() => custom.removeCustom('invoice.paid', ctx)).toThrow(/used by/);
    users.length = 0;
    custom.removeCustom('invoice.paid', ctx);
    expect(custom.resolve('invoice.paid')).toBeUndefined();
    expect(() => custom.removeCustom('form.completed', ctx)).toThrow(/built-in/);
    expect(audited).toEqual(expect.arrayContaining(['catalog.custom.create', 'catalog.custom.delete']));
  });
});

describe('envelopes and events', () => {
  const entry = (type: string) => new EventCatalog(memoryStore(), audit).resolve(type) as CatalogEventType;
  const wall = Date.UTC(2024, 1, 16, 10, 30, 0);

  it('renders each provider profile with the same event id', () => {
    const event = createEvent({ entry: entry('form.completed'), workspaceId: 'ws_sales' }, wall);
    expect(event.id).toMatch(/^evt_[a-z0-9]+$/);
    expect(event.formId).toBe('form_xyz789');
    const instafill = envelopeOf('instafill', event, event.data, wall + 60_000);
    expect(Object.keys(instafill)).toEqual(['event', 'event_id', 'timestamp', 'workspace_id', 'data']);
    expect(instafill).toMatchObject({
      event: 'form.completed',
      event_id: event.id,
      timestamp: '2024-02-16T10:30:00Z',
      workspace_id: 'ws_sales',
    });
    const instnt = envelopeOf('instnt', event, event.data, wall + 60_000);
    expect(instnt).toMatchObject({ id: event.id, type: 'form.completed', created: wall / 1000 + 60 });
    expect(envelopeOf('standard-webhooks', event, {}, wall)).toEqual({
      type: 'form.completed',
      timestamp: '2024-02-16T10:30:00.000Z',
      data: {},
    });
  });

  it('marks test events in the payload and names Instnt events like the docs', () => {
    const doc = createEvent({ entry: entry('document.submitted'), test: true }, wall);
    expect(doc.name).toBe('Document image.png submitted');
    expect(envelopeOf('instnt', doc, doc.data, wall)).toMatchObject({
      test: true,
      name: 'Document image.png submitted',
    });
    expect(createEvent({ entry: entry('test.webhook') }, wall).test).toBe(true);
    expect(eventName('form.completed', { form_name: 'Job Application Form' })).toBe(
      'Form completed (Job Application Form)',
    );
    expect(createEvent({ entry: entry('transaction.initiated') }, wall).formId).toBe('v879876100000');
  });
});
