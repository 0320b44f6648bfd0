/**
 * Reads a request body up to a limit, whatever the sender does: a body over the limit stops being kept
 * (and the caller answers 413), a sender that resets or stalls until the server's timeout ends the read
 * with a reason instead of an exception.
 */
import type { IncomingMessage } from 'node:http';

export interface BodyRead {
  /** The bytes, or undefined when they were not kept (over the limit). */
  bytes: Buffer | undefined;
  /** Bytes seen (for an early 413 this is the declared Content-Length). */
  size: number;
  overLimit: boolean;
  /** Set when the body did not arrive whole: the sender went away or timed out. */
  incomplete?: string;
  ms: number;
}

const INCOMPLETE = 'the sender closed the connection, or timed out, before the body was complete';

export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const started = performance.now();
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Known too big before a byte arrives: do not read it at all.
    return Promise.resolve({ bytes: undefined, size: declared, overLimit: true, ms: 0 });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Omit<BodyRead, 'ms'>) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve({ ...result, ms: performance.now() - started });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish({ bytes: undefined, size, overLimit: true });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      finish({ bytes, size, overLimit: false });
    });
    const cutShort = (why: string) =>
      finish({ bytes: Buffer.concat(chunks), size, overLimit: false, incomplete: `${INCOMPLETE} (${why})` });
    req.on('error', (err) => cutShort(err.message));
    req.on('close', () => {
      if (!req.complete) cutShort('connection closed');
    });
  });
}
