/**
 * One attempt, start to record: build and sign the request for the subscription as it is now (a fixed URL
 * or a new key applies to the next retry), send it, and turn the outcome into the DeliveryAttempt the log
 * keeps. A request that cannot be signed is never sent; the attempt is recorded as failed with the reason.
 */
import type {
  Delivery,
  DeliveryAttempt,
  Subscription,
} from '../../../../shared/contract/dispatcher-model.js';
import type { Clock } from '../../clock/clock.js';
import type { DeliveryClient, SendOutcome } from '../http/delivery-client.js';
import type { DeliverySigner, SignInput } from '../signer.js';
import type { AttemptTrigger } from './delivery-outcome.js';
import { buildRequest } from './request-builder.js';
import { parseRetryAfter } from './retry-policy.js';

export interface AttemptDeps {
  client: DeliveryClient;
  signer: DeliverySigner;
  clock: Clock;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export async function sendAttempt(
  deps: AttemptDeps,
  sub: Subscription,
  delivery: Delivery,
  abort: AbortController,
): Promise<SendOutcome> {
  let request: ReturnType<typeof buildRequest>;
  try {
    const sign = (body: Buffer, input: SignInput) => deps.signer.sign(sub.scheme, sub.keyId, body, input);
    request = buildRequest({ ...sub, sign }, delivery.event, deps.clock.wallNow());
  } catch (err) {
    return {
      request: { method: 'POST', url: sub.url, headers: [], body: '' },
      error: { code: 'signing_failed', message: `could not sign the request: ${(err as Error).message}` },
      timings: { totalMs: 0, reusedConnection: false },
      ok: false,
      aborted: false,
    };
  }
  return deps.client.send({ ...request, timeoutMs: sub.timeoutMs, insecure: sub.allowInsecure, abort });
}

export function toAttempt(
  clock: Clock,
  delivery: Delivery,
  outcome: SendOutcome,
  trigger: AttemptTrigger,
): DeliveryAttempt {
  const wall = clock.wallNow();
  const retryAfter = outcome.response?.headers.find(([n]) => n.toLowerCase() === 'retry-after')?.[1];
  const retryAfterSec = outcome.ok ? undefined : parseRetryAfter(retryAfter, wall);
  return {
    n: delivery.attemptCount + 1,
    trigger,
    clockAt: iso(clock.now()),
    sentAt: iso(wall - outcome.timings.totalMs),
    request: outcome.request,
    ...(outcome.response && { response: outcome.response }),
    ...(outcome.error && { error: outcome.error }),
    timings: outcome.timings,
    ok: outcome.ok,
    ...(retryAfterSec !== undefined && { retryAfterSec }),
  };
}
