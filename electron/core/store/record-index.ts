/**
 * The in-memory index: id → where the latest version lives, plus the time order used for paging and
 * retention. One small object per live record (id, time, meta and a file position); record bodies stay on
 * disk except while they wait in the write buffer.
 */
import type { MetaView, RecordMeta } from './record-line.js';

/** Dead entries linger in the time order until they are this many and at least half of it. */
const COMPACT_MIN_DEAD = 1024;

export interface IndexEntry {
  readonly id: string;
  readonly at: number;
  /** Insertion order; breaks ties between equal times so same-millisecond records keep their order. */
  readonly seq: number;
  readonly meta: RecordMeta | undefined;
  /** Segment number, or 0 while the record is only in the write buffer. */
  seg: number;
  off: number;
  len: number;
  /** The encoded line until it is on disk; reads are served from it meanwhile. */
  line: string | undefined;
  dead: boolean;
}

const before = (a: IndexEntry, at: number, seq: number): boolean => a.at < at || (a.at === at && a.seq < seq);

export class RecordIndex {
  readonly #byId = new Map<string, IndexEntry>();
  /** Ascending by (at, seq). */
  #order: IndexEntry[] = [];
  #dead = 0;
  #seq = 0;
  #bulk = false;
  readonly #liveBySeg = new Map<number, number>();

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): IndexEntry | undefined {
    return this.#byId.get(id);
  }

  /** Adds the latest version of a record; an older version of the same id dies. */
  add(id: string, at: number, meta: RecordMeta | undefined, line: string | undefined): IndexEntry {
    this.remove(id);
    const entry: IndexEntry = { id, at, seq: ++this.#seq, meta, seg: 0, off: 0, len: 0, line, dead: false };
    this.#byId.set(id, entry);
    const last = this.#order.at(-1);
    if (this.#bulk || !last || !before(entry, last.at, last.seq)) this.#order.push(entry);
    else this.#order.splice(this.#lowerBound(at, entry.seq), 0, entry);
    return entry;
  }

  /** Kills the live version of `id`, if any, and returns it. */
  remove(id: string): IndexEntry | undefined {
    const entry = this.#byId.get(id);
    if (entry) this.kill(entry);
    return entry;
  }

  kill(entry: IndexEntry): void {
    if (entry.dead) return;
    entry.dead = true;
    entry.line = undefined;
    this.#byId.delete(entry.id);
    if (entry.seg !== 0) this.#liveBySeg.set(entry.seg, (this.#liveBySeg.get(entry.seg) ?? 1) - 1);
    this.#dead++;
    if (!this.#bulk && this.#dead >= COMPACT_MIN_DEAD && this.#dead * 2 >= this.#order.length)
      this.#compact();
  }

  /** Records where a live entry is (being) written. */
  place(entry: IndexEntry, seg: number, off: number, len: number): void {
    entry.seg = seg;
    entry.off = off;
    entry.len = len;
    if (!entry.dead) this.#liveBySeg.set(seg, (this.#liveBySeg.get(seg) ?? 0) + 1);
  }

  /** Undoes place() after a failed write; the entry is back to buffer-only. */
  unplace(entry: IndexEntry): void {
    if (entry.seg !== 0 && !entry.dead)
      this.#liveBySeg.set(entry.seg, (this.#liveBySeg.get(entry.seg) ?? 1) - 1);
    entry.seg = 0;
  }

  liveIn(seg: number): number {
    return this.#liveBySeg.get(seg) ?? 0;
  }

  forgetSegment(seg: number): void {
    this.#liveBySeg.delete(seg);
  }

  /** While loading, entries arrive in file order; sorting once at the end beats inserting each in place. */
  beginBulk(): void {
    this.#bulk = true;
  }

  endBulk(): void {
    this.#bulk = false;
    this.#order = this.#order.filter((e) => !e.dead).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.#dead = 0;
  }

  /** Kills records older than `cutoff`, then the oldest beyond `maxCount`; returns what it killed. */
  expire(cutoff: number, maxCount: number): IndexEntry[] {
    const victims: IndexEntry[] = [];
    for (const entry of this.#order) {
      if (entry.dead) continue;
      if (entry.at >= cutoff && this.#byId.size <= maxCount) break;
      this.kill(entry);
      victims.push(entry);
    }
    return victims;
  }

  /** Newest first, strictly older than `start` (exclusive position); `more` says whether matches remain. */
  page(
    limit: number,
    start: { at: number; id: string } | undefined,
    filter?: (m: MetaView) => boolean,
  ): { entries: IndexEntry[]; more: boolean } {
    const entries: IndexEntry[] = [];
    for (let i = this.#startIndex(start); i >= 0; i--) {
      const entry = this.#order[i]!;
      if (entry.dead || (filter && !filter(view(entry)))) continue;
      if (entries.length === limit) return { entries, more: true };
      entries.push(entry);
    }
    return { entries, more: false };
  }

  #startIndex(start: { at: number; id: string } | undefined): number {
    if (!start) return this.#order.length - 1;
    const current = this.#byId.get(start.id);
    // The cursor's record is still there: continue right below it. Otherwise fall back to its time.
    if (current && current.at === start.at) return this.#lowerBound(current.at, current.seq) - 1;
    return this.#lowerBound(start.at, 0) - 1;
  }

  /** First position whose (at, seq) is not below the given one. */
  #lowerBound(at: number, seq: number): number {
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.#order[mid]!, at, seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #compact(): void {
    this.#order = this.#order.filter((e) => !e.dead);
    this.#dead = 0;
  }
}

/** A fresh object each time, so callers cannot change the index through it. */
export const view = (entry: IndexEntry): MetaView => ({ ...entry.meta, id: entry.id, at: entry.at });
