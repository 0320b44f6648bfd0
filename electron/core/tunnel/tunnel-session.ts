/**
 * One life of a tunnel: register with the server, open the localtunnel sockets towards our gateway, and
 * report once when the tunnel is lost. The manager opens a new session for every (re)connect, because a
 * localtunnel server that restarted or dropped us no longer knows our client id.
 */
import { BoundedTunnel } from './bounded-tunnel.js';
import { register, type TunnelRegistration } from './registration.js';
import { duration, TunnelNetworkError } from './tunnel-errors.js';

export interface SessionOptions {
  host: string;
  subdomain?: string;
  /** The gateway's port: where the tunnel sockets are piped to. */
  localPort: number;
  signal: AbortSignal;
  registerTimeoutMs: number;
  /** How long the first tunnel socket may take to connect after registration. */
  firstSocketTimeoutMs: number;
  /** How long the tunnel may have no socket at all before it counts as lost (re-opening takes a moment). */
  socketsGoneGraceMs: number;
  /** Called at most once, when the tunnel is lost; not called after `close()`. */
  onLost: (reason: string) => void;
}

export interface TunnelSession {
  readonly registration: TunnelRegistration;
  readonly url: string;
  close(): void;
}

export async function openSession(options: SessionOptions): Promise<TunnelSession> {
  const registration = await register({
    host: options.host,
    ...(options.subdomain ? { subdomain: options.subdomain } : {}),
    signal: options.signal,
    timeoutMs: options.registerTimeoutMs,
  });
  const tunnel = new BoundedTunnel(options.host, options.localPort, registration);
  const socketsAt = `${registration.ip ?? new URL(options.host).hostname}:${registration.port}`;
  let closed = false;
  let graceTimer: NodeJS.Timeout | undefined;
  const close = () => {
    closed = true;
    clearTimeout(graceTimer);
    tunnel.removeAllListeners('sockets');
    tunnel.close();
  };

  // Wait for the first socket: registration alone proves nothing about the port we must connect to.
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      cleanup();
      close();
      reject(err);
    };
    const timer = setTimeout(
      () =>
        fail(
          new TunnelNetworkError(
            `could not connect to the tunnel server at ${socketsAt} within ${duration(options.firstSocketTimeoutMs)}`,
            true,
          ),
        ),
      options.firstSocketTimeoutMs,
    );
    const onAbort = () => fail(new TunnelNetworkError('cancelled', false));
    const onError = () =>
      fail(
        new TunnelNetworkError(
          `the tunnel server refused the tunnel connection at ${socketsAt} (connection refused)`,
          true,
        ),
      );
    const onUp = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      tunnel.off('error', onError);
      tunnel.off('url', onUp);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    tunnel.once('error', onError);
    tunnel.once('url', onUp);
    tunnel.start();
  });

  let reported = false;
  const lost = (reason: string) => {
    if (closed || reported) return;
    reported = true;
    close();
    options.onLost(reason);
  };
  // The library re-opens a socket the server closed; only connection refused comes back as 'error', and
  // that means the server no longer has a port for us (it restarted or dropped the tunnel).
  tunnel.on('error', () =>
    lost(`the tunnel server at ${options.host} stopped accepting this tunnel (it restarted or dropped it)`),
  );
  // Other failures to re-open a socket are silent in the library; a tunnel with no sockets left is lost.
  tunnel.on('sockets', (count: number) => {
    clearTimeout(graceTimer);
    if (count > 0) return;
    graceTimer = setTimeout(
      () => lost(`lost every connection to the tunnel server at ${socketsAt}`),
      options.socketsGoneGraceMs,
    );
    graceTimer.unref();
  });
  return { registration, url: registration.url, close };
}
