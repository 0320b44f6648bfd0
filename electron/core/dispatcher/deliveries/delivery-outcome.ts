/**
 * What an attempt means for its delivery, decided without side effects: succeeded, retry at a clock
 * time, failed for good (with or without an alert), or the subscription is gone (410). Pure, so every
 * branch is pinned by unit tests.
 */
import type { DeliveryAttempt, RetryPolicy } from '../../../../shared/contract/dispatcher-model.js';
import { maxAttemptsOf, nextDelayMs } from './retry-policy.js';

export const GONE_STATUS = 410;

export type AttemptTrigger = DeliveryAttempt['trigger'];

export type Verdict =
  | { kind: 'succeeded'; reason: string }
  | { kind: 'retry'; dueMs: number; delayMs: number }
  | { kind: 'failed'; reason: string; alert: boolean; disableSubscription: boolean };

export interface VerdictInput {
  attempt: DeliveryAttempt;
  /** Attempts made so far, this one included. */
  attemptCount: number;
  /** The delivery was pending before this attempt (a manual re-send of a finished one is not). */
  wasPending: boolean;
  trigger: AttemptTrigger;
  policy: RetryPolicy;
  clockNowMs: number;
}

export function decide(input: VerdictInput): Verdict {
  const { attempt } = input;
  const status = attempt.response?.status;
  if (attempt.ok) return { kind: 'succeeded', reason: `${status} from the receiver` };
  const what = status !== undefined ? `HTTP ${status}` : (attempt.error?.message ?? 'no response');
  if (status === GONE_STATUS) {
    return {
      kind: 'failed',
      reason: '410 Gone: the receiver says this endpoint no longer exists; the subscription was disabled',
      alert: true,
      disableSubscription: true,
    };
  }
  if (input.trigger === 'test') {
    return { kind: 'failed', reason: `test event failed: ${what}`, alert: false, disableSubscription: false };
  }
  if (!input.wasPending) {
    return {
      kind: 'failed',
      reason: `manual retry failed: ${what}`,
      alert: false,
      disableSubscription: false,
    };
  }
  const delay = nextDelayMs(input.policy, input.attemptCount, attempt.retryAfterSec);
  if (delay !== undefined) return { kind: 'retry', delayMs: delay, dueMs: input.clockNowMs + delay };
  const max = maxAttemptsOf(input.policy);
  const reason =
    max === 1
      ? `failed (${what}); the retry policy allows no retries`
      : `retries exhausted after ${input.attemptCount} attempts; last: ${what}`;
  return { kind: 'failed', reason, alert: true, disableSubscription: false };
}
