/** The tunnel's pure rules: backoff bounds, the API schema, the health check's addressing, the CLI flags. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, TUNNEL_BACKOFF } from '../../../electron/core/tunnel/backoff.js';
import { viaRegistrationHost } from '../../../electron/core/tunnel/health-check.js';
import { tunnelRequest } from '../../../electron/host/commands/tunnel-output.js';
import { isTunnelCheckRequest, tunnelUpdateSchema } from '../../../shared/contract/tunnel.js';

describe('reconnect backoff', () => {
  it('doubles from 250 ms and never exceeds the 3 s cap, whatever the jitter', () => {
    const none = () => 0;
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => backoffDelay(n, TUNNEL_BACKOFF, none))).toEqual([
      250, 500, 1000, 2000, 3000, 3000, 3000,
    ]);
    for (let attempt = 0; attempt < 100; attempt++) {
      const delay = backoffDelay(attempt, TUNNEL_BACKOFF);
      expect(delay).toBeGreaterThanOrEqual(Math.round(250 * 0.75));
      expect(delay).toBeLessThanOrEqual(3000);
    }
  });

  it('jitter only shortens a delay', () => {
    expect(backoffDelay(10, TUNNEL_BACKOFF, () => 0.999)).toBeGreaterThanOrEqual(2250);
    expect(backoffDelay(-3, TUNNEL_BACKOFF, () => 0)).toBe(250);
  });
});

describe('PUT /api/tunnel schema', () => {
  const ok = (v: unknown) => tunnelUpdateSchema.safeParse(v).success;

  it('takes enabled with an optional http(s) host and subdomain', () => {
    expect(ok({ enabled: false })).toBe(true);
    expect(ok({ enabled: true, host: 'https://lt.example.com', subdomain: 'my-hooks' })).toBe(true);
    expect(ok({ enabled: true, host: 'http://10.0.0.5:3000' })).toBe(true);
    expect(ok({ enabled: true, subdomain: '' })).toBe(true);
  });

  it.each([
    ['no enabled', {}],
    ['a string enabled', { enabled: 'true' }],
    ['an unknown field', { enabled: true, port: 1 }],
    ['ftp', { enabled: true, host: 'ftp://x.example' }],
    ['not a URL', { enabled: true, host: 'localtunnel.me' }],
    ['credentials', { enabled: true, host: 'https://a:b@x.example' }],
    ['a query', { enabled: true, host: 'https://x.example/?a=1' }],
    ['uppercase', { enabled: true, subdomain: 'MyHooks' }],
    ['too short', { enabled: true, subdomain: 'abc' }],
    ['too long', { enabled: true, subdomain: 'a'.repeat(64) }],
    ['a leading hyphen', { enabled: true, subdomain: '-hooks' }],
    ['a trailing hyphen', { enabled: true, subdomain: 'hooks-' }],
    ['a dot', { enabled: true, subdomain: 'my.hooks' }],
  ])('refuses %s', (_what, value) => {
    expect(ok(value)).toBe(false);
  });
});

describe('health check addressing', () => {
  it('reaches <id>.<registration host> at the registration host, which is the same server by protocol', () => {
    expect(viaRegistrationHost('abc.lt.example.com', 'https://lt.example.com')).toBeTypeOf('function');
    expect(viaRegistrationHost('abc.localhost', 'http://localhost:4000')).toBeTypeOf('function');
  });

  it('resolves other public hosts as they are (localtunnel.me hands out loca.lt URLs)', () => {
    expect(viaRegistrationHost('abc.loca.lt', 'https://localtunnel.me')).toBeUndefined();
    expect(viaRegistrationHost('evil-lt.example.com', 'https://lt.example.com')).toBeUndefined();
  });

  it('recognises only its own check requests', () => {
    expect(isTunnelCheckRequest('GET', '/.hookscope/tunnel-check/0123abcd')).toBe(true);
    expect(isTunnelCheckRequest('POST', '/.hookscope/tunnel-check/0123abcd')).toBe(false);
    expect(isTunnelCheckRequest('GET', '/hooks/.hookscope/tunnel-check/x')).toBe(false);
  });
});

describe('serve --tunnel flags', () => {
  it('asks for nothing without --tunnel', () => {
    expect(tunnelRequest({})).toBeUndefined();
  });

  it('builds the updateTunnel call', () => {
    expect(tunnelRequest({ tunnel: true })).toEqual({ enabled: true });
    expect(
      tunnelRequest({ tunnel: true, 'tunnel-host': 'https://lt.example.com', subdomain: 'my-hooks' }),
    ).toEqual({
      enabled: true,
      host: 'https://lt.example.com',
      subdomain: 'my-hooks',
    });
  });

  it('names the flag at fault', () => {
    expect(() => tunnelRequest({ subdomain: 'my-hooks' })).toThrow(/only apply with --tunnel/);
    expect(() => tunnelRequest({ tunnel: true, 'tunnel-host': 'lt.example.com' })).toThrow(
      /^--tunnel-host: .*http/,
    );
    expect(() => tunnelRequest({ tunnel: true, subdomain: 'No' })).toThrow(/^--subdomain: .*lowercase/);
  });
});
