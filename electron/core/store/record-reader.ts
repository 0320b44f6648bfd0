/**
 * Reads records by position: only the bytes of the requested lines, never a whole segment. Ranges that
 * touch each other in the same segment (a page of consecutive records, the common case) become one read.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isNotFound } from './private-fs.js';
import { segmentName } from './segment-files.js';
import type { StoreProbe } from './store-probe.js';

export interface ByteRange {
  seg: number;
  off: number;
  len: number;
}

interface Run {
  off: number;
  end: number;
  members: number[];
}

function runsOf(ranges: ByteRange[], indexes: number[]): Run[] {
  const sorted = [...indexes].sort((a, b) => ranges[a]!.off - ranges[b]!.off);
  const runs: Run[] = [];
  for (const i of sorted) {
    const { off, len } = ranges[i]!;
    const last = runs.at(-1);
    if (last && off === last.end) {
      last.end = off + len;
      last.members.push(i);
    } else {
      runs.push({ off, end: off + len, members: [i] });
    }
  }
  return runs;
}

/**
 * Returns each range's bytes in input order; undefined where the segment no longer exists (retention
 * dropped it after the caller looked the record up, so the record is gone anyway).
 */
export async function readRanges(
  dir: string,
  ranges: ByteRange[],
  probe: StoreProbe | undefined,
): Promise<(Buffer | undefined)[]> {
  const out: (Buffer | undefined)[] = new Array(ranges.length).fill(undefined);
  const bySeg = new Map<number, number[]>();
  for (const [i, range] of ranges.entries()) {
    const list = bySeg.get(range.seg);
    if (list) list.push(i);
    else bySeg.set(range.seg, [i]);
  }
  await Promise.all(
    [...bySeg].map(async ([seg, indexes]) => {
      const name = segmentName(seg);
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(path.join(dir, name), 'r');
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      try {
        for (const run of runsOf(ranges, indexes)) {
          const buffer = Buffer.alloc(run.end - run.off);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, run.off);
          probe?.read?.(name, run.off, bytesRead);
          for (const i of run.members) {
            const { off, len } = ranges[i]!;
            const start = off - run.off;
            if (start + len <= bytesRead) out[i] = buffer.subarray(start, start + len);
          }
        }
      } finally {
        await handle.close();
      }
    }),
  );
  return out;
}
