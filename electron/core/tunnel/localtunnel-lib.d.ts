// Types for the one localtunnel module we use directly (lib/Tunnel.js). @types/localtunnel types only the
// package's entry function, which hides the class we extend (see bounded-tunnel.ts).
declare module 'localtunnel/lib/Tunnel.js' {
  import { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  namespace Tunnel {
    interface Options {
      /** The local port the tunnel sockets are piped to. */
      port: number;
      host?: string;
      subdomain?: string;
      /** Setting this rewrites the Host header of each socket's first request, so we never do. */
      local_host?: string;
    }
    /** What the server answered, in the server's field names. */
    interface ServerAnswer {
      id: string;
      port: number;
      url: string;
      max_conn_count?: number;
      ip?: string;
    }
    interface Info {
      name: string;
      url: string;
      max_conn: number;
      remote_host: string;
      remote_ip?: string;
      remote_port: number;
      local_port: number;
    }
    /** Opens and re-opens the tunnel sockets; emits 'open' (socket), 'dead', 'error', 'request'. */
    interface Cluster extends EventEmitter {
      open(): void;
      on(event: 'open', listener: (remote: Socket) => void): this;
      on(event: string, listener: (...args: unknown[]) => void): this;
    }
  }

  class Tunnel extends EventEmitter {
    constructor(options: Tunnel.Options);
    opts: Tunnel.Options;
    closed: boolean;
    url?: string;
    clientId?: string;
    tunnelCluster?: Tunnel.Cluster;
    _getInfo(answer: Tunnel.ServerAnswer): Tunnel.Info;
    _init(callback: (err: Error | null, info?: Tunnel.Info) => void): void;
    open(callback: (err?: Error) => void): void;
    close(): void;
  }

  export = Tunnel;
}
