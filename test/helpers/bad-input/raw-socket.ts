/** Raw-socket HTTP for the receiver bad-input cases: send exact bytes, read whatever comes back. */
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/** Writes raw bytes (optionally in slow pieces) and reads the answer until the server closes. */
export function rawSend(url: string, pieces: Buffer[], pauseMs = 0): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no answer within 10 s to ${pieces
            .map((p) => p.toString('latin1'))
            .join('')
            .slice(0, 200)}`,
        ),
      );
    }, 10_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined); // a reset after the answer is fine; no answer is caught below
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body });
    });
    socket.on('connect', async () => {
      for (const p of pieces) {
        if (socket.destroyed) break;
        socket.write(p);
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
  });
}

/** A request head: the lines joined with CRLF and ended by the blank line. */
export const crlf = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
