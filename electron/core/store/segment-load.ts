/**
 * Reads one segment at open time and repairs it. An incomplete last line (a crash mid-write) is saved to
 * quarantine and cut off; unreadable lines in the middle make us copy the whole file to quarantine and
 * rewrite the live file without them. Every readable line is kept and nothing is ever silently dropped.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { StoreIssue } from '../../../shared/contract/system.js';
import { syncDir } from './private-fs.js';
import { copyAside, saveBytesAside } from './quarantine.js';
import { decodeLine, isTombstone, type RecordMeta } from './record-line.js';
import { rewriteWithout } from './segment-rewrite.js';
import { scanLines } from './segment-scan.js';

/** One readable line, reduced to what the index keeps (the record body is not held). */
export interface LoadedLine {
  id: string;
  at: number;
  meta: RecordMeta | undefined;
  deleted: boolean;
  off: number;
  len: number;
}

export interface LoadedSegment {
  lines: LoadedLine[];
  /** Size after repair: where the next append goes. */
  size: number;
}

export interface LoadContext {
  /** Issue paths are relative to this directory. */
  root: string;
  now: () => number;
  onIssue: (issue: StoreIssue) => void;
}

interface Damage {
  offset: number;
  length: number;
}

export async function loadSegment(file: string, ctx: LoadContext): Promise<LoadedSegment> {
  const lines: LoadedLine[] = [];
  const bad: Damage[] = [];
  // Bytes of unreadable lines before the current one: a kept line's offset after the rewrite.
  let removed = 0;
  const scan = await scanLines(file, (bytes, off, len) => {
    const line = decodeLine(bytes.toString('utf8'));
    if (!line) {
      bad.push({ offset: off, length: len });
      removed += len;
      return;
    }
    const deleted = isTombstone(line);
    const meta = deleted ? undefined : line.meta;
    lines.push({ id: line.id, at: line.at, meta, deleted, off: off - removed, len });
  });
  const name = path.basename(file);
  const at = ctx.now();
  if (bad.length > 0) {
    const first = bad[0]!;
    const tailNote = scan.tail ? ` and an incomplete last line of ${scan.tail.length} byte(s)` : '';
    const reason =
      `${bad.length} unreadable line(s) in ${name} (the first at byte ${first.offset})${tailNote}; ` +
      `the whole file was copied here and the ${lines.length} readable line(s) kept in the live file`;
    ctx.onIssue(await copyAside({ root: ctx.root, file, at }, reason));
    const drop = scan.tail ? [...bad, scan.tail] : bad;
    const size = await rewriteWithout(file, drop, scan.size);
    return { lines, size };
  }
  if (scan.tail) {
    const { offset, length } = scan.tail;
    const reason =
      `the last line of ${name} was incomplete (a crash during a write?): its ${length} byte(s) at byte ` +
      `${offset} were saved here and cut off; the ${lines.length} line(s) before it are kept`;
    const handle = await fsp.open(file, 'r+');
    try {
      const tail = Buffer.alloc(length);
      await handle.read(tail, 0, length, offset);
      ctx.onIssue(await saveBytesAside({ root: ctx.root, file, tag: 'tail', at }, tail, reason));
      await handle.truncate(offset);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDir(path.dirname(file));
    return { lines, size: offset };
  }
  return { lines, size: scan.size };
}
