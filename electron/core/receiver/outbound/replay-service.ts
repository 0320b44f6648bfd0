/**
 * Replays a capture to any URL: as received (the original bytes and headers, so the original signature
 * still verifies), or with an edited body and/or headers, optionally signed afresh with a chosen key and
 * scheme (new timestamp and id). Each replay is stored with the answer and timings.
 */
import type { HeaderPairs, Replay, ReplayParams } from '../../../../shared/contract/receiver.js';
import { BadRequestError, NotFoundError } from '../../../../shared/errors.js';
import type { CaptureStore } from '../captures/capture-store.js';
import { newReplayId } from '../ids.js';
import type { SigningPort } from '../signing-port.js';
import { sendRequest } from './send-request.js';

export class ReplayService {
  constructor(
    private readonly captures: CaptureStore,
    private readonly signing: SigningPort | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async replay(params: ReplayParams): Promise<Replay> {
    const record = await this.captures.get(params.id);
    if (!record) throw new NotFoundError('capture', params.id);
    const edited = params.body !== undefined || params.bodyBase64 !== undefined;
    if (!edited && record.body.omitted) {
      throw new BadRequestError(
        `capture ${record.id} has no body to replay (${record.body.omitted}); pass "body" or "bodyBase64" to send one`,
      );
    }
    const body = edited
      ? params.body !== undefined
        ? Buffer.from(params.body, 'utf8')
        : Buffer.from(params.bodyBase64 ?? '', 'base64')
      : await this.captures.body(record);
    let headers: HeaderPairs = params.headers ?? record.rawHeaders.map(([n, v]) => [n, v]);
    // An edited body is sent as given: a Content-Encoding from the original would now be a lie.
    if (edited && !params.headers) headers = headers.filter(([n]) => n.toLowerCase() !== 'content-encoding');

    let resigned: Replay['resigned'];
    if (params.resign) {
      if (!this.signing) throw new BadRequestError('re-signing is not available in this host');
      const { scheme, keyId, secret } = params.resign;
      const signed = await this.signing.sign({ scheme, body, keyId, secret, event: record.eventType });
      headers = replaceHeaders(headers, Object.entries(signed.headers));
      resigned = keyId === undefined ? { scheme } : { scheme, keyId };
    }

    const at = this.now();
    const exchange = await sendRequest({
      url: params.url,
      method: record.method,
      headers,
      body,
      timeoutMs: params.timeoutMs,
    });
    const replay: Replay = {
      id: newReplayId(at),
      captureId: record.id,
      at: new Date(at).toISOString(),
      mode: edited || params.headers || resigned ? 'edited' : 'as-received',
      ...exchange,
    };
    if (resigned) replay.resigned = resigned;
    await this.captures.addReplay(replay, at);
    return replay;
  }
}

/** Each new header takes the place of the first same-named one (case-insensitive) and removes the rest. */
export function replaceHeaders(headers: HeaderPairs, replacements: [string, string][]): HeaderPairs {
  let out = headers;
  for (const [name, value] of replacements) {
    const lower = name.toLowerCase();
    const at = out.findIndex(([n]) => n.toLowerCase() === lower);
    const rest = out.filter(([n]) => n.toLowerCase() !== lower);
    if (at < 0) rest.push([name, value]);
    else rest.splice(Math.min(at, rest.length), 0, [out[at]![0], value]);
    out = rest;
  }
  return out;
}
