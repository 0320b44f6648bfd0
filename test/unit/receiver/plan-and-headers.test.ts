import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUARDS,
  DEFAULT_RESPONSE,
} from '../../../electron/core/receiver/endpoints/endpoint-defaults.js';
import {
  type LiveEndpoint,
  normalisePath,
  publicView,
} from '../../../electron/core/receiver/endpoints/endpoint-model.js';
import { pathAndQuery } from '../../../electron/core/receiver/formats/import-service.js';
import { IpAllowlist } from '../../../electron/core/receiver/guards/ip-allowlist.js';
import { replaceHeaders } from '../../../electron/core/receiver/outbound/replay-service.js';
import { outgoingHeaders } from '../../../electron/core/receiver/outbound/send-request.js';
import { planResponse } from '../../../electron/core/receiver/server/response-plan.js';
import type { Endpoint } from '../../../shared/contract/receiver.js';

function live(overrides: Partial<Endpoint> = {}): LiveEndpoint {
  const stored = {
    id: 'ep_1',
    name: 'One',
    path: '/one',
    createdAt: '',
    updatedAt: '',
    response: { ...DEFAULT_RESPONSE },
    guards: structuredClone(DEFAULT_GUARDS),
    ...overrides,
  } as Endpoint;
  return {
    stored: stored as never,
    view: publicView(stored as never),
    secret: undefined,
    allowlist: IpAllowlist.compile([]),
    served: 0,
  };
}

describe('planResponse', () => {
  const ok = { signatureInvalid: false };
  it('answers the inbox with the default response', () => {
    expect(planResponse(undefined, ok, Math.random)).toMatchObject({
      kind: 'respond',
      status: 200,
      body: '{"ok":true}',
    });
  });

  it('fails the first N, then responds as configured', () => {
    const ep = live({ response: { ...DEFAULT_RESPONSE, failFirst: 2, failStatus: 502 } });
    expect([1, 2, 3].map(() => planResponse(ep, ok, () => 1).status)).toEqual([502, 502, 200]);
  });

  it('rejects a bad signature only when told to, and a duplicate gets its own status', () => {
    const strict = live({ verify: { scheme: 'instafill-hmac', rejectInvalid: true } });
    expect(
      planResponse(strict, { signatureInvalid: true, signatureSummary: 'x' }, Math.random),
    ).toMatchObject({ kind: 'rejected', status: 401 });
    expect(planResponse(live(), { signatureInvalid: true }, Math.random).status).toBe(200);
    const dup = live({
      guards: { ...DEFAULT_GUARDS, dedupe: { enabled: true, windowSec: 10, status: 409 } },
    });
    expect(planResponse(dup, { signatureInvalid: false, duplicateOf: 'cap_1' }, Math.random)).toMatchObject({
      status: 409,
      reason: 'duplicate of cap_1',
    });
  });

  it('hangs and resets without a status', () => {
    expect(
      planResponse(live({ response: { ...DEFAULT_RESPONSE, mode: 'hang' } }), ok, Math.random),
    ).toMatchObject({ kind: 'hang' });
    expect(
      planResponse(live({ response: { ...DEFAULT_RESPONSE, mode: 'reset' } }), ok, Math.random).status,
    ).toBeUndefined();
  });
});

describe('headers for replays and forwards', () => {
  it('sets Host to the target, drops hop-by-hop headers and fixes the length', () => {
    const out = outgoingHeaders(
      [
        ['Host', 'old'],
        ['Connection', 'keep-alive'],
        ['Transfer-Encoding', 'chunked'],
        ['X-A', '1'],
        ['content-length', '99'],
      ],
      new URL('http://127.0.0.1:9/x'),
      5,
      'POST',
    );
    expect(out).toEqual([
      ['Host', '127.0.0.1:9'],
      ['X-A', '1'],
      ['content-length', '5'],
    ]);
    expect(outgoingHeaders([], new URL('http://h/'), 0, 'GET')).toEqual([['Host', 'h']]);
  });

  it('replaces signature headers in place, case-insensitively', () => {
    expect(
      replaceHeaders(
        [
          ['A', '1'],
          ['x-instafill-signature', 'old'],
          ['B', '2'],
          ['X-Instafill-Signature', 'dup'],
        ],
        [
          ['X-Instafill-Signature', 'new'],
          ['X-Instafill-Event', 'form.completed'],
        ],
      ),
    ).toEqual([
      ['A', '1'],
      ['x-instafill-signature', 'new'],
      ['B', '2'],
      ['X-Instafill-Event', 'form.completed'],
    ]);
  });
});

describe('paths', () => {
  it('normalises trailing slashes and splits imported URLs without rewriting them', () => {
    expect(normalisePath('/a/b//')).toBe('/a/b');
    expect(normalisePath('/')).toBe('/');
    expect(pathAndQuery('https://h.example:8443/a%2Fb?x=1#frag')).toBe('/a%2Fb?x=1');
    expect(pathAndQuery('http://h.example')).toBe('/');
  });
});
