/** Rewrites a segment without some byte ranges, copying the rest in bounded chunks (never the whole file). */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE, syncDir } from './private-fs.js';

const COPY_CHUNK_BYTES = 1024 * 1024;
const TEMP_SUFFIX = '.rewrite';

interface Range {
  offset: number;
  length: number;
}

/** Keeps every byte of `file` outside `drop` (sorted, non-overlapping); returns the new size. */
export async function rewriteWithout(file: string, drop: Range[], size: number): Promise<number> {
  const keep: Range[] = [];
  let pos = 0;
  for (const range of drop) {
    if (range.offset > pos) keep.push({ offset: pos, length: range.offset - pos });
    pos = range.offset + range.length;
  }
  if (pos < size) keep.push({ offset: pos, length: size - pos });

  // Write beside the original and rename over it, so a crash leaves either the old or the new file.
  const temp = `${file}${TEMP_SUFFIX}`;
  const source = await fsp.open(file, 'r');
  const target = await fsp.open(temp, 'w', PRIVATE_FILE_MODE);
  let written = 0;
  try {
    const buffer = Buffer.alloc(Math.min(COPY_CHUNK_BYTES, Math.max(size, 1)));
    for (const range of keep) {
      for (let done = 0; done < range.length; ) {
        const want = Math.min(buffer.length, range.length - done);
        const { bytesRead } = await source.read(buffer, 0, want, range.offset + done);
        if (bytesRead === 0) break;
        await target.write(buffer, 0, bytesRead);
        done += bytesRead;
        written += bytesRead;
      }
    }
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
  await fsp.rename(temp, file);
  await syncDir(path.dirname(file));
  return written;
}
