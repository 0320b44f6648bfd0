/**
 * What the guards need to know about a payload: its event id (for dedupe) and its event type, read from
 * the decoded body. Both providers are covered: Instafill sends `event_id` and `event`; Instnt sends
 * `id` (evt_…) and `type`; Standard Webhooks puts the id in the `webhook-id` header.
 */

/** Above this, a body is not parsed for an event id: no webhook provider sends megabytes of JSON. */
const MAX_JSON_PARSE_BYTES = 5 * 1024 * 1024;
const MAX_EVENT_ID_CHARS = 200;
const OPEN_BRACE = 0x7b;

export interface PayloadFacts {
  /** The parsed JSON body when it is a JSON object, else undefined. */
  json: Record<string, unknown> | undefined;
  eventId: string | undefined;
  eventType: string | undefined;
}

export function inspectPayload(decoded: Buffer | undefined, headerEventId: string | undefined): PayloadFacts {
  const json = parseJsonObject(decoded);
  const fromBody = json ? (idOf(json.event_id) ?? idOf(json.id)) : undefined;
  const eventId = headerEventId?.trim() ? headerEventId.trim().slice(0, MAX_EVENT_ID_CHARS) : fromBody;
  const type = json ? (json.event ?? json.type) : undefined;
  return {
    json,
    eventId,
    eventType: typeof type === 'string' ? type.slice(0, MAX_EVENT_ID_CHARS) : undefined,
  };
}

function parseJsonObject(body: Buffer | undefined): Record<string, unknown> | undefined {
  if (!body || body.length === 0 || body.length > MAX_JSON_PARSE_BYTES) return undefined;
  // Cheap pre-check before decoding: skip leading whitespace, expect '{'.
  let i = 0;
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09))
    i++;
  if (body[i] !== OPEN_BRACE) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value.slice(0, MAX_EVENT_ID_CHARS);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
