/**
 * Keep-alive undici Agents whose connector stamps DNS, TCP and TLS times on each socket it opens. Two
 * agents: the strict one (TLS 1.2+, certificates verified) for everything, and an insecure one (TLS 1.2+,
 * certificates not verified) used only for subscriptions with "allow insecure (development)".
 */
import { Agent, buildConnector } from 'undici';
import { MIN_TLS_VERSION } from '../url-policy.js';
import { SOCKET_TIMING, type SocketTiming, type TimedSocket } from './timing-probe.js';

/** Idle connections stay open this long, so retries and bursts to one receiver skip the handshakes. */
export const KEEP_ALIVE_MS = 30_000;
/** Giving up on a TCP + TLS connect; the attempt's own timeout still bounds the whole exchange. */
export const CONNECT_TIMEOUT_MS = 10_000;

export function createTimedAgent(insecure: boolean): Agent {
  const base = buildConnector({
    minVersion: MIN_TLS_VERSION,
    rejectUnauthorized: !insecure,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const connect: buildConnector.connector = (options, callback) => {
    const timing: SocketTiming = { start: performance.now() };
    // undici's connector returns the socket it opens (its typings say void).
    const socket = base(options, callback) as unknown as TimedSocket;
    socket[SOCKET_TIMING] = timing;
    // Prepended: undici's own 'connect'/'secureConnect' listener writes the first request at once, and the
    // times must be on the socket before that happens.
    socket.prependOnceListener('lookup', () => {
      timing.lookup = performance.now();
    });
    socket.prependOnceListener('connect', () => {
      timing.connect = performance.now();
    });
    socket.prependOnceListener('secureConnect', () => {
      timing.secure = performance.now();
    });
    return socket;
  };
  // No per-origin connection cap: undici would queue requests in the pool, and the scheduler already bounds
  // how many attempts run at once.
  return new Agent({ connect, keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS });
}
