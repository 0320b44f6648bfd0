/**
 * Writes the planned answer once the capture is durable: the configured response (after its delay), a
 * hang that holds the request until the sender gives up, or a connection reset. Every path tolerates a
 * sender that already left.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlannedResponse } from './response-plan.js';

/** A hang never outlives this, so a forgotten sender cannot pin a socket forever. */
export const HANG_MAX_MS = 10 * 60_000;
export const CAPTURE_ID_HEADER = 'x-hookscope-capture';
/** We compute these ourselves; a configured value would corrupt the framing. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

export interface SendOptions {
  captureId: string;
  /** Close the connection after answering (the body was not read, so the stream cannot be reused). */
  close: boolean;
  /** hang: called with how long the request was held once the sender gives up. */
  onHangEnd?: (heldMs: number) => void;
}

export async function sendPlanned(
  req: IncomingMessage,
  res: ServerResponse,
  planned: PlannedResponse,
  options: SendOptions,
): Promise<void> {
  if (res.destroyed || res.writableEnded) return;
  if (planned.kind === 'reset') {
    try {
      req.socket.resetAndDestroy();
    } catch {
      // Only plain TCP sockets can send an RST (a TLS socket throws); dropping it is the closest we get.
      req.socket.destroy();
    }
    return;
  }
  if (planned.kind === 'hang') return hang(res, options.onHangEnd);
  if (planned.status === undefined) {
    res.destroy();
    return;
  }
  if (planned.delayMs > 0 && !(await delay(res, planned.delayMs))) return;
  const body = Buffer.from(planned.body, 'utf8');
  const flat: string[] = [];
  for (const [name, value] of planned.headers) {
    if (!FRAMING_HEADERS.has(name.toLowerCase())) flat.push(name, value);
  }
  flat.push(CAPTURE_ID_HEADER, options.captureId, 'content-length', String(body.length));
  if (options.close) flat.push('connection', 'close');
  res.writeHead(planned.status, flat);
  res.end(body);
}

/** Resolves true after `ms`, or false as soon as the sender goes away. */
function delay(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

function hang(res: ServerResponse, onEnd: ((heldMs: number) => void) | undefined): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const limit = setTimeout(() => res.destroy(), HANG_MAX_MS);
    res.once('close', () => {
      clearTimeout(limit);
      onEnd?.(Math.round(performance.now() - started));
      resolve();
    });
  });
}
