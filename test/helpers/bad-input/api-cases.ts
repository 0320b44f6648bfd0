/**
 * The control API's generated bad inputs: wrong types, unknown fields, path traversal in ids and names,
 * broken HAR / curl / PEM / CEL and bad tokens, each a named request generator drawing on the seeded RNG.
 */
import { FAULT_TOKEN } from '../fault-host.js';
import { inputPools } from './api-inputs.js';
import type { Rng } from './recorder.js';

export interface ApiAnswer {
  status: number;
  text: string;
}

export type ApiCall = (method: string, path: string, body?: string, token?: string) => Promise<ApiAnswer>;

/** An authenticated control-API caller against `origin` (JSON bodies; the token can be overridden). */
export function apiClient(origin: string): ApiCall {
  return async (method, path, body, token = FAULT_TOKEN) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
}

/** The kinds counted as imports (HAR, curl, PEM, CEL) rather than plain API calls. */
export const IMPORT_KINDS: readonly string[] = ['har', 'curl', 'pem', 'cel', 'import-both'];

/** One request generator per kind, in a fixed order; each call draws its input from `rng`. */
export function apiCases(rng: Rng, api: ApiCall): [string, () => Promise<ApiAnswer>][] {
  const { traversal, wrong, broken } = inputPools(rng);
  return [
    ['traversal-capture', () => api('GET', `/api/captures/${encodeURIComponent(rng.pick(traversal))}`)],
    ['traversal-raw', () => api('GET', `/api/captures/${rng.pick(traversal)}/curl`)],
    ['traversal-endpoint', () => api('DELETE', `/api/endpoints/${encodeURIComponent(rng.pick(traversal))}`)],
    ['traversal-key', () => api('GET', `/api/keys/${encodeURIComponent(rng.pick(traversal))}/public.pem`)],
    [
      'traversal-delivery',
      () => api('POST', `/api/deliveries/${encodeURIComponent(rng.pick(traversal))}/retry`, '{}'),
    ],
    ['traversal-type', () => api('DELETE', `/api/catalog/custom/${encodeURIComponent(rng.pick(traversal))}`)],
    [
      'endpoint-types',
      () =>
        api('POST', '/api/endpoints', JSON.stringify({ path: wrong(), name: wrong(), response: wrong() })),
    ],
    [
      'endpoint-unknown',
      () =>
        api(
          'POST',
          '/api/endpoints',
          JSON.stringify({ path: `/u${rng.int(1e6)}`, [`x${rng.int(99)}`]: wrong() }),
        ),
    ],
    [
      'endpoint-name-traversal',
      () =>
        api(
          'POST',
          '/api/endpoints',
          JSON.stringify({ path: `/${rng.pick(traversal)}`, name: rng.pick(traversal) }),
        ),
    ],
    ['not-json', () => api('POST', '/api/endpoints', broken())],
    [
      'settings-types',
      () => api('PATCH', '/api/settings', JSON.stringify({ theme: wrong(), retention: wrong() })),
    ],
    [
      'subscription-types',
      () =>
        api(
          'POST',
          '/api/subscriptions',
          JSON.stringify({ url: wrong(), events: wrong(), timeoutMs: wrong() }),
        ),
    ],
    [
      'cel',
      () =>
        api(
          'POST',
          '/api/subscriptions',
          JSON.stringify({
            url: 'http://127.0.0.1:9/x',
            events: ['form.completed'],
            condition:
              rng.pick([
                'data.',
                '((',
                'data.x ==',
                '1 +',
                'size(',
                'data.a && ',
                '"unterminated',
                'undefinedVar > 1',
                '1 + 1',
                '{',
                'data[',
                '@@',
              ]) + rng.pick(['', ')', ' &&', ' ?']),
          }),
        ),
    ],
    ['fire-types', () => api('POST', '/api/events', JSON.stringify({ type: wrong(), data: wrong() }))],
    ['clock-types', () => api('PUT', '/api/clock', JSON.stringify({ mode: wrong(), speed: wrong() }))],
    [
      'har',
      () =>
        api(
          'POST',
          '/api/captures/import',
          JSON.stringify({
            har: rng.pick([
              broken(),
              '{"log":{}}',
              '{"log":{"entries":[{}]}}',
              '{"log":{"entries":"x"}}',
              '[]',
              '{"log":{"entries":[{"request":{"method":1,"url":"::"}}]}}',
            ]),
          }),
        ),
    ],
    [
      'curl',
      () =>
        api(
          'POST',
          '/api/captures/import',
          JSON.stringify({
            curl: rng.pick([
              `curl ${broken()}`,
              "curl -X POST 'unterminated",
              'curl --data',
              'wget http://x',
              'curl -H',
              `curl ${'-'.repeat(rng.int(20))}`,
            ]),
          }),
        ),
    ],
    [
      'import-both',
      () =>
        api('POST', '/api/captures/import', JSON.stringify({ har: '{}', curl: 'curl x', extra: wrong() })),
    ],
    [
      'pem',
      () =>
        api(
          'POST',
          '/api/keys',
          JSON.stringify({
            pem: rng.pick([
              `-----BEGIN PUBLIC KEY-----\n${Buffer.from(rng.bytes(40)).toString('base64')}\n-----END PUBLIC KEY-----`,
              '-----BEGIN RSA PRIVATE KEY-----\nnot base64!\n-----END RSA PRIVATE KEY-----',
              `-----BEGIN ${broken()}`,
              'no pem here',
            ]),
            name: `k${rng.int(1000)}`,
          }),
        ),
    ],
    [
      'verify-types',
      () => api('POST', '/api/verify', JSON.stringify({ scheme: wrong(), headers: wrong(), body: wrong() })),
    ],
    [
      'bad-token',
      () =>
        api('GET', '/api/captures', undefined, rng.pick(['', 'x', FAULT_TOKEN.slice(1), `${FAULT_TOKEN}x`])),
    ],
  ];
}
