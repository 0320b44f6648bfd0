/**
 * The headless host's HTTP server: the REST face of the contract, the live SSE stream and the built UI.
 * Security model: see request-guard.ts — loopback bind, per-run bearer token on /api, Host and Origin
 * checks on everything. Handlers see validated params only (Engine.call).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatSse } from '../../shared/client/sse-parser.js';
import { contract } from '../../shared/contract/index.js';
import { BadRequestError, HookscopeError, statusOf, toWireError } from '../../shared/errors.js';
import type { Engine } from '../core/engine.js';
import { RequestGuard } from './request-guard.js';
import { Router } from './router.js';
import { serveStatic } from './static-files.js';

/** Large enough for a HAR import of a few thousand captures; anything bigger is refused with 413. */
export const MAX_API_BODY_BYTES = 64 * 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

export interface ApiServerOptions {
  engine: Engine;
  token: string;
  host: string;
  port: number;
  /** The built renderer; absent = API only. */
  rendererDir?: string;
}

export interface RunningApiServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const guard = new RequestGuard(options.token);
  const router = new Router();
  const liveStreams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => sendError(res, err));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    const origin = guard.checkOrigin(req);
    if (!origin.ok)
      return sendJson(res, origin.status, { error: { code: 'forbidden', message: origin.message } });
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      if ((req.method === 'GET' || req.method === 'HEAD') && options.rendererDir) {
        if (await serveStatic(options.rendererDir, url.pathname, res)) return;
      }
      return sendJson(res, 404, { error: { code: 'not_found', message: `nothing at ${url.pathname}` } });
    }
    const token = guard.checkToken(req);
    if (!token.ok) {
      res.setHeader('www-authenticate', 'Bearer realm="hookscope"');
      return sendJson(res, token.status, { error: { code: 'unauthorized', message: token.message } });
    }
    if (url.pathname === '/api/live' && req.method === 'GET') return openLive(res);

    const match = router.match(req.method ?? 'GET', url.pathname);
    if (!match) {
      return sendJson(res, 404, {
        error: { code: 'not_found', message: `no API route ${req.method} ${url.pathname} (see docs/api.md)` },
      });
    }
    if ('allowed' in match) {
      res.setHeader('allow', match.allowed.join(', '));
      return sendJson(res, 405, {
        error: {
          code: 'bad_request',
          message: `${req.method} is not allowed on ${url.pathname}; use ${match.allowed.join(' or ')}`,
        },
      });
    }
    const params: Record<string, unknown> =
      req.method === 'GET' || req.method === 'DELETE' ? queryParams(url) : await readJsonBody(req);
    Object.assign(params, match.pathParams);
    const ctx = { transport: 'http' as const, actor: `api ${req.socket.remoteAddress ?? ''}`.trim() };
    const result = await options.engine.call(match.name, params, ctx);
    const def = contract[match.name];
    if ('raw' in def && def.raw) {
      const body = typeof result === 'string' ? result : JSON.stringify(result);
      res.writeHead(200, { 'content-type': def.raw, 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    sendJson(res, 200, result ?? null);
  }

  function openLive(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(formatSse('health', options.engine.health()));
    const unsubscribe = options.engine.live.subscribe((m) => res.write(formatSse(m.event, m.data)));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    liveStreams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      liveStreams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  guard.setPort(port);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of liveStreams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function queryParams(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_API_BODY_BYTES) {
      throw new HookscopeError(
        'payload_too_large',
        `request body over ${MAX_API_BODY_BYTES / 1024 / 1024} MB`,
      );
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new BadRequestError(`send JSON with "Content-Type: application/json" (got "${type || 'none'}")`);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw new BadRequestError(`the request body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new BadRequestError('the request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: ServerResponse, err: unknown): void {
  const wire = toWireError(err);
  if (wire.code === 'internal') console.error('[hookscope] internal error:', err);
  sendJson(res, statusOf(wire.code), { error: wire });
}
