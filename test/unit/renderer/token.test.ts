import { describe, expect, it } from 'vitest';
import { fragmentWithoutToken, parsePastedToken, tokenFromFragment } from '../../../renderer/api/token.js';

const ORIGIN = 'http://127.0.0.1:4800';

describe('token in the URL fragment', () => {
  it('is read from #token=… alone or after a route', () => {
    expect(tokenFromFragment('#token=abc123def')).toBe('abc123def');
    expect(tokenFromFragment('#/settings&token=abc123def')).toBe('abc123def');
    expect(tokenFromFragment('#/audit?x=1&token=a%2Bb')).toBe('a+b');
    expect(tokenFromFragment('#/settings')).toBeUndefined();
    expect(tokenFromFragment('')).toBeUndefined();
  });

  it('is removed leaving the route and other parameters', () => {
    expect(fragmentWithoutToken('#token=abc')).toBe('');
    expect(fragmentWithoutToken('#/settings&token=abc')).toBe('#/settings');
    expect(fragmentWithoutToken('#/audit?token=abc&q=1')).toBe('#/audit?q=1');
    expect(fragmentWithoutToken('#/audit?q=1&token=abc')).toBe('#/audit?q=1');
  });
});

describe('a pasted token or URL', () => {
  it('accepts the printed URL and says whether it is this host', () => {
    expect(parsePastedToken(`${ORIGIN}/#token=e2e-token-1234`, ORIGIN)).toEqual({
      kind: 'url',
      url: `${ORIGIN}/#token=e2e-token-1234`,
      token: 'e2e-token-1234',
      sameOrigin: true,
    });
    const other = parsePastedToken('http://127.0.0.1:4900/#token=e2e-token-1234', ORIGIN);
    expect(other).toMatchObject({ kind: 'url', sameOrigin: false });
  });

  it('accepts a bare token or #token=… and trims whitespace', () => {
    expect(parsePastedToken('  Zm9vYmFyYmF6cXV4  ', ORIGIN)).toEqual({
      kind: 'token',
      token: 'Zm9vYmFyYmF6cXV4',
    });
    expect(parsePastedToken('#token=Zm9vYmFyYmF6', ORIGIN)).toEqual({ kind: 'token', token: 'Zm9vYmFyYmF6' });
  });

  it('explains what is wrong otherwise', () => {
    expect(parsePastedToken('', ORIGIN).kind).toBe('invalid');
    expect(parsePastedToken('has spaces in it', ORIGIN).kind).toBe('invalid');
    expect(parsePastedToken('short', ORIGIN).kind).toBe('invalid');
    const noToken = parsePastedToken(`${ORIGIN}/#/settings`, ORIGIN);
    expect(noToken).toMatchObject({ kind: 'invalid' });
    if (noToken.kind === 'invalid') expect(noToken.message).toContain('#token=');
  });
});
