/**
 * The IP allowlist guard: addresses and CIDR ranges, IPv4 and IPv6. IPv4-mapped IPv6 addresses
 * (::ffff:1.2.3.4, what a dual-stack socket reports) are judged as the IPv4 address they carry.
 */
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../../../../shared/errors.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export class IpAllowlist {
  private constructor(private readonly ranges: Range[]) {}

  /** Parses every entry; a bad one is a ValidationError naming it (and the form we expect). */
  static compile(entries: readonly string[], field = 'guards.ipAllowlist'): IpAllowlist {
    const ranges: Range[] = [];
    const issues: { path: string; message: string }[] = [];
    entries.forEach((raw, i) => {
      const entry = raw.trim();
      try {
        if (entry.includes('/')) ranges.push(normaliseRange(ipaddr.parseCIDR(entry)));
        else {
          const addr = ipaddr.process(entry);
          ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
        }
      } catch {
        issues.push({
          path: `${field}.${i}`,
          message: `"${raw}" is not an IP address or CIDR range (e.g. 52.1.2.0/24, 2001:db8::/32, 127.0.0.1)`,
        });
      }
    });
    if (issues.length > 0) {
      throw new ValidationError(`invalid IP allowlist: ${issues.map((i) => i.message).join('; ')}`, issues);
    }
    return new IpAllowlist(ranges);
  }

  get empty(): boolean {
    return this.ranges.length === 0;
  }

  /** An empty list allows everyone; an unparsable address is allowed by no list. */
  allows(address: string): boolean {
    if (this.ranges.length === 0) return true;
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.process(address);
    } catch {
      return false;
    }
    return this.ranges.some(([base, bits]) => base.kind() === addr.kind() && addr.match(base, bits));
  }
}

/** ::ffff:10.0.0.0/104 means 10.0.0.0/8; compare it as IPv4 so IPv4 clients match it. */
function normaliseRange([base, bits]: Range): Range {
  if (base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(base as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [base, bits];
}
