/**
 * Every event type the Instnt webhook docs list (seed 003), with exactly the attributes they document.
 * The docs misspell two type names ("trasnaction.accepted", "docuemnt.verification.failure") and print one
 * with a trailing period: those spellings are accepted as aliases of the correct ones. The attribute
 * `fignerprint` is misspelled too, but it is a field name receivers read, so it is sent as documented.
 */
import type { CatalogEventType, CatalogField } from '../../../../shared/contract/dispatcher-model.js';

const f = (name: string, type: string, description: string): CatalogField => ({ name, type, description });

const FORM_KEY = 'v879876100000';
const ASSERTION_ID = '2f1b6c1e-93a4-4c36-9a3b-5f0d8f6f1e2a';

const DECISION_FIELDS = [
  f('decision', 'String', 'ACCEPT or REJECT or REVIEW'),
  f('instnttxn', 'UUID', 'Instnt Assertion ID'),
  f('instntjwt', 'Token', 'Encoded and signed Instnt Assertion ID'),
  f('url', 'String', 'A url that the user was redirected to'),
];

const DOCUMENT_FIELDS = [
  f('uuid4', 'UUID', 'Instnt Assertion ID'),
  f('userId', 'Number', 'ID of the form owner'),
  f('formKey', 'String', 'An ID of the form'),
  f('selfieImage', 'String', 'File name of the selfie'),
  f('documentType', 'String', 'Type of the document'),
  f('documentFrontImage', 'String', 'File name of the document front side'),
  f('documentBackImage', 'String', 'File name of the document back side'),
];
const DOCUMENT_SAMPLE = {
  uuid4: ASSERTION_ID,
  userId: 10412,
  formKey: FORM_KEY,
  selfieImage: 'selfie.png',
  documentType: 'DRIVERS_LICENSE',
  documentFrontImage: 'image.png',
  documentBackImage: 'image-back.png',
};
const DOCUMENT_REQUIRED = ['uuid4', 'userId', 'formKey', 'documentType'];

/** A JWT-shaped token (header.payload.signature); not a real signature, just the look of one. */
const SAMPLE_JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpbnN0bnR0eG4iOiIyZjFiNmMxZS05M2E0LTRjMzYtOWEzYi01ZjBkOGY2ZjFlMmEifQ.c2lnbmF0dXJl';

function decision(
  type: string,
  verdict: 'ACCEPT' | 'REJECT' | 'REVIEW',
  aliases: string[] = [],
): CatalogEventType {
  return {
    type,
    provider: 'instnt',
    group: 'Transaction',
    description: `Occurs when the form passed all checks and is ${
      verdict === 'ACCEPT' ? 'accepted' : verdict === 'REJECT' ? 'rejected' : 'pending manual review'
    } by Instnt.`,
    aliases,
    fields: [
      ...DECISION_FIELDS,
      f('form_key', 'String', 'An ID of the form (one of the "other attributes")'),
    ],
    required: ['decision', 'instnttxn'],
    contentFields: [],
    sample: {
      decision: verdict,
      instnttxn: ASSERTION_ID,
      instntjwt: SAMPLE_JWT,
      url: `https://example.com/onboarding/${verdict.toLowerCase()}`,
      form_key: FORM_KEY,
      status: verdict === 'REVIEW' ? 'PENDING' : 'COMPLETE',
    },
    test: false,
  };
}

function document(type: string, outcome: string, aliases: string[] = []): CatalogEventType {
  return {
    type,
    provider: 'instnt',
    group: 'Document',
    description: `Occurs when a document is submitted for verification${outcome}.`,
    aliases,
    fields: DOCUMENT_FIELDS,
    required: DOCUMENT_REQUIRED,
    contentFields: [],
    sample: { ...DOCUMENT_SAMPLE },
    test: false,
  };
}

export const INSTNT_TYPES: CatalogEventType[] = [
  {
    type: 'transaction.initiated',
    provider: 'instnt',
    group: 'Transaction',
    description:
      'Occurs when the form is requested via getformcodes API endpoint or the form is displayed with Instnt code snippet.',
    aliases: [],
    fields: [
      f('user_id', 'Number', 'ID of the owner of the form'),
      f('client_ip', 'IP Address', 'IP Address of the user requesting the form'),
      f('form_key_id', 'String', 'An ID of the form'),
      f('form_json_rows', 'JSON', 'A JSON definition of the form fields'),
    ],
    required: ['user_id', 'client_ip', 'form_key_id'],
    contentFields: ['form_json_rows'],
    sample: {
      user_id: 10412,
      client_ip: '203.0.113.24',
      form_key_id: FORM_KEY,
      form_json_rows: [
        { name: 'firstName', type: 'text', required: true },
        { name: 'surName', type: 'text', required: true },
        { name: 'email', type: 'email', required: true },
        { name: 'mobileNumber', type: 'tel', required: false },
      ],
    },
    test: false,
  },
  {
    type: 'transaction.submitted',
    provider: 'instnt',
    group: 'Transaction',
    description:
      'Occurs when the form is submitted via submitform API endpoint or the user pressed Submit button in the Instnt-rendered form.',
    aliases: [],
    fields: [
      f('form_key', 'String', 'An ID of the form'),
      f('fignerprint', 'JSON String', 'A JSON string with FingerprintJS data (spelled as Instnt sends it)'),
      f('bdata', 'JSON String', 'A JSON string with BehavioSec data'),
      f('client_referer_host', 'String', 'A host from which the form was submitted'),
      f('client_referer_url', 'String', 'A URL from which the form was submitted'),
    ],
    required: ['form_key'],
    contentFields: ['fignerprint', 'bdata'],
    sample: {
      form_key: FORM_KEY,
      fignerprint: JSON.stringify({
        visitorId: '8f14e45fceea167a5a36dedd4bea2543',
        confidence: { score: 0.995 },
      }),
      bdata: JSON.stringify({ session: 'bs_4f1a', typingSpeed: 212, mouseEvents: 87 }),
      client_referer_host: 'onboarding.example.com',
      client_referer_url: 'https://onboarding.example.com/signup',
    },
    test: false,
  },
  decision('transaction.accepted', 'ACCEPT', ['trasnaction.accepted']),
  decision('transaction.rejected', 'REJECT'),
  decision('transaction.review', 'REVIEW'),
  document('document.submitted', ''),
  document('document.verification.success', ' and verification succeeded', [
    'document.verification.success.',
  ]),
  document('document.verification.failure', ' and verification failed', ['docuemnt.verification.failure']),
];
