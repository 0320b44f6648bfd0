/**
 * localtunnel's own Tunnel class (socket pool, re-opening a socket when the server closes one, piping each
 * to the local port), with its registration step replaced: `_init` hands over an answer we already got from
 * `register()` instead of running the library's endless, unstoppable request loop. It also counts open
 * sockets, which the library does not expose, so a tunnel that lost them all is noticed.
 */
import type { Socket } from 'node:net';
import Tunnel from 'localtunnel/lib/Tunnel.js';
import type { TunnelRegistration } from './registration.js';

export class BoundedTunnel extends Tunnel {
  private sockets = 0;

  constructor(
    host: string,
    localPort: number,
    private readonly registration: TunnelRegistration,
  ) {
    // No local_host on purpose: the library would rewrite the Host header of each socket's first request
    // only, so the receiver would see the public Host on some requests and "localhost" on others.
    super({ host, port: localPort });
    // An 'error' without a listener would throw out of a socket callback and take the process down.
    this.on('error', () => {});
  }

  override _init(callback: (err: Error | null, info?: Tunnel.Info) => void): void {
    const r = this.registration;
    callback(
      null,
      this._getInfo({
        id: r.id,
        port: r.port,
        url: r.url,
        max_conn_count: r.maxConnCount,
        ...(r.ip ? { ip: r.ip } : {}),
      }),
    );
  }

  /** Opens the sockets (asynchronously); 'sockets' then reports the open count on every change. */
  start(): void {
    this.open((err) => {
      if (err) this.emit('error', err);
    });
    this.tunnelCluster?.on('open', (remote: Socket) => {
      this.sockets++;
      this.emit('sockets', this.sockets);
      remote.once('close', () => {
        this.sockets--;
        this.emit('sockets', this.sockets);
      });
    });
  }

  get openSockets(): number {
    return this.sockets;
  }
}
