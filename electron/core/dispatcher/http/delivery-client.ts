/**
 * Sends one webhook attempt and reports everything about it: the request as written on the wire, the
 * response (status, headers in order, body up to the log limit), the error in words a person can act on,
 * and the timings. Success is a 2xx whose body arrived within the timeout. Never throws.
 */
import type { Agent } from 'undici';
import type {
  AttemptRequest,
  AttemptResponse,
  HttpTimings,
} from '../../../../shared/contract/dispatcher-model.js';
import { readForLog } from './response-body.js';
import { describeSendError } from './send-errors.js';
import { createTimedAgent } from './timed-agent.js';
import { type AttemptProbe, headPairs, watch } from './timing-probe.js';

export interface OutgoingRequest {
  url: URL;
  /** In the order they should be written; host and content-length are added by the client. */
  headers: [string, string][];
  body: Buffer;
  timeoutMs: number;
  insecure: boolean;
  /**
   * The caller's handle to stop the attempt (cancel, shutdown; reported as error code "aborted"). The
   * client aborts it too when the timeout strikes, so one controller serves both (no AbortSignal.any).
   */
  abort?: AbortController;
}

export interface SendOutcome {
  request: AttemptRequest;
  response?: AttemptResponse;
  error?: { code: string; message: string };
  timings: HttpTimings;
  ok: boolean;
  /** Stopped by the caller's signal rather than by the network or the receiver. */
  aborted: boolean;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export class DeliveryClient {
  #strict: Agent | undefined;
  #insecure: Agent | undefined;

  async send(req: OutgoingRequest): Promise<SendOutcome> {
    // A fresh Buffer per attempt: its identity is how the timing probe recognises this request.
    const body = Buffer.from(req.body);
    const probe = watch(body);
    const start = performance.now();
    const controller = req.abort ?? new AbortController();
    const abortedBefore = controller.signal.aborted;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
    const signal = controller.signal;
    let response: AttemptResponse | undefined;
    let error: SendOutcome['error'];
    try {
      const res = await this.#agent(req.insecure).request({
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: 'POST',
        headers: req.headers.flat(),
        body,
        signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const logged = await readForLog(res.body);
      response = {
        status: res.statusCode,
        headers: probe.responseHeaders ?? flatHeaders(res.headers),
        ...logged,
      };
    } catch (err) {
      error = describeSendError(err, {
        timedOut,
        aborted: abortedBefore || (signal.aborted && !timedOut),
        url: req.url,
        timeoutMs: req.timeoutMs,
      });
    } finally {
      clearTimeout(timer);
    }
    const end = performance.now();
    // A response that arrived but whose body did not finish in time is a timeout, not a success.
    const ok = !error && response !== undefined && response.status >= 200 && response.status < 300;
    return {
      request: requestAsSent(req, body, probe),
      ...(response && { response }),
      ...(error && { error }),
      timings: timingsOf(probe, start, end),
      ok,
      aborted: signal.aborted && !timedOut,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.#strict?.close(), this.#insecure?.close()]);
    this.#strict = undefined;
    this.#insecure = undefined;
  }

  #agent(insecure: boolean): Agent {
    if (insecure) {
      this.#insecure ??= createTimedAgent(true);
      return this.#insecure;
    }
    this.#strict ??= createTimedAgent(false);
    return this.#strict;
  }
}

function requestAsSent(req: OutgoingRequest, body: Buffer, probe: AttemptProbe): AttemptRequest {
  // Never written (e.g. connection refused): show what would have gone out.
  const headers = probe.head
    ? headPairs(probe.head)
    : ([['host', req.url.host], ...req.headers, ['content-length', String(body.length)]] as [
        string,
        string,
      ][]);
  return { method: 'POST', url: req.url.href, headers, body: body.toString('utf8') };
}

function timingsOf(probe: AttemptProbe, start: number, end: number): HttpTimings {
  const s = probe.socket;
  const timings: HttpTimings = { totalMs: round(end - start), reusedConnection: probe.reused === true };
  if (s?.lookup !== undefined) timings.dnsMs = round(s.lookup - s.start);
  if (s?.connect !== undefined) timings.connectMs = round(s.connect - (s.lookup ?? s.start));
  if (s?.secure !== undefined && s.connect !== undefined) timings.tlsMs = round(s.secure - s.connect);
  if (probe.firstByte !== undefined) timings.firstByteMs = round(probe.firstByte - start);
  return timings;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([name, v]);
  }
  return pairs;
}
