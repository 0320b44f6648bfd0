/** The tunnel's clocks in one place; tests shorten them through TunnelManagerOptions.timing. */
import { type BackoffPolicy, TUNNEL_BACKOFF } from './backoff.js';

export interface TunnelTiming {
  /** Registration request (`GET /?new`) limit. */
  registerTimeoutMs: number;
  /** After registering, the first tunnel socket must connect within this. */
  firstSocketTimeoutMs: number;
  /** The library re-opens a closed socket at once; this long with none open means the tunnel is lost. */
  socketsGoneGraceMs: number;
  /** Health check period while online; a check is cheap (one small GET through the tunnel). */
  checkIntervalMs: number;
  checkTimeoutMs: number;
  /** One failed check can be a blip; this many in a row reconnect (after a wake-up, one is enough). */
  checkFailuresBeforeReconnect: number;
  backoff: BackoffPolicy;
  /**
   * Retries when the server gives another name than the one asked for because it still holds ours; with
   * the backoff that is about 7 s, well past localtunnel's 1 s grace. After that the other name is taken.
   */
  subdomainTakenRetries: number;
  /** The sleep detector's tick, and how late a tick must be to count as a wake-up. */
  wakeTickMs: number;
  wakeGapMs: number;
}

export const TUNNEL_TIMING: TunnelTiming = {
  registerTimeoutMs: 10_000,
  firstSocketTimeoutMs: 10_000,
  socketsGoneGraceMs: 1_000,
  checkIntervalMs: 30_000,
  checkTimeoutMs: 8_000,
  checkFailuresBeforeReconnect: 2,
  backoff: TUNNEL_BACKOFF,
  subdomainTakenRetries: 5,
  wakeTickMs: 5_000,
  wakeGapMs: 10_000,
};
