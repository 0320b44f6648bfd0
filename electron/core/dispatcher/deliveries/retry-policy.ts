/**
 * Retry schedules. Each delay counts from the end of the previous attempt, as both providers describe
 * them ("+1 minute: if first attempt fails", "+5 minutes: second retry"). A Retry-After from the receiver
 * replaces the schedule's delay for that one wait, clamped so a receiver can neither make us hammer it
 * nor park a delivery for days; it never adds attempts.
 */
import type {
  RetryPolicy,
  RetryPreset,
  RetryPresetInfo,
} from '../../../../shared/contract/dispatcher-model.js';

const MINUTE = 60;
const HOUR = 3600;

/** Seconds before each retry. Instafill: immediately, +1 m, +5 m, +15 m, +1 h, +6 h (seed 000). */
export const PRESET_DELAYS: Record<Exclude<RetryPreset, 'custom'>, readonly number[]> = {
  instafill: [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR],
  // Svix's published schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
  svix: [5, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
  none: [],
};

/** Retry-After is honoured between these bounds (seconds). */
export const MIN_RETRY_AFTER_SEC = 1;
export const MAX_RETRY_AFTER_SEC = 6 * HOUR;

export const DEFAULT_RETRY: RetryPolicy = { preset: 'instafill' };

export function delaysOf(policy: RetryPolicy): readonly number[] {
  return policy.preset === 'custom' ? (policy.delaysSec ?? []) : PRESET_DELAYS[policy.preset];
}

/** First attempt plus retries. */
export const maxAttemptsOf = (policy: RetryPolicy): number => delaysOf(policy).length + 1;

/**
 * Milliseconds to wait after attempt number `attemptsMade` failed, or undefined when that was the last.
 * `retryAfterSec` is the receiver's wish, already parsed.
 */
export function nextDelayMs(
  policy: RetryPolicy,
  attemptsMade: number,
  retryAfterSec?: number,
): number | undefined {
  const delays = delaysOf(policy);
  const scheduled = delays[attemptsMade - 1];
  if (scheduled === undefined) return undefined;
  if (retryAfterSec === undefined) return scheduled * 1000;
  return Math.min(MAX_RETRY_AFTER_SEC, Math.max(MIN_RETRY_AFTER_SEC, retryAfterSec)) * 1000;
}

/** Retry-After as seconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, wallNowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, Math.ceil((at - wallNowMs) / 1000));
}

export function presetInfos(): RetryPresetInfo[] {
  return [
    {
      id: 'instafill',
      label: 'Instafill: immediately, +1 m, +5 m, +15 m, +1 h, +6 h',
      delaysSec: [...PRESET_DELAYS.instafill],
    },
    {
      id: 'svix',
      label: 'Svix: immediately, 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 10 h',
      delaysSec: [...PRESET_DELAYS.svix],
    },
    { id: 'none', label: 'No retries: one attempt', delaysSec: [] },
    { id: 'custom', label: 'Custom: your own list of delays', delaysSec: [] },
  ];
}
