/**
 * Reconnect delays: exponential from a quarter second, capped low (3 s) so a tunnel is back within about
 * three seconds of its server returning — politer than the localtunnel client itself, which retries every
 * second forever. Jitter only shortens a delay, so the cap is a promise.
 */

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** 0..1: each delay is shortened by up to this fraction at random, so many clients do not retry in step. */
  jitter: number;
}

export const TUNNEL_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 3_000, factor: 2, jitter: 0.25 };

/** The delay before retry number `attempt` (0 = the first retry). */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 0), 32);
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent);
  return Math.round(base * (1 - policy.jitter * random()));
}
