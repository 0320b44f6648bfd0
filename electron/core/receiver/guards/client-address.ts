/**
 * Security model: which address the guards judge. A direct request is judged by its socket's address.
 * A request that came through our tunnel ingress (loopback only, fed by the tunnel client) is judged by the
 * right-most X-Forwarded-For entry: the one the tunnel server appended for the peer it saw. Entries left of
 * it were written by the sender and are ignored, and X-Forwarded-For on direct requests is never trusted.
 */
import { isIP } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** ::ffff:127.0.0.1 → 127.0.0.1, so lists and logs show the address people recognise. */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return '';
  const mapped = MAPPED_V4.exec(address);
  return mapped?.[1] ?? address;
}

export function clientAddress(
  socketAddress: string | undefined,
  viaTunnel: boolean,
  forwardedFor: string | string[] | undefined,
): string {
  const direct = normaliseAddress(socketAddress);
  if (!viaTunnel || forwardedFor === undefined) return direct;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const last = joined.split(',').at(-1)?.trim() ?? '';
  // Some proxies write "[2001:db8::1]:1234" or "1.2.3.4:5678"; strip a port so the allowlist can parse it.
  const bare = last.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return isIP(bare) ? normaliseAddress(bare) : direct;
}
