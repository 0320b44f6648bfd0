/**
 * Per-attempt wire facts from undici's diagnostics channels: the request head exactly as written, the
 * raw response header pairs in order, and when the first byte came back. Connection timings (DNS, TCP,
 * TLS) are taken by our connector on the socket itself and read here when a request goes out on it.
 * undici publishes on process-wide channels (Node's own fetch does too), so an attempt is recognised by
 * the identity of its body Buffer, which undici keeps as-is on its Request: unique, and robust even when
 * the request object is created later than the call (a pool queue).
 */
import dc from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** Stamped on every socket our connector opens. */
export interface SocketTiming {
  start: number;
  lookup?: number;
  connect?: number;
  secure?: number;
  /** Set once a request has been written on it: the next request reuses the connection. */
  used?: boolean;
}

export const SOCKET_TIMING = Symbol('hookscope.socketTiming');
export type TimedSocket = Socket & { [SOCKET_TIMING]?: SocketTiming };

export interface AttemptProbe {
  /** The request head as written, including the content-length line undici appends. */
  head?: string;
  socket?: SocketTiming;
  reused?: boolean;
  firstByte?: number;
  /** Raw response header pairs, in received order. */
  responseHeaders?: [string, string][];
}

interface UndiciRequest {
  body?: unknown;
  contentLength?: number | null;
}

const probes = new WeakMap<object, AttemptProbe>();
let installed = false;

/** Starts watching the request whose body is exactly `body` (a fresh Buffer per attempt). */
export function watch(body: Buffer): AttemptProbe {
  install();
  const probe: AttemptProbe = {};
  probes.set(body, probe);
  return probe;
}

const probeOf = (request: UndiciRequest): AttemptProbe | undefined =>
  request.body && typeof request.body === 'object' ? probes.get(request.body) : undefined;

function install(): void {
  if (installed) return;
  installed = true;
  dc.subscribe('undici:client:sendHeaders', (message) => {
    const { request, headers, socket } = message as {
      request: UndiciRequest;
      headers: string;
      socket: TimedSocket;
    };
    const probe = probeOf(request);
    if (!probe) return;
    const timing = socket[SOCKET_TIMING];
    const length = Buffer.isBuffer(request.body) ? request.body.length : 0;
    probe.head = `${headers}content-length: ${length}\r\n`;
    probe.reused = timing?.used === true;
    if (timing && !timing.used) probe.socket = timing;
    if (timing) timing.used = true;
  });
  dc.subscribe('undici:request:headers', (message) => {
    const { request, response } = message as { request: UndiciRequest; response: { headers: Buffer[] } };
    const probe = probeOf(request);
    if (!probe) return;
    probe.firstByte = performance.now();
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < response.headers.length; i += 2) {
      pairs.push([response.headers[i]!.toString('latin1'), response.headers[i + 1]!.toString('latin1')]);
    }
    probe.responseHeaders = pairs;
  });
}

/** Parses the head undici wrote ("POST /x HTTP/1.1\r\nname: value\r\n…") into header pairs. */
export function headPairs(head: string): [string, string][] {
  return head
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
}
