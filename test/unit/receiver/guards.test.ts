import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress } from '../../../electron/core/receiver/guards/client-address.js';
import { DedupeIndex } from '../../../electron/core/receiver/guards/dedupe-index.js';
import { IpAllowlist } from '../../../electron/core/receiver/guards/ip-allowlist.js';
import { RateLimiter } from '../../../electron/core/receiver/guards/rate-limiter.js';

describe('IpAllowlist', () => {
  it('matches IPv4 and IPv6 ranges and single addresses', () => {
    const list = IpAllowlist.compile(['52.1.2.0/24', '2001:db8::/32', '127.0.0.1']);
    expect(list.allows('52.1.2.200')).toBe(true);
    expect(list.allows('52.1.3.1')).toBe(false);
    expect(list.allows('2001:db8::42')).toBe(true);
    expect(list.allows('2001:db9::1')).toBe(false);
    expect(list.allows('127.0.0.1')).toBe(true);
    expect(list.allows('127.0.0.2')).toBe(false);
  });

  it('judges IPv4-mapped IPv6 addresses as IPv4, both ways', () => {
    expect(IpAllowlist.compile(['10.0.0.0/8']).allows('::ffff:10.1.2.3')).toBe(true);
    expect(IpAllowlist.compile(['::ffff:10.0.0.0/104']).allows('10.9.9.9')).toBe(true);
  });

  it('allows everyone when empty and nobody with an unreadable address', () => {
    expect(IpAllowlist.compile([]).allows('203.0.113.9')).toBe(true);
    expect(IpAllowlist.compile(['10.0.0.0/8']).allows('not-an-ip')).toBe(false);
  });

  it('names every bad entry', () => {
    expect(() => IpAllowlist.compile(['10.0.0.0/33', 'x', '1.2.3.4'])).toThrow(/"10.0.0.0\/33".*"x"/);
  });
});

describe('clientAddress', () => {
  it('uses the socket address for direct requests, whatever X-Forwarded-For says', () => {
    expect(clientAddress('::ffff:127.0.0.1', false, '1.2.3.4')).toBe('127.0.0.1');
  });

  it('uses the right-most forwarded entry for tunnelled requests', () => {
    expect(clientAddress('127.0.0.1', true, '6.6.6.6, 52.1.2.3')).toBe('52.1.2.3');
    expect(clientAddress('127.0.0.1', true, ['6.6.6.6', '52.1.2.3:4567'])).toBe('52.1.2.3');
    expect(clientAddress('127.0.0.1', true, '[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(clientAddress('127.0.0.1', true, 'garbage')).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', true, undefined)).toBe('127.0.0.1');
  });

  it('normalises mapped addresses', () => {
    expect(normaliseAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseAddress(undefined)).toBe('');
  });
});

describe('RateLimiter', () => {
  it('counts per endpoint and source in one-minute windows', () => {
    let now = 120_000 + 15_000;
    const limiter = new RateLimiter(() => now);
    expect(limiter.hit('ep', 'a', 2).allowed).toBe(true);
    expect(limiter.hit('ep', 'a', 2).allowed).toBe(true);
    const third = limiter.hit('ep', 'a', 2);
    expect(third).toMatchObject({ allowed: false, count: 3, retryAfterSec: 45 });
    expect(limiter.hit('ep', 'b', 2).allowed).toBe(true);
    expect(limiter.hit('other', 'a', 2).allowed).toBe(true);
    now += 45_000;
    expect(limiter.hit('ep', 'a', 2).allowed).toBe(true);
    limiter.reset('ep');
    expect(limiter.hit('ep', 'a', 1).allowed).toBe(true);
  });
});

describe('DedupeIndex', () => {
  it('remembers the first sighting within the window and keeps endpoints apart', () => {
    let now = 1_000_000;
    const index = new DedupeIndex(() => now);
    const DAY = 86_400_000;
    expect(index.firstSeen('ep1', 'evt', DAY)).toBeUndefined();
    index.remember('ep1', 'evt', 'cap_1', now, DAY);
    now += 1000;
    expect(index.firstSeen('ep1', 'evt', DAY)).toBe('cap_1');
    expect(index.firstSeen('ep2', 'evt', DAY)).toBeUndefined();
    index.remember('ep1', 'evt', 'cap_2', now, DAY);
    expect(index.firstSeen('ep1', 'evt', DAY)).toBe('cap_1');
    now += DAY;
    expect(index.firstSeen('ep1', 'evt', DAY)).toBeUndefined();
    index.remember('ep1', 'evt', 'cap_3', now, DAY);
    expect(index.firstSeen('ep1', 'evt', DAY)).toBe('cap_3');
    index.forgetCapture('cap_3');
    expect(index.firstSeen('ep1', 'evt', DAY)).toBeUndefined();
  });

  it('restores the newest first sighting at start-up', () => {
    const index = new DedupeIndex(() => 10_000);
    index.restore('ep', 'evt', 'cap_old', 1000);
    index.restore('ep', 'evt', 'cap_new', 5000);
    expect(index.firstSeen('ep', 'evt', 60_000)).toBe('cap_new');
  });
});
