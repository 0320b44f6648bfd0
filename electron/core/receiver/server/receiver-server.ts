/**
 * Security model: the receiver listens on its own port (never the control API's), on 127.0.0.1 unless told
 * otherwise, and is the only thing ever tunnelled. The tunnel's gateway tells us which connections are its
 * own (by their local port, never by a header); only those are marked via-tunnel and may have their
 * X-Forwarded-For believed. Malformed requests get a 400 from the parser and never reach a handler.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { HookscopeError } from '../../../../shared/errors.js';
import type { ReceiverHandler } from './request-handler.js';

/** Headers must arrive within this; a sender trickling them is cut off (slowloris). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000;
/** The whole request (headers and body) must arrive within this. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const BAD_REQUEST = 'HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n';

export interface ReceiverServerOptions {
  host: string;
  port: number;
  /** PEM certificate and key: serve HTTPS on the receiver port instead of HTTP. */
  tls?: { cert: string; key: string };
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  handler: ReceiverHandler;
  /** Whether a connection came through the tunnel (asked per request, once its headers are in). */
  isTunnel?: (socket: Socket) => boolean;
}

/** The receiver's port is taken (often by another Hookscope, or a dev server on 4801). */
export class ReceiverPortInUseError extends HookscopeError {
  constructor(host: string, port: number) {
    super(
      'conflict',
      `the webhook receiver cannot listen on ${host}:${port}: the port is in use; pass --receiver-port N (0 = any free port)`,
    );
  }
}

export class ReceiverServer {
  private constructor(
    private readonly server: Server,
    /** Where senders post, e.g. http://127.0.0.1:4801 (the real port, also when 0 was asked for). */
    readonly url: string,
    readonly port: number,
  ) {}

  static async start(options: ReceiverServerOptions): Promise<ReceiverServer> {
    const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
    const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
    const serverOptions = {
      headersTimeout,
      requestTimeout,
      // Node checks the two timeouts on this interval; keep it fine-grained enough for short test timeouts.
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4))),
    };
    const isTunnel = options.isTunnel ?? (() => false);
    const handle = options.handler;
    const server = options.tls
      ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, (req, res) =>
          handle(req, res, isTunnel(req.socket)),
        )
      : createHttpServer(serverOptions, (req, res) => handle(req, res, isTunnel(req.socket)));
    server.on('clientError', onClientError);
    // A TLS handshake from a port scanner or a plain-HTTP client must not surface as an error either.
    server.on('tlsClientError', (_err: Error, socket: Duplex) => socket.destroy());
    try {
      await listen(server, options.port, options.host);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      throw new ReceiverPortInUseError(options.host, options.port);
    }
    const { port } = server.address() as AddressInfo;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return new ReceiverServer(server, `${options.tls ? 'https' : 'http'}://${host}:${port}`, port);
  }

  /** Stops listening and drops every open connection (including hanging requests). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function onClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Parse errors and timeouts: answer 400/408 when the socket can still take it, then drop it.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  socket.end(timedOut ? BAD_REQUEST.replace('400 Bad Request', '408 Request Timeout') : BAD_REQUEST);
  (socket as Socket).destroySoon?.();
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
