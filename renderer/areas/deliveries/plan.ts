/**
 * The retry timeline of one delivery: attempts already made with their outcome, the next one at its due
 * time, and the rest of the policy's schedule projected from there. Retries count from the end of the
 * previous attempt, so projected times are estimates (an attempt's own duration or a Retry-After moves them).
 */
import type { Catalog, Delivery, DeliveryAttempt, Subscription } from '../../../shared/contract/index.js';

export type PlanEntry =
  | { kind: 'done'; n: number; atMs: number; attempt: DeliveryAttempt }
  | { kind: 'running'; n: number }
  | { kind: 'next'; n: number; atMs: number }
  | { kind: 'planned'; n: number; atMs?: number }
  | { kind: 'not-run'; n: number };

/** Seconds before each retry for the subscription's policy; undefined when it cannot be known. */
export function retryDelays(
  subscription: Subscription | undefined,
  catalog: Catalog | undefined,
): number[] | undefined {
  if (!subscription) return undefined;
  const { retry } = subscription;
  if (retry.preset === 'custom') return retry.delaysSec ?? [];
  return catalog?.retryPresets.find((p) => p.id === retry.preset)?.delaysSec;
}

export function planOf(delivery: Delivery, delays: number[] | undefined): PlanEntry[] {
  const entries: PlanEntry[] = delivery.attempts.map((attempt) => ({
    kind: 'done',
    n: attempt.n,
    atMs: Date.parse(attempt.clockAt),
    attempt,
  }));
  const made = delivery.attempts.length;
  const remaining = Math.max(0, delivery.maxAttempts - made);
  if (delivery.status !== 'pending') {
    // Succeeded: the rest of the schedule is simply not needed. Failed or canceled: say what never ran.
    if (delivery.status !== 'succeeded') {
      for (let n = made + 1; n <= made + remaining; n++) entries.push({ kind: 'not-run', n });
    }
    return entries;
  }
  if (remaining === 0 && !delivery.nextAttemptAt) return entries;
  let at = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : undefined;
  entries.push(at === undefined ? { kind: 'running', n: made + 1 } : { kind: 'next', n: made + 1, atMs: at });
  for (let n = made + 2; n <= delivery.maxAttempts; n++) {
    // The wait after attempt n-1 fails is the (n-1)th delay of the policy.
    const delay = delays?.[n - 2];
    at = at !== undefined && delay !== undefined ? at + delay * 1000 : undefined;
    entries.push({ kind: 'planned', n, ...(at !== undefined && { atMs: at }) });
  }
  return entries;
}

/** The outcome of one attempt in a few words: "200 OK", "502", "timeout: …". */
export function attemptOutcome(attempt: DeliveryAttempt): string {
  if (attempt.response) return `${attempt.response.status}${attempt.ok ? ' OK' : ''}`;
  return attempt.error ? `${attempt.error.code}: ${attempt.error.message}` : 'no response';
}
