/**
 * A localtunnel-protocol server on loopback, for tests only (they never reach the internet). The protocol is
 * localtunnel/server's: `GET /?new` or `GET /<subdomain>` registers a client and answers `{id, port,
 * max_conn_count, url}` with `url = http://<id>.<the Host it was asked under>`; the client opens raw TCP
 * sockets to `port`; public requests are routed by the Host header's first label onto those sockets, with
 * X-Forwarded-For/-Proto added as the public server's nginx does. No DNS: send public requests to
 * 127.0.0.1:<port> with `Host: <id>.localhost:<port>` (publicRequest does that).
 */
import { randomBytes } from 'node:crypto';
import http, { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { type RawResponse, rawRequest } from './raw-http.js';

export interface LocaltunnelServerOptions {
  /** Sockets each client may open (the public server says 10). */
  maxConnCount?: number;
  /** Serve loca.lt's reminder page (401) to browser User-Agents without the bypass header. */
  reminder?: boolean;
  /** How long a client with no sockets is kept before it is forgotten (the real server: 1 s). */
  graceMs?: number;
  /** How long a public request waits for a free tunnel socket before a 504. */
  socketWaitMs?: number;
}

/** localtunnel/server's rule for requested ids. */
const REQUESTED_ID = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;
const BROWSER_UA = /Mozilla\/5\.0/;

interface Client {
  id: string;
  server: net.Server;
  sockets: Set<Socket>;
  idle: Socket[];
  waiting: ((socket: Socket) => void)[];
  agent: Agent;
  grace?: NodeJS.Timeout;
}

export class LocaltunnelTestServer {
  private server: http.Server | undefined;
  private readonly clients = new Map<string, Client>();
  /** Including forgotten ones that kept their sockets, so stop() leaves nothing open. */
  private readonly everyClient = new Set<Client>();
  port = 0;
  /** Every registration answered, for assertions. */
  readonly registrations: { asked?: string; id: string }[] = [];

  private constructor(private readonly options: LocaltunnelServerOptions) {}

  static async start(options: LocaltunnelServerOptions = {}, port = 0): Promise<LocaltunnelTestServer> {
    const lt = new LocaltunnelTestServer(options);
    await lt.listen(port);
    return lt;
  }

  /** The tunnel host to configure: the client registers here and gets `http://<id>.localhost:<port>`. */
  get url(): string {
    return `http://localhost:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  clientIds(): string[] {
    return [...this.clients.keys()];
  }

  socketCount(id: string): number {
    return this.clients.get(id)?.sockets.size ?? 0;
  }

  /** A request as a public sender makes it: to this server, addressed by Host to the client `id`. */
  publicRequest(
    id: string,
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<RawResponse> {
    return rawRequest(`http://127.0.0.1:${this.port}${path}`, {
      ...options,
      headers: { ...options.headers, host: `${id}.localhost:${this.port}` },
    });
  }

  /** Cuts the client's tunnel sockets (a network blip); the client re-opens them. */
  killSockets(id: string): void {
    for (const socket of this.clients.get(id)?.sockets ?? []) socket.destroy();
  }

  /**
   * Forgets a client as a server does after a laptop slept: routing stops at once. With `keepSockets` its
   * sockets stay open but unused, which only a health check can notice.
   */
  forget(id: string, options: { keepSockets?: boolean } = {}): void {
    const client = this.clients.get(id);
    if (!client) return;
    this.clients.delete(id);
    if (!options.keepSockets) this.closeClient(client);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const client of this.everyClient) this.closeClient(client);
    this.clients.clear();
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Starts again on the same port with no clients, as a restarted server would. */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen(this.port);
  }

  private async listen(port: number): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const labels = host.split('.');
    if (labels.length > 1) {
      this.route(labels[0]!, req, res);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/' && url.searchParams.has('new')) return void this.register(req, res);
    const asked = url.pathname.split('/');
    if (asked.length === 2 && asked[1]) {
      if (!REQUESTED_ID.test(asked[1])) {
        json(res, 403, {
          message:
            'Invalid subdomain. Subdomains must be lowercase and between 4 and 63 alphanumeric characters.',
        });
        return;
      }
      return void this.register(req, res, asked[1]);
    }
    json(res, 404, { message: 'not found' });
  }

  private async register(req: IncomingMessage, res: ServerResponse, asked?: string): Promise<void> {
    const id = asked && !this.clients.has(asked) ? asked : `lt-${randomBytes(4).toString('hex')}`;
    const client = await this.openClient(id);
    this.registrations.push({ ...(asked ? { asked } : {}), id });
    const port = (client.server.address() as AddressInfo).port;
    json(res, 200, {
      id,
      port,
      max_conn_count: this.options.maxConnCount ?? 10,
      url: `http://${id}.${req.headers.host}`,
    });
  }

  private route(id: string, req: IncomingMessage, res: ServerResponse): void {
    const client = this.clients.get(id);
    if (!client) {
      res.statusCode = 404;
      return void res.end('404');
    }
    const ua = req.headers['user-agent'] ?? '';
    if (this.options.reminder && BROWSER_UA.test(ua) && !req.headers['bypass-tunnel-reminder']) {
      res.writeHead(401, { 'content-type': 'text/html' });
      return void res.end('<h1>Friendly Reminder</h1>');
    }
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (/^x-forwarded-(for|proto)$/i.test(req.rawHeaders[i]!)) continue;
      headers.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    const prior = req.headers['x-forwarded-for'];
    const remote = req.socket.remoteAddress ?? '';
    headers.push('X-Forwarded-For', prior ? `${prior}, ${remote}` : remote, 'X-Forwarded-Proto', 'http');
    const upstream = http.request(
      { path: req.url, method: req.method, headers, agent: client.agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  private async openClient(id: string): Promise<Client> {
    const server = net.createServer();
    const agent = new Agent({ keepAlive: true, maxFreeSockets: this.options.maxConnCount ?? 10 });
    const client: Client = { id, server, sockets: new Set(), idle: [], waiting: [], agent };
    // Hand out the client's own sockets instead of dialling out (localtunnel/server's TunnelAgent).
    agent.createConnection = (_options, callback) => {
      const socket = client.idle.shift();
      if (socket) callback?.(null, socket);
      else {
        const timer = setTimeout(
          () => callback?.(new Error('no tunnel socket'), undefined as never),
          this.options.socketWaitMs ?? 5_000,
        );
        client.waiting.push((s) => {
          clearTimeout(timer);
          callback?.(null, s);
        });
      }
      return undefined;
    };
    server.on('connection', (socket) => this.accept(client, socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.clients.set(id, client);
    this.everyClient.add(client);
    this.armGrace(client);
    return client;
  }

  private accept(client: Client, socket: Socket): void {
    if (client.sockets.size >= (this.options.maxConnCount ?? 10)) return void socket.destroy();
    clearTimeout(client.grace);
    client.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      client.sockets.delete(socket);
      client.idle = client.idle.filter((s) => s !== socket);
      if (client.sockets.size === 0) this.armGrace(client);
    });
    const waiter = client.waiting.shift();
    if (waiter) waiter(socket);
    else client.idle.push(socket);
  }

  /** A client that has no socket for graceMs is forgotten, as localtunnel/server does. */
  private armGrace(client: Client): void {
    clearTimeout(client.grace);
    client.grace = setTimeout(() => {
      if (client.sockets.size > 0) return;
      if (this.clients.get(client.id) === client) this.clients.delete(client.id);
      this.closeClient(client);
    }, this.options.graceMs ?? 1_000);
  }

  private closeClient(client: Client): void {
    this.everyClient.delete(client);
    clearTimeout(client.grace);
    client.server.close();
    for (const socket of client.sockets) socket.destroy();
    client.agent.destroy();
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
