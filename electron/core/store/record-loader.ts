/** Turns index entries into records: from the write buffer while a line is not on disk yet, else by position. */
import path from 'node:path';
import type { IndexEntry } from './record-index.js';
import { decodeLine, isTombstone } from './record-line.js';
import { readRanges } from './record-reader.js';
import { segmentName } from './segment-files.js';
import { CorruptRecordError } from './store-errors.js';
import type { StoreProbe } from './store-probe.js';

/** Records in entry order; undefined for ones retention removed (and whose segment it deleted) meanwhile. */
export async function loadRecords<T>(
  dir: string,
  entries: IndexEntry[],
  probe: StoreProbe | undefined,
): Promise<(T | undefined)[]> {
  // Snapshot first: a line can reach the disk (and leave memory) while we await the reads.
  const snapshot = entries.map((e) => ({ entry: e, line: e.line, seg: e.seg, off: e.off, len: e.len }));
  const onDisk = snapshot.filter((s) => s.line === undefined);
  const bytes = await readRanges(dir, onDisk, probe);
  const fromDisk = new Map(onDisk.map((s, i) => [s, bytes[i]]));
  return snapshot.map((s) => {
    const raw = s.line ?? fromDisk.get(s)?.toString('utf8');
    const line = raw === undefined ? undefined : decodeLine(raw.trimEnd());
    if (line && !isTombstone(line) && line.id === s.entry.id) return line.rec as T;
    if (raw === undefined && s.entry.dead) return undefined;
    throw new CorruptRecordError(s.entry.id, path.join(dir, segmentName(s.seg)), s.off);
  });
}
