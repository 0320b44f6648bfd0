/**
 * Where put() and delete() lines wait for the disk. A short debounce lets a burst become one write; group
 * commit lets concurrent flush() callers share one fsync; a failed write puts its lines back for a retry.
 */
import { GroupCommit } from './group-commit.js';
import type { IndexEntry, RecordIndex } from './record-index.js';
import type { PendingLine, SegmentWriter } from './segment-writer.js';

/** How long a put waits for company before writing: long enough to batch a burst, short enough to be unfelt. */
export const FLUSH_DEBOUNCE_MS = 10;
/** After a flush failed (disk full?), wait this long before the background tries again. */
const FLUSH_RETRY_MS = 1000;
/** A burst this large is written at once instead of waiting for the debounce. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export class WriteBuffer {
  #lines: PendingLine[] = [];
  #bytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #commit = new GroupCommit(() => this.#flushNow());

  constructor(
    private readonly index: RecordIndex,
    private readonly writer: SegmentWriter,
  ) {}

  /** Buffers an encoded line; `entry` is the index entry of a record line, undefined for a tombstone. */
  add(line: string, entry: IndexEntry | undefined): void {
    const bytes = Buffer.byteLength(line);
    this.#lines.push({ line, bytes, entry });
    this.#bytes += bytes;
    this.#schedule(this.#bytes >= MAX_BUFFERED_BYTES ? 0 : FLUSH_DEBOUNCE_MS);
  }

  /** Resolves when everything buffered before the call is durable. */
  flush(): Promise<void> {
    return this.#commit.request();
  }

  /** Flushes until empty, including lines added while flushing, then stops the background timer. */
  async drain(): Promise<void> {
    do await this.#commit.request();
    while (this.#lines.length > 0);
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#commit.idle();
  }

  #schedule(delayMs: number): void {
    if (this.#timer && delayMs > 0) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#stopped) return;
      // Failed lines stay buffered; explicit flush() callers see the error, the background just retries.
      this.#commit.request().catch(() => this.#schedule(FLUSH_RETRY_MS));
    }, delayMs);
    // A pending flush must not keep a CLI alive; hosts call close() on shutdown to write the rest.
    this.#timer.unref();
  }

  async #flushNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Records replaced or deleted while buffered never need to reach the disk; tombstones always do.
    const batch = this.#lines.filter((p) => !p.entry?.dead);
    this.#lines = [];
    this.#bytes = 0;
    if (batch.length === 0) return;
    await this.writer.append(batch, {
      place: (p, seg, off) => p.entry && this.index.place(p.entry, seg, off, p.bytes),
      durable: (lines) => {
        for (const p of lines) if (p.entry) p.entry.line = undefined;
      },
      undo: (lines) => {
        for (const p of lines) if (p.entry) this.index.unplace(p.entry);
        this.#lines = [...lines, ...this.#lines];
        this.#bytes += lines.reduce((sum, p) => sum + p.bytes, 0);
        if (!this.#stopped) this.#schedule(FLUSH_RETRY_MS);
      },
    });
  }
}
