/**
 * Replay protection: is a signed timestamp within the tolerance of now, and by how much is it off.
 * Instnt has no timestamp header; its docs say to check "the signed timestamp", which lives in the payload.
 */
export interface TimestampCheck {
  /** Unix seconds. */
  signedAt: number;
  /** now − signedAt, whole seconds; positive = the signature is from the past. */
  skewSec: number;
  toleranceSec: number;
  /** Always true when the tolerance is 0 (checking switched off). */
  within: boolean;
}

export function checkTimestamp(signedAt: number, nowMs: number, toleranceSec: number): TimestampCheck {
  const skewSec = Math.round(nowMs / 1000 - signedAt);
  return { signedAt, skewSec, toleranceSec, within: toleranceSec === 0 || Math.abs(skewSec) <= toleranceSec };
}

/** Unix seconds from a header such as `webhook-timestamp`; digits only, as the specs define it. */
export function parseUnixSeconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,12}$/.test(text)) return undefined;
  return Number(text);
}

/** "412 s (6 min 52 s) in the past" */
export function describeSkew(skewSec: number): string {
  const abs = Math.abs(skewSec);
  const parts: string[] = [];
  const days = Math.floor(abs / 86_400);
  const hours = Math.floor((abs % 86_400) / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds || parts.length === 0) parts.push(`${seconds} s`);
  const human = abs >= 60 ? ` (${parts.join(' ')})` : '';
  return `${abs} s${human} ${skewSec >= 0 ? 'in the past' : 'in the future'}`;
}

/** Top-level payload fields that carry the event time, most specific first. */
export const PAYLOAD_TIME_FIELDS = ['created', 'created_at', 'createdAt', 'timestamp'] as const;
/** Numbers above this are milliseconds (year 5138 in seconds). */
const MS_THRESHOLD = 1e11;

export interface PayloadTimestamp {
  field: string;
  unix: number;
}

/**
 * The event time a JSON object payload carries, or undefined when it has none we can read (not JSON, not an
 * object, no such field, or a value that is neither unix seconds/milliseconds nor an ISO-8601 date).
 */
export function payloadTimestamp(body: Buffer): PayloadTimestamp | undefined {
  const first = body.subarray(0, 64).toString('utf8').trimStart();
  if (!first.startsWith('{')) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const record = payload as Record<string, unknown>;
  for (const field of PAYLOAD_TIME_FIELDS) {
    const unix = toUnixSeconds(record[field]);
    if (unix !== undefined) return { field, unix };
  }
  return undefined;
}

function toUnixSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return Math.floor(value > MS_THRESHOLD ? value / 1000 : value);
  }
  if (typeof value !== 'string') return undefined;
  if (/^\d{9,13}$/.test(value)) return toUnixSeconds(Number(value));
  // Only full ISO dates: Date.parse accepts "10:30" and other guesses we would rather ignore.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
