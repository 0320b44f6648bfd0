/** Shared set-up for record store tests: a store on a temp dir with an I/O probe and a settable clock. */

import { RecordStore, type RecordStoreOptions } from '../../../electron/core/store/record-store.js';
import type { StoreIssue } from '../../../shared/contract/system.js';
import { tempDir } from './temp-dirs.js';

export interface Capture {
  id: string;
  body: string;
}

export const LOTS = { maxAgeMs: Number.MAX_SAFE_INTEGER, maxCount: Number.MAX_SAFE_INTEGER };

export interface Harness {
  dir: string;
  clock: { now: number };
  io: { writes: number; syncs: number; bytesRead: number; reads: number; writeFiles: string[] };
  issues: StoreIssue[];
  open(extra?: Partial<RecordStoreOptions>): Promise<RecordStore<Capture>>;
}

export async function harness(defaults: Partial<RecordStoreOptions> = {}): Promise<Harness> {
  const dir = await tempDir();
  const clock = { now: 1_000_000 };
  const io = { writes: 0, syncs: 0, bytesRead: 0, reads: 0, writeFiles: [] as string[] };
  const issues: StoreIssue[] = [];
  return {
    dir,
    clock,
    io,
    issues,
    open: (extra = {}) =>
      RecordStore.open<Capture>({
        dir,
        retention: LOTS,
        now: () => clock.now,
        onIssue: (issue) => issues.push(issue),
        probe: {
          write: (file) => {
            io.writes++;
            io.writeFiles.push(file);
          },
          sync: () => {
            io.syncs++;
          },
          read: (_file, _position, bytes) => {
            io.reads++;
            io.bytesRead += bytes;
          },
        },
        ...defaults,
        ...extra,
      }),
  };
}

export const capture = (n: number, body = `body ${n}`): Capture => ({ id: `cap_${n}`, body });

export const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);
