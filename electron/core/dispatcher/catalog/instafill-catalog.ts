/**
 * Every event type the Instafill webhook docs list (seed 000), with fields and realistic samples. Only
 * form.completed and test.webhook have documented payloads; the others use the same naming style
 * (snake_case ids such as session_id, form_id) so receivers written against the docs feel at home.
 * The docs' own examples also say "batch.finished", which is accepted as an alias of batch.completed.
 */
import type { CatalogEventType, CatalogField } from '../../../../shared/contract/dispatcher-model.js';

const f = (name: string, type: string, description: string): CatalogField => ({ name, type, description });

const FORM_FIELDS = [
  f('session_id', 'String', 'The form filling session'),
  f('form_id', 'String', 'The form'),
  f('form_name', 'String', 'The form’s title'),
];
const FORM_SAMPLE = { session_id: 'sess_abc123', form_id: 'form_xyz789', form_name: 'Job Application Form' };
const BATCH_FIELDS = [
  f('batch_id', 'String', 'The batch job'),
  f('form_id', 'String', 'The form filled for every row'),
  f('total_items', 'Number', 'Rows in the batch'),
];
const BATCH_SAMPLE = { batch_id: 'batch_7f3k2m', form_id: 'form_xyz789', total_items: 250 };
const USER_FIELDS = [f('user_id', 'String', 'The user'), f('email', 'String', 'Their e-mail address')];
const PLAN_FIELDS = [
  f('plan_from', 'String', 'Plan before the change'),
  f('plan_to', 'String', 'Plan after the change'),
  f('changed_by', 'String', 'Who changed it'),
  f('effective_at', 'ISO 8601', 'When the change takes effect'),
];

type Entry = Omit<CatalogEventType, 'provider' | 'aliases' | 'contentFields' | 'test'> &
  Partial<Pick<CatalogEventType, 'aliases' | 'contentFields' | 'test'>>;

const ENTRIES: Entry[] = [
  {
    type: 'form.completed',
    group: 'Form',
    description: 'Form filling session completed successfully',
    fields: [
      ...FORM_FIELDS,
      f('completed_by', 'String', 'E-mail of the person who filled it'),
      f('filled_pdf_url', 'URL', 'Download link of the filled PDF'),
      f('field_data', 'JSON', 'The filled values, by field name'),
    ],
    required: ['session_id', 'form_id', 'form_name', 'completed_by', 'filled_pdf_url'],
    contentFields: ['field_data'],
    sample: {
      ...FORM_SAMPLE,
      completed_by: 'jane.doe@example.com',
      filled_pdf_url: 'https://instafill.ai/download/sess_abc123.pdf',
      field_data: { applicant_name: 'John Smith', email: 'john.smith@example.com', phone: '555-1234' },
    },
  },
  {
    type: 'form.failed',
    group: 'Form',
    description: 'Form filling session failed',
    fields: [
      ...FORM_FIELDS,
      f('error_code', 'String', 'Machine-readable reason'),
      f('error_message', 'String', 'What went wrong'),
    ],
    required: ['session_id', 'form_id', 'error_code'],
    sample: {
      ...FORM_SAMPLE,
      error_code: 'pdf_render_failed',
      error_message: 'The source PDF could not be rendered',
    },
  },
  {
    type: 'form.abandoned',
    group: 'Form',
    description: 'User started but didn’t complete form',
    fields: [
      ...FORM_FIELDS,
      f('started_by', 'String', 'Who started it'),
      f('last_activity_at', 'ISO 8601', 'Last keystroke'),
      f('fields_completed', 'Number', 'Fields filled so far'),
      f('fields_total', 'Number', 'Fields on the form'),
    ],
    required: ['session_id', 'form_id'],
    sample: {
      ...FORM_SAMPLE,
      started_by: 'jane.doe@example.com',
      last_activity_at: '2024-02-16T09:12:44Z',
      fields_completed: 7,
      fields_total: 18,
    },
  },
  {
    type: 'batch.started',
    group: 'Batch',
    description: 'Batch processing job started',
    fields: [...BATCH_FIELDS, f('started_by', 'String', 'Who started it')],
    required: ['batch_id', 'total_items'],
    sample: { ...BATCH_SAMPLE, started_by: 'ops@example.com' },
  },
  {
    type: 'batch.progress',
    group: 'Batch',
    description: 'Progress update (every 10% completion)',
    fields: [
      ...BATCH_FIELDS,
      f('processed', 'Number', 'Rows done'),
      f('percent', 'Number', 'Completion, 10–100 in steps of 10'),
      f('succeeded', 'Number', 'Rows filled'),
      f('failed', 'Number', 'Rows that failed'),
    ],
    required: ['batch_id', 'percent'],
    sample: { ...BATCH_SAMPLE, processed: 125, percent: 50, succeeded: 124, failed: 1 },
  },
  {
    type: 'batch.completed',
    group: 'Batch',
    description: 'Batch job finished successfully',
    aliases: ['batch.finished'],
    fields: [
      ...BATCH_FIELDS,
      f('succeeded', 'Number', 'Rows filled'),
      f('failed', 'Number', 'Rows that failed'),
      f('duration_ms', 'Number', 'Run time'),
      f('results_url', 'URL', 'Download link of the filled PDFs'),
    ],
    required: ['batch_id', 'total_items', 'succeeded', 'failed'],
    sample: {
      ...BATCH_SAMPLE,
      succeeded: 248,
      failed: 2,
      duration_ms: 184_000,
      results_url: 'https://instafill.ai/download/batch_7f3k2m.zip',
    },
  },
  {
    type: 'batch.failed',
    group: 'Batch',
    description: 'Batch job failed',
    fields: [
      ...BATCH_FIELDS,
      f('processed', 'Number', 'Rows done before it stopped'),
      f('error_message', 'String', 'Why'),
    ],
    required: ['batch_id', 'error_message'],
    sample: { ...BATCH_SAMPLE, processed: 40, error_message: 'Source spreadsheet column "email" is missing' },
  },
  {
    type: 'user.invited',
    group: 'User',
    description: 'New user invited to workspace',
    fields: [
      ...USER_FIELDS,
      f('role', 'String', 'Role offered'),
      f('invited_by', 'String', 'Who invited them'),
    ],
    required: ['email'],
    sample: {
      user_id: 'usr_51bq',
      email: 'new.hire@example.com',
      role: 'member',
      invited_by: 'admin@example.com',
    },
  },
  {
    type: 'user.joined',
    group: 'User',
    description: 'User accepted invitation',
    fields: [...USER_FIELDS, f('role', 'String', 'Their role')],
    required: ['user_id', 'email'],
    sample: { user_id: 'usr_51bq', email: 'new.hire@example.com', role: 'member' },
  },
  {
    type: 'user.removed',
    group: 'User',
    description: 'User removed from workspace',
    fields: [...USER_FIELDS, f('removed_by', 'String', 'Who removed them')],
    required: ['user_id'],
    sample: { user_id: 'usr_51bq', email: 'new.hire@example.com', removed_by: 'admin@example.com' },
  },
  {
    type: 'subscription.upgraded',
    group: 'Subscription',
    description: 'Plan upgraded',
    fields: PLAN_FIELDS,
    required: ['plan_from', 'plan_to'],
    sample: {
      plan_from: 'starter',
      plan_to: 'business',
      changed_by: 'admin@example.com',
      effective_at: '2024-03-01T00:00:00Z',
    },
  },
  {
    type: 'subscription.downgraded',
    group: 'Subscription',
    description: 'Plan downgraded',
    fields: PLAN_FIELDS,
    required: ['plan_from', 'plan_to'],
    sample: {
      plan_from: 'business',
      plan_to: 'starter',
      changed_by: 'admin@example.com',
      effective_at: '2024-03-01T00:00:00Z',
    },
  },
  {
    type: 'subscription.canceled',
    group: 'Subscription',
    description: 'Subscription canceled',
    fields: [
      f('plan', 'String', 'The plan canceled'),
      f('canceled_by', 'String', 'Who canceled'),
      f('ends_at', 'ISO 8601', 'Access ends'),
    ],
    required: ['plan'],
    sample: { plan: 'business', canceled_by: 'admin@example.com', ends_at: '2024-03-31T23:59:59Z' },
  },
  {
    type: 'error.occurred',
    group: 'Error',
    description: 'System error during processing',
    fields: [
      f('error_id', 'String', 'For support'),
      f('code', 'String', 'Machine-readable reason'),
      f('message', 'String', 'What went wrong'),
      f('session_id', 'String', 'The session it happened in, if any'),
    ],
    required: ['error_id', 'message'],
    sample: {
      error_id: 'err_9x2h',
      code: 'ocr_timeout',
      message: 'OCR of page 3 timed out',
      session_id: 'sess_abc123',
    },
  },
  {
    type: 'quota.exceeded',
    group: 'Error',
    description: 'Usage quota exceeded',
    fields: [
      f('quota', 'String', 'Which quota'),
      f('limit', 'Number', 'Allowed'),
      f('used', 'Number', 'Used so far'),
    ],
    required: ['quota', 'limit', 'used'],
    sample: { quota: 'forms_per_month', limit: 500, used: 501, period_end: '2024-02-29T23:59:59Z' },
  },
  {
    type: 'payment.failed',
    group: 'Error',
    description: 'Payment processing failed',
    fields: [
      f('invoice_id', 'String', 'The invoice'),
      f('amount', 'Number', 'Amount due, in minor units'),
      f('currency', 'String', 'ISO 4217'),
      f('failure_reason', 'String', 'What the card network said'),
    ],
    required: ['invoice_id', 'amount', 'currency'],
    sample: { invoice_id: 'in_2024_0216', amount: 4900, currency: 'USD', failure_reason: 'card_declined' },
  },
  {
    type: 'test.webhook',
    group: 'Test',
    description: 'Sent by “Send Test Event”; never affects production data',
    fields: [f('message', 'String', 'A fixed greeting')],
    required: ['message'],
    sample: { message: 'This is a test webhook from Instafill.ai' },
    test: true,
  },
];

export const INSTAFILL_TYPES: CatalogEventType[] = ENTRIES.map((e) => ({
  ...e,
  provider: 'instafill',
  aliases: e.aliases ?? [],
  contentFields: e.contentFields ?? [],
  test: e.test ?? false,
}));
