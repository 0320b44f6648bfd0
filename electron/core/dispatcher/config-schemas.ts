/**
 * JSON schemas for the dispatcher's config files, checked by conf on load: a hand-edited file that no
 * longer has the right shape is moved aside and reported (openConfigStore), instead of failing later.
 */

const stringArray = { type: 'array', items: { type: 'string' } } as const;

export const SUBSCRIPTIONS_SCHEMA = {
  subscriptions: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'url', 'enabled', 'profile', 'scheme', 'events', 'scope', 'filter', 'retry'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        url: { type: 'string' },
        enabled: { type: 'boolean' },
        profile: { enum: ['instafill', 'instnt', 'standard-webhooks', 'custom'] },
        events: stringArray,
        scope: { type: 'object', required: ['workspaces', 'forms'] },
        filter: { type: 'object', required: ['include', 'exclude', 'metadataOnly'] },
        retry: { type: 'object', required: ['preset'] },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        timeoutMs: { type: 'integer' },
      },
    },
  },
} as const;

export const EVENT_TYPES_SCHEMA = {
  customTypes: {
    type: 'array',
    items: {
      type: 'object',
      required: ['type', 'required', 'sample', 'aliases', 'fields'],
      properties: { type: { type: 'string' } },
    },
  },
} as const;

export const CLOCK_SCHEMA = {
  clock: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        required: ['mode', 'speed', 'clockMs', 'wallMs'],
        properties: { mode: { enum: ['real', 'manual', 'scaled'] }, speed: { type: 'number' } },
      },
    ],
  },
} as const;
