/**
 * Security model of the control API (read this before changing it):
 * - It binds to loopback only and every /api request must carry the per-run bearer token, compared in
 *   constant time, so other local users' processes and web pages cannot drive it.
 * - A Host header naming anything but the loopback name/address we listen on is refused (DNS rebinding:
 *   evil.example resolving to 127.0.0.1 would otherwise be same-origin with us).
 * - An Origin other than our own is refused (CSRF from a page in the user's browser); requests without
 *   Origin (curl, scripts) are allowed because they cannot be forged by a browser.
 * The receiver is a different server on a different port; only it is ever tunnelled.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export class RequestGuard {
  private readonly tokenDigest: Buffer;
  private allowedHosts: Set<string> = new Set();
  private allowedOrigins: Set<string> = new Set();

  constructor(token: string) {
    this.tokenDigest = digest(token);
  }

  /** Call once the port is known. */
  setPort(port: number): void {
    this.allowedHosts = new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
    this.allowedOrigins = new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
  }

  /** Host and Origin checks apply to everything we serve, UI files included. */
  checkOrigin(req: IncomingMessage): GuardVerdict {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.allowedHosts.has(host)) {
      return {
        ok: false,
        status: 403,
        message: `refused: Host "${host || '(none)'}" is not this Hookscope (use ${[...this.allowedHosts][0]})`,
      };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, message: `refused: requests from origin "${origin}" are not allowed` };
    }
    return { ok: true };
  }

  checkToken(req: IncomingMessage): GuardVerdict {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      return {
        ok: false,
        status: 401,
        message: 'missing token: send "Authorization: Bearer <token>" (printed at start-up)',
      };
    }
    // Hash both sides so lengths match and timingSafeEqual leaks nothing about the token's length.
    if (!timingSafeEqual(digest(match[1]), this.tokenDigest)) {
      return { ok: false, status: 401, message: 'wrong token: use the one printed when Hookscope started' };
    }
    return { ok: true };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
