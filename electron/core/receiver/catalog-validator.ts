/**
 * Adapts the dispatcher's event catalog check (`validatePayload(type, body)`) to the receiver's
 * PayloadValidator: the type comes from the body (`event` for Instafill, `type` for Instnt) or, failing
 * that, the X-Instafill-Event header.
 */
import type { PayloadValidator } from './signing-port.js';

export type CatalogCheck = (
  type: string,
  body: unknown,
) => { valid: boolean; type?: string; problems: string[] };

const EVENT_HEADER = 'x-instafill-event';

export function catalogValidator(check: CatalogCheck): PayloadValidator {
  return ({ json, headers }) => {
    if (!json) return { ok: false, problems: ['the body is not a JSON object'] };
    const fromBody =
      typeof json.event === 'string' ? json.event : typeof json.type === 'string' ? json.type : undefined;
    const type = fromBody ?? headers.find(([n]) => n.toLowerCase() === EVENT_HEADER)?.[1];
    if (!type) return { ok: false, problems: ['no event type: expected "event" or "type" in the body'] };
    const result = check(type, json);
    return result.type === undefined
      ? { ok: result.valid, problems: result.problems }
      : { ok: result.valid, eventType: result.type, problems: result.problems };
  };
}
