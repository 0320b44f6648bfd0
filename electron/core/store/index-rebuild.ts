/**
 * Rebuilds the index at open by streaming every segment in write order: later lines win, tombstones
 * remove. Damaged segments are repaired (and reported) by loadSegment on the way.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './private-fs.js';
import { RecordIndex } from './record-index.js';
import { listSegments, segmentName } from './segment-files.js';
import { type LoadContext, loadSegment } from './segment-load.js';
import type { SegmentState } from './segment-writer.js';

export async function rebuildIndex(
  dir: string,
  ctx: LoadContext,
): Promise<{ index: RecordIndex; segments: SegmentState[] }> {
  const index = new RecordIndex();
  const segments: SegmentState[] = [];
  index.beginBulk();
  for (const num of await listSegments(dir)) {
    const file = path.join(dir, segmentName(num));
    // Segments written by an older build may be world-readable.
    await fsp.chmod(file, PRIVATE_FILE_MODE);
    const loaded = await loadSegment(file, ctx);
    for (const line of loaded.lines) {
      if (line.deleted) {
        index.remove(line.id);
        continue;
      }
      const entry = index.add(line.id, line.at, line.meta, undefined);
      index.place(entry, num, line.off, line.len);
    }
    segments.push({ num, bytes: loaded.size, lines: loaded.lines.length });
  }
  index.endBulk();
  return { index, segments };
}
