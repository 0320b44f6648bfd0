/**
 * Streams a segment line by line with byte offsets, so opening a store never holds more than one chunk
 * (plus one partial line) of a segment in memory, however large the segment is.
 */
import fs from 'node:fs';

/** Big enough for few syscalls, small enough to keep open-time memory flat. */
const SCAN_CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

export interface ScanResult {
  /** File size in bytes. */
  size: number;
  /** Bytes after the last newline: an entry whose write never completed. */
  tail?: { offset: number; length: number };
}

/** Calls `onLine` with each newline-terminated line (newline excluded), its offset and length (included). */
export async function scanLines(
  file: string,
  onLine: (line: Buffer, offset: number, length: number) => void,
): Promise<ScanResult> {
  const stream = fs.createReadStream(file, { highWaterMark: SCAN_CHUNK_BYTES });
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let lineStart = 0;
  let consumed = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      const piece = chunk.subarray(from, nl);
      const line = carryBytes > 0 ? Buffer.concat([...carry, piece]) : piece;
      const length = line.length + 1;
      onLine(line, lineStart, length);
      lineStart += length;
      carry = [];
      carryBytes = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      // Copy: the stream may reuse its buffer once we move on.
      carry.push(Buffer.from(chunk.subarray(from)));
      carryBytes += chunk.length - from;
    }
    consumed += chunk.length;
  }
  return carryBytes > 0
    ? { size: consumed, tail: { offset: lineStart, length: carryBytes } }
    : { size: consumed };
}
