/**
 * The tunnel's health check: `GET <public URL>/.hookscope/tunnel-check/<nonce>`, counted healthy only when
 * the nonce is seen passing through our gateway and the public URL answers. "Any answer" alone would pass
 * a tunnel the server has forgotten (it answers 404 itself), and a receiver's answer alone would need the
 * receiver's help; the nonce proves the request crossed the whole path to this machine.
 */
import { randomBytes } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  TUNNEL_CHECK_PATH_PREFIX,
  TUNNEL_REMINDER_BYPASS_HEADER,
  type TunnelCheck,
} from '../../../shared/contract/tunnel.js';
import { duration } from './tunnel-errors.js';
import type { TunnelGateway } from './tunnel-gateway.js';

export interface HealthCheckOptions {
  /** The public URL, e.g. https://abc.loca.lt */
  url: string;
  /** The server the tunnel was registered with, e.g. https://localtunnel.me */
  registrationHost: string;
  gateway: TunnelGateway;
  timeoutMs: number;
  now?: () => number;
}

/** A non-browser User-Agent plus the bypass header: the public server's reminder page never intercepts it. */
const CHECK_HEADERS = {
  'user-agent': 'hookscope-tunnel-check',
  [TUNNEL_REMINDER_BYPASS_HEADER]: '1',
  accept: '*/*',
  connection: 'close',
};

export async function checkTunnel(options: HealthCheckOptions): Promise<TunnelCheck> {
  const now = options.now ?? Date.now;
  const started = now();
  const nonce = randomBytes(16).toString('hex');
  const watch = options.gateway.watchFor(nonce);
  let arrived = false;
  void watch.seen.then(() => {
    arrived = true;
  });
  const target = new URL(`${TUNNEL_CHECK_PATH_PREFIX}${nonce}`, `${options.url}/`);
  const client = target.protocol === 'https:' ? https : http;
  const lookup = viaRegistrationHost(target.hostname, options.registrationHost);
  let timer: NodeJS.Timeout | undefined;
  let req: http.ClientRequest | undefined;
  try {
    const answered = new Promise<number>((resolve, reject) => {
      req = client.get(
        target,
        { headers: CHECK_HEADERS, agent: false, ...(lookup ? { lookup } : {}) },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
    });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from the public URL within ${duration(options.timeoutMs)}`)),
        options.timeoutMs,
      );
    });
    const status = await Promise.race([answered, timedOut]);
    // The nonce passes the gateway before the receiver can answer, so by now it was seen — or never will be.
    const latencyMs = now() - started;
    if (!arrived) {
      return {
        ok: false,
        at: new Date(now()).toISOString(),
        latencyMs,
        status,
        error: `the public URL answered HTTP ${status}, but the request never reached this computer: the tunnel server no longer routes it here`,
      };
    }
    return { ok: true, at: new Date(now()).toISOString(), latencyMs, status };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = (err as Error).message;
    return {
      ok: false,
      at: new Date(now()).toISOString(),
      latencyMs: now() - started,
      error: code ? `the public URL could not be reached: ${message}` : message,
    };
  } finally {
    clearTimeout(timer);
    watch.cancel();
    req?.destroy();
  }
}

/**
 * localtunnel servers name a tunnel `<id>.<the host it was registered under>`, so that host is the same
 * server by construction: resolving it instead of the subdomain means a self-hosted server works without
 * wildcard DNS on this machine (and the loopback test server without any DNS). Other public hosts (the
 * public server registers at localtunnel.me and answers at loca.lt) are resolved as they are.
 */
export function viaRegistrationHost(
  publicHostname: string,
  registrationHost: string,
): LookupFunction | undefined {
  const registered = new URL(registrationHost).hostname;
  if (!publicHostname.endsWith(`.${registered}`)) return undefined;
  return (hostname, options, callback) =>
    dns.lookup(hostname === publicHostname ? registered : hostname, options, callback);
}
