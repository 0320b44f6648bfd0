/**
 * The only door from the tunnel into this machine: a TCP relay the localtunnel client pipes its sockets to.
 * Security model: it listens on 127.0.0.1 on a random port and connects on to the receiver's port only —
 * never the control API — relaying bytes unchanged. It remembers the local ports of its own connections to
 * the receiver, so the receiver can tell a tunnelled request from a local one without trusting any header.
 */
import net, { type AddressInfo, type Socket } from 'node:net';

export interface GatewayTarget {
  host: string;
  /** 0 or less: the receiver is not running. */
  port: number;
}

const LOOPBACK = '127.0.0.1';
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);
const UNSPECIFIED = new Set(['0.0.0.0', '::', '']);
const RECEIVER_DOWN_BODY =
  'Hookscope got this request through its tunnel, but its webhook receiver is not running.\n';
/** What a public sender gets when the receiver is down, instead of a request that hangs until it times out. */
const RECEIVER_DOWN_RESPONSE =
  'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain; charset=utf-8\r\n' +
  `content-length: ${Buffer.byteLength(RECEIVER_DOWN_BODY)}\r\nconnection: close\r\n\r\n${RECEIVER_DOWN_BODY}`;

export class TunnelGateway {
  private readonly connections = new Set<Socket>();
  /** Local ports of our live connections to the receiver: how tunnelled requests are recognised. */
  private readonly receiverSidePorts = new Set<number>();
  private readonly watches = new Map<string, () => void>();

  private constructor(
    private readonly server: net.Server,
    private readonly target: () => GatewayTarget,
  ) {}

  static async start(target: () => GatewayTarget): Promise<TunnelGateway> {
    const server = net.createServer();
    const gateway = new TunnelGateway(server, target);
    server.on('connection', (socket) => gateway.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return gateway;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * True when the receiver's connection came from this gateway, i.e. through the tunnel. Ask once the
   * request's headers have arrived (not at 'connection' time): by then the gateway has always recorded it.
   */
  isTunnelConnection(socket: {
    remoteAddress?: string | undefined;
    remotePort?: number | undefined;
  }): boolean {
    return (
      socket.remotePort !== undefined &&
      LOOPBACK_ADDRESSES.has(socket.remoteAddress ?? '') &&
      this.receiverSidePorts.has(socket.remotePort)
    );
  }

  /** Resolves `seen` when `token` passes through the gateway (the health check's proof of arrival). */
  watchFor(token: string): { seen: Promise<void>; cancel: () => void } {
    let cancel = () => {};
    const seen = new Promise<void>((resolve) => {
      this.watches.set(token, resolve);
      cancel = () => this.watches.delete(token);
    });
    return { seen, cancel };
  }

  /** Stops listening and cuts every tunnelled connection at once. */
  close(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    this.watches.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The localtunnel client opens its local connections as soon as its tunnel sockets are up, long before a
   * request comes; we connect on to the receiver only when the first bytes arrive, so no idle connections
   * sit on the receiver and a receiver that is down is noticed per request.
   */
  private accept(inbound: Socket): void {
    this.track(inbound);
    let tail = Buffer.alloc(0);
    const scan = (chunk: Buffer) => {
      if (this.watches.size === 0) return;
      const window = Buffer.concat([tail, chunk]);
      for (const [token, resolve] of this.watches) {
        if (window.includes(token)) {
          this.watches.delete(token);
          resolve();
        }
      }
      const longest = Math.max(0, ...[...this.watches.keys()].map((t) => t.length));
      tail = window.subarray(Math.max(0, window.length - longest));
    };
    inbound.once('data', (first: Buffer) => {
      inbound.pause();
      scan(first);
      inbound.on('data', scan);
      const { host, port } = this.target();
      if (port <= 0) return void inbound.end(RECEIVER_DOWN_RESPONSE);
      // A receiver listening on every interface is reached on loopback; the tunnel never leaves the machine.
      const outbound = net.connect({ host: UNSPECIFIED.has(host) ? LOOPBACK : host, port });
      this.track(outbound);
      let connected = false;
      outbound.once('connect', () => {
        connected = true;
        const localPort = outbound.localPort!;
        this.receiverSidePorts.add(localPort);
        outbound.once('close', () => this.receiverSidePorts.delete(localPort));
        outbound.write(first);
        inbound.pipe(outbound);
        outbound.pipe(inbound);
      });
      outbound.once('error', () => {
        if (connected) inbound.destroy();
        else inbound.end(RECEIVER_DOWN_RESPONSE);
      });
      inbound.once('close', () => outbound.destroy());
    });
  }

  private track(socket: Socket): void {
    this.connections.add(socket);
    socket.once('close', () => this.connections.delete(socket));
    // Errors end the connection ('close' follows); an unhandled one would crash the process.
    socket.on('error', () => socket.destroy());
  }
}
