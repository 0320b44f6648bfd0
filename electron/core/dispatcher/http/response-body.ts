/**
 * Reads a response body for the log: keeps the first LOG_LIMIT bytes, counts the rest, and stops reading
 * (closing that connection) past HARD_LIMIT so a receiver streaming forever cannot hold an attempt open.
 */
import { isUtf8 } from 'node:buffer';

/** Bytes of a response body kept in the delivery log; the rest is counted and flagged as truncated. */
export const RESPONSE_LOG_LIMIT = 64 * 1024;
/** Past this we stop reading altogether. */
export const RESPONSE_HARD_LIMIT = 16 * 1024 * 1024;
/** A UTF-8 character is at most 4 bytes: a cut can leave up to 3 of them dangling. */
const MAX_DANGLING_BYTES = 3;

export interface LoggedBody {
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  bodyBytes: number;
  truncated: boolean;
}

export async function readForLog(
  stream: AsyncIterable<Buffer> & { destroy(err?: Error): void },
  logLimit = RESPONSE_LOG_LIMIT,
  hardLimit = RESPONSE_HARD_LIMIT,
): Promise<LoggedBody> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (keptBytes < logLimit) {
      const slice = chunk.subarray(0, logLimit - keptBytes);
      kept.push(slice);
      keptBytes += slice.length;
    }
    if (total > hardLimit) {
      stream.destroy();
      break;
    }
  }
  return encodeForLog(Buffer.concat(kept), total);
}

/** Text when the kept bytes are UTF-8 (allowing a character cut in half at the limit), else base64. */
export function encodeForLog(bytes: Buffer, totalBytes: number): LoggedBody {
  const truncated = totalBytes > bytes.length;
  const cuts = truncated ? MAX_DANGLING_BYTES : 0;
  for (let cut = 0; cut <= cuts && cut <= bytes.length; cut++) {
    const candidate = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(candidate)) {
      return { body: candidate.toString('utf8'), bodyEncoding: 'utf8', bodyBytes: totalBytes, truncated };
    }
  }
  return { body: bytes.toString('base64'), bodyEncoding: 'base64', bodyBytes: totalBytes, truncated };
}
