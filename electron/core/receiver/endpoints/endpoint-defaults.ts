/** What a new endpoint does until told otherwise, and the JSON schema conf checks the endpoints file with. */
import {
  DEFAULT_DEDUPE_WINDOW_SEC,
  DEFAULT_MAX_BODY_BYTES,
  type EndpointGuards,
  type EndpointResponse,
} from '../../../../shared/contract/receiver.js';

export const DEFAULT_RESPONSE: EndpointResponse = {
  status: 200,
  headers: [['content-type', 'application/json']],
  body: '{"ok":true}',
  delayMs: 0,
  mode: 'respond',
  failFirst: 0,
  failPercent: 0,
  failStatus: 500,
};

export const DEFAULT_GUARDS: EndpointGuards = {
  // Flagging a repeated event id is harmless and is what the seed's checklist asks every receiver to do.
  dedupe: { enabled: true, windowSec: DEFAULT_DEDUPE_WINDOW_SEC },
  ipAllowlist: [],
  rateLimitPerMinute: 0,
  validatePayload: false,
  rejectInvalidPayload: false,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
};

/** What requests matching no endpoint get (the default inbox). */
export const INBOX_RESPONSE: EndpointResponse = { ...DEFAULT_RESPONSE };
export const INBOX_GUARDS: EndpointGuards = { ...DEFAULT_GUARDS, dedupe: { enabled: false, windowSec: 1 } };

const headerPairs = {
  type: 'array',
  items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
};

/** Loose on purpose: it catches a hand-edited file that would crash the receiver, not every API rule. */
export const ENDPOINTS_SCHEMA = {
  endpoints: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'path', 'createdAt', 'updatedAt', 'response', 'guards'],
      properties: {
        id: { type: 'string', pattern: '^ep_[A-Za-z0-9]+$' },
        name: { type: 'string' },
        path: { type: 'string', pattern: '^/' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
        forwardTo: { type: 'string' },
        verify: {
          type: 'object',
          required: ['scheme', 'rejectInvalid'],
          properties: {
            scheme: { type: 'string' },
            keyId: { type: 'string' },
            sealedSecret: { type: 'string' },
            toleranceSec: { type: 'integer', minimum: 0 },
            rejectInvalid: { type: 'boolean' },
          },
        },
        response: {
          type: 'object',
          required: [
            'status',
            'headers',
            'body',
            'delayMs',
            'mode',
            'failFirst',
            'failPercent',
            'failStatus',
          ],
          properties: {
            status: { type: 'integer', minimum: 100, maximum: 599 },
            headers: headerPairs,
            body: { type: 'string' },
            delayMs: { type: 'integer', minimum: 0 },
            mode: { enum: ['respond', 'hang', 'reset'] },
            failFirst: { type: 'integer', minimum: 0 },
            failPercent: { type: 'number', minimum: 0, maximum: 100 },
            failStatus: { type: 'integer', minimum: 100, maximum: 599 },
          },
        },
        guards: {
          type: 'object',
          required: ['dedupe', 'ipAllowlist', 'rateLimitPerMinute', 'validatePayload', 'maxBodyBytes'],
          properties: {
            dedupe: { type: 'object', required: ['enabled', 'windowSec'] },
            ipAllowlist: { type: 'array', items: { type: 'string' } },
            rateLimitPerMinute: { type: 'integer', minimum: 0 },
            validatePayload: { type: 'boolean' },
            rejectInvalidPayload: { type: 'boolean' },
            maxBodyBytes: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  },
} as const;
