/**
 * The public tunnel (a localtunnel client in the engine): its state, its settings and the notes the UI shows.
 * Pure types, constants and zod schemas: the renderer imports this file too.
 */
import { z } from 'zod';
import { defineMethods, returns } from './define.js';

export const TUNNEL_STATES = ['off', 'connecting', 'online', 'reconnecting', 'error'] as const;
export type TunnelStateName = (typeof TUNNEL_STATES)[number];

/** The public localtunnel server; public URLs it hands out look like https://<id>.loca.lt. */
export const DEFAULT_TUNNEL_HOST = 'https://localtunnel.me';

/**
 * Path of the tunnel's own health-check requests (`GET <public URL>/.hookscope/tunnel-check/<nonce>`).
 * The receiver should answer them with 204 and store no capture (see docs/tunnel.md).
 */
export const TUNNEL_CHECK_PATH_PREFIX = '/.hookscope/tunnel-check/';

/** For the receiver: is this the tunnel's own health check (answer 204, keep no capture)? */
export const isTunnelCheckRequest = (method: string | undefined, url: string | undefined): boolean =>
  method === 'GET' && (url ?? '').startsWith(TUNNEL_CHECK_PATH_PREFIX);

/** The request header that makes the public localtunnel server skip its reminder page. */
export const TUNNEL_REMINDER_BYPASS_HEADER = 'bypass-tunnel-reminder';

/** What the UI says about the public server's reminder page (docs/tunnel.md says the same at length). */
export const TUNNEL_REMINDER_NOTE =
  'The public localtunnel server (loca.lt) shows a "Friendly Reminder" page (HTTP 401) instead of your receiver ' +
  'to requests that look like they come from a web browser, i.e. that send a browser User-Agent. Webhook ' +
  'senders are not browsers, so their requests pass straight through. To open the URL in a browser, or for a ' +
  `sender that uses a browser User-Agent, send the header "${TUNNEL_REMINDER_BYPASS_HEADER}" (any value) or a ` +
  'non-browser User-Agent. A self-hosted localtunnel server shows no such page.';

/** Subdomains the tunnel may ask for: one DNS label, lowercase letters, digits and inner hyphens, 4-63 long. */
export const TUNNEL_SUBDOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]{2,61}[a-z0-9]$/;
const MAX_HOST_CHARS = 2048;

export interface TunnelCheck {
  /** The check request reached this machine through the tunnel and the public URL answered. */
  ok: boolean;
  at: string;
  /** Round trip through the public URL; for a failed check, how long until it gave up. */
  latencyMs: number;
  /** The HTTP status the public URL answered with, when it answered. */
  status?: number;
  error?: string;
}

export interface TunnelState {
  state: TunnelStateName;
  /** The public URL while a tunnel is (or was last) registered; senders post webhooks here. */
  url?: string;
  /** The localtunnel server in use (default https://localtunnel.me). */
  host: string;
  /** The subdomain asked for, when one is configured (the URL shows what the server granted). */
  subdomain?: string;
  /** Why the tunnel is in `error` or `reconnecting`. */
  error?: string;
  /** Something worth knowing while online, e.g. the server granted another subdomain than the one asked for. */
  notice?: string;
  /** When the current state began. */
  since: string;
  /** When the next automatic attempt happens; absent in `error` means it waits for the user. */
  retryAt?: string;
  lastCheck?: TunnelCheck;
}

/** zod runs refinements even after the URL check failed, so an unparsable value is left to that check. */
function hasNoExtras(value: string): boolean {
  try {
    const url = new URL(value);
    return !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return true;
  }
}

export const tunnelUpdateSchema = z
  .object({
    enabled: z.boolean(),
    /** Omitted: keep the current host. */
    host: z
      .url({
        protocol: /^https?$/,
        error: 'the tunnel host must be an http:// or https:// URL, e.g. https://localtunnel.me',
      })
      .max(MAX_HOST_CHARS)
      .refine(hasNoExtras, 'the tunnel host must not contain a user name, password, query or fragment')
      .optional(),
    /** Omitted: keep the current subdomain; '' clears it (the server then picks a random one). */
    subdomain: z
      .union([
        z.literal(''),
        z
          .string()
          .regex(
            TUNNEL_SUBDOMAIN_PATTERN,
            'the subdomain must be 4-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
          ),
      ])
      .optional(),
  })
  .strict();
export type TunnelUpdate = z.input<typeof tunnelUpdateSchema>;

export const tunnelMethods = defineMethods({
  getTunnel: { route: 'GET /api/tunnel', params: z.object({}).strict(), result: returns<TunnelState>() },
  updateTunnel: { route: 'PUT /api/tunnel', params: tunnelUpdateSchema, result: returns<TunnelState>() },
});

export interface TunnelLiveEvents {
  tunnel: TunnelState;
}
