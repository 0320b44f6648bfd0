/**
 * Asks a localtunnel server for a tunnel: `GET {host}/?new` or `GET {host}/{subdomain}` answers
 * `{id, port, max_conn_count, url}`. One bounded attempt (time limit, abort signal, size limit) whose
 * failure says what went wrong and whether retrying can help. This replaces the localtunnel client's own
 * request loop, which retries every second forever, cannot be stopped by `close()`, and never reports why.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { describeNetworkError, SubdomainRefusedError, TunnelRegistrationError } from './tunnel-errors.js';

export interface TunnelRegistration {
  /** The client id: the public URL's first label. */
  id: string;
  /** The server's TCP port for this client's tunnel sockets. */
  port: number;
  maxConnCount: number;
  url: string;
  /** Some servers name the address to connect the sockets to. */
  ip?: string;
}

export interface RegisterOptions {
  /** e.g. https://localtunnel.me (no trailing slash needed). */
  host: string;
  subdomain?: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/** A registration answer is a few hundred bytes; anything this big is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_REDIRECTS = 3;
/** The public server allows 10 sockets per client; never open more, whatever a server says. */
const MAX_CONN_COUNT = 10;
const USER_AGENT = 'hookscope-tunnel';
const CLIENT_ID = /^[A-Za-z0-9-]{1,63}$/;

export async function register(options: RegisterOptions): Promise<TunnelRegistration> {
  const base = options.host.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  let url = `${base}/${options.subdomain ?? '?new'}`;
  for (let hop = 0; ; hop++) {
    const answer = await get(url, options, origin);
    if (answer.status >= 300 && answer.status < 400 && answer.location && hop < MAX_REDIRECTS) {
      url = new URL(answer.location, url).href;
      continue;
    }
    return interpret(answer, origin, options.subdomain);
  }
}

interface Answer {
  status: number;
  body: string;
  location?: string;
}

function interpret(answer: Answer, origin: string, subdomain: string | undefined): TunnelRegistration {
  const what = subdomain ? `the subdomain "${subdomain}"` : 'a new tunnel';
  const body = parseJson(answer.body);
  if (answer.status !== 200) {
    const said = typeof body?.message === 'string' ? body.message : `HTTP ${answer.status}`;
    // 429 and 5xx are the server's passing trouble; any other refusal stays a refusal when repeated.
    const retryable = answer.status === 429 || answer.status >= 500;
    const message = `the tunnel server at ${origin} refused ${what}: ${said}`;
    if (subdomain && !retryable) throw new SubdomainRefusedError(message, false);
    return fail(message, retryable);
  }
  const { id, port, max_conn_count: maxConn, url, ip } = body ?? {};
  if (
    typeof id !== 'string' ||
    !CLIENT_ID.test(id) ||
    !isPort(port) ||
    typeof url !== 'string' ||
    !isHttpUrl(url)
  ) {
    return fail(
      `${origin} answered, but it is not a localtunnel server (expected JSON with id, port and url); check the tunnel host`,
      false,
    );
  }
  const count = typeof maxConn === 'number' && Number.isInteger(maxConn) && maxConn > 0 ? maxConn : 1;
  return {
    id,
    port,
    url: url.replace(/\/+$/, ''),
    maxConnCount: Math.min(count, MAX_CONN_COUNT),
    ...(typeof ip === 'string' && ip ? { ip } : {}),
  };
}

function fail(message: string, retryable: boolean): never {
  throw new TunnelRegistrationError(message, retryable);
}

function get(url: string, options: RegisterOptions, origin: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(
      url,
      {
        signal: options.signal,
        timeout: options.timeoutMs,
        agent: false,
        headers: { accept: 'application/json', 'user-agent': USER_AGENT },
      },
      (res) =>
        readAnswer(res).then(resolve, (err) => reject(describeNetworkError(err, origin, options.timeoutMs))),
    );
    // The overall limit, not only the idle one `timeout` gives: a server that drips bytes still ends here.
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })),
      options.timeoutMs,
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', (err) => reject(describeNetworkError(err, origin, options.timeoutMs)));
    req.on('close', () => clearTimeout(timer));
  });
}

async function readAnswer(res: IncomingMessage): Promise<Answer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANSWER_BYTES) {
      res.destroy();
      break;
    }
    chunks.push(chunk as Buffer);
  }
  const location = res.headers.location;
  return {
    status: res.statusCode ?? 0,
    body: size > MAX_ANSWER_BYTES ? '' : Buffer.concat(chunks).toString('utf8'),
    ...(location ? { location } : {}),
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isPort = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
