/**
 * A segmented, append-only store for high-volume records (captures, deliveries, audit entries). Writes are
 * buffered and coalesced into one write + one fsync per segment; an in-memory index (rebuilt at open by
 * streaming the segments) answers get/page/count and points at each record's bytes, so a page reads only
 * its own records. Retention hides old records and deletes whole segments once nothing in them is live.
 */
import { BadRequestError } from '../../../shared/errors.js';
import { rebuildIndex } from './index-rebuild.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { ensurePrivateDir, syncDir } from './private-fs.js';
import { type RecordIndex, view } from './record-index.js';
import { compactMeta, encodeRecord, encodeTombstone, type MetaView, type RecordMeta } from './record-line.js';
import { loadRecords } from './record-loader.js';
import { SegmentWriter } from './segment-writer.js';
import { InvalidRecordError, StoreClosedError } from './store-errors.js';
import type { StoreProbe } from './store-probe.js';
import type { IssueSink } from './types.js';
import { WriteBuffer } from './write-buffer.js';

export type { MetaView, RecordMeta } from './record-line.js';
export type { StoreProbe } from './store-probe.js';
export { FLUSH_DEBOUNCE_MS } from './write-buffer.js';

export const DEFAULT_SEGMENT_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_SEGMENT_MAX_RECORDS = 20_000;

export interface Retention {
  maxAgeMs: number;
  maxCount: number;
}
/** A fixed policy, or a function read at each retention run (so a changed setting applies without a restart). */
export type RetentionSource = Retention | (() => Retention);

export interface RecordStoreOptions {
  dir: string;
  segmentMaxBytes?: number;
  segmentMaxRecords?: number;
  retention: RetentionSource;
  now?: () => number;
  onIssue?: IssueSink;
  /** Default true. Off only for throwaway data: a crash may then lose what was flushed. */
  fsync?: boolean;
  /** Issue paths are reported relative to this directory (the data dir); defaults to `dir`. */
  issueRoot?: string;
  probe?: StoreProbe;
}

export interface PageQuery {
  limit: number;
  before?: string;
  filter?: (m: MetaView) => boolean;
}

export class RecordStore<T extends { id: string }> {
  #closed = false;
  #closing: Promise<void> | undefined;
  readonly #buffer: WriteBuffer;

  private constructor(
    private readonly dir: string,
    private readonly retention: RecordStoreOptions['retention'],
    private readonly now: () => number,
    private readonly probe: StoreProbe | undefined,
    private readonly index: RecordIndex,
    private readonly writer: SegmentWriter,
  ) {
    this.#buffer = new WriteBuffer(index, writer);
  }

  static async open<T extends { id: string }>(opts: RecordStoreOptions): Promise<RecordStore<T>> {
    const now = opts.now ?? Date.now;
    await ensurePrivateDir(opts.dir);
    const { index, segments } = await rebuildIndex(opts.dir, {
      root: opts.issueRoot ?? opts.dir,
      now,
      onIssue: opts.onIssue ?? (() => undefined),
    });
    const writer = new SegmentWriter(
      {
        dir: opts.dir,
        maxBytes: opts.segmentMaxBytes ?? DEFAULT_SEGMENT_MAX_BYTES,
        maxRecords: opts.segmentMaxRecords ?? DEFAULT_SEGMENT_MAX_RECORDS,
        fsync: opts.fsync ?? true,
        probe: opts.probe,
      },
      segments,
    );
    const store = new RecordStore<T>(opts.dir, opts.retention, now, opts.probe, index, writer);
    // Retention settings may have tightened while the app was closed.
    await store.applyRetention();
    return store;
  }

  /** Buffers a record (visible at once to get/page/count); a record with the same id is replaced. */
  put(record: T, meta?: RecordMeta, at?: number): void {
    this.#assertOpen();
    const { id } = record;
    if (typeof id !== 'string' || id === '') {
      throw new InvalidRecordError('a record needs a non-empty string id');
    }
    const time = at ?? this.now();
    if (!Number.isFinite(time)) {
      throw new InvalidRecordError(`record "${id}" has an invalid time: ${String(at)}`);
    }
    const compact = compactMeta(meta);
    let line: string;
    try {
      line = encodeRecord(id, time, compact, record);
    } catch (err) {
      throw new InvalidRecordError(`record "${id}" cannot be stored as JSON: ${(err as Error).message}`);
    }
    this.#buffer.add(line, this.index.add(id, time, compact, line));
  }

  /** Removes a record (a tombstone line makes it stick across restarts). */
  delete(id: string): boolean {
    this.#assertOpen();
    if (!this.index.remove(id)) return false;
    // Always written: an older version of the id may be on disk even if the latest one never got there.
    this.#enqueueTombstone(id);
    return true;
  }

  async get(id: string): Promise<T | undefined> {
    this.#assertOpen();
    const entry = this.index.get(id);
    if (!entry) return undefined;
    const [record] = await loadRecords<T>(this.dir, [entry], this.probe);
    return record;
  }

  meta(id: string): MetaView | undefined {
    this.#assertOpen();
    const entry = this.index.get(id);
    return entry && view(entry);
  }

  /** Newest first. Filters run on the in-memory meta; only the records on the page are read from disk. */
  async page(q: PageQuery): Promise<{ items: T[]; nextBefore?: string }> {
    this.#assertOpen();
    if (!Number.isInteger(q.limit) || q.limit < 1) {
      throw new BadRequestError(`page limit must be a whole number of at least 1, got ${String(q.limit)}`);
    }
    const start = q.before === undefined ? undefined : decodeCursor(q.before);
    const { entries, more } = this.index.page(q.limit, start, q.filter);
    const records = await loadRecords<T>(this.dir, entries, this.probe);
    const items = records.filter((r): r is T => r !== undefined);
    const last = entries.at(-1);
    return more && last ? { items, nextBefore: encodeCursor(last.at, last.id) } : { items };
  }

  count(): number {
    return this.index.size;
  }

  /** Makes everything put or deleted so far durable. Concurrent callers share flushes (group commit). */
  flush(): Promise<void> {
    this.#assertOpen();
    return this.#buffer.flush();
  }

  /** Hides records past the age or count limit, then deletes the oldest segments left with nothing live. */
  async applyRetention(): Promise<{ removed: number }> {
    this.#assertOpen();
    const { maxAgeMs, maxCount } = typeof this.retention === 'function' ? this.retention() : this.retention;
    const victims = this.index.expire(this.now() - maxAgeMs, maxCount);
    // Replacements and deletes must be on disk before the versions they supersede can be deleted.
    await this.flush();
    const dropped = this.#droppableSegments();
    for (const victim of victims) {
      // A victim in a kept segment needs a tombstone, or a reopen (or a raised limit) would bring it back.
      if (!dropped.has(victim.seg)) this.#enqueueTombstone(victim.id);
    }
    if (victims.length > 0) await this.flush();
    let deleted = 0;
    for (const num of dropped) {
      // Still oldest-first: stop at the first segment that gained a reason to stay while we flushed.
      if (!this.#canDrop(num)) break;
      await this.writer.drop(num);
      this.index.forgetSegment(num);
      dropped.delete(num);
      deleted++;
    }
    // Segments that stayed after all: their victims need the tombstones we skipped (written in the background).
    for (const victim of victims) if (dropped.has(victim.seg)) this.#enqueueTombstone(victim.id);
    if (deleted > 0) await syncDir(this.dir);
    return { removed: victims.length };
  }

  /** Flushes everything (including puts made while closing), then refuses further use. Safe to call twice. */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closing ??= this.#closeNow().finally(() => {
      this.#closing = undefined;
    });
    return this.#closing;
  }

  async #closeNow(): Promise<void> {
    await this.#buffer.drain();
    this.#closed = true;
    await this.writer.close();
  }

  /**
   * Only the oldest segments go, in order: a later segment may hold the tombstone or newer version that
   * keeps a record in an older one dead, so dropping it first could bring that record back on reopen.
   */
  #droppableSegments(): Set<number> {
    const dropped = new Set<number>();
    for (const num of this.writer.numbers()) {
      if (!this.#canDrop(num)) break;
      dropped.add(num);
    }
    return dropped;
  }

  #canDrop(num: number): boolean {
    return num !== this.writer.active && !this.writer.busy.has(num) && this.index.liveIn(num) === 0;
  }

  #enqueueTombstone(id: string): void {
    this.#buffer.add(encodeTombstone(id, this.now()), undefined);
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError(this.dir);
  }
}
