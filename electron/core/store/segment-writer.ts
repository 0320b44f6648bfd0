/**
 * Appends batches of lines to segment files: one write and one fsync per segment a batch touches, rolling
 * to a new segment when the active one reaches its size or record limit. Only the active segment is ever
 * appended to; all others are sealed.
 */
import type { FileHandle } from 'node:fs/promises';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, PRIVATE_FILE_MODE, syncDir } from './private-fs.js';
import type { IndexEntry } from './record-index.js';
import { segmentName } from './segment-files.js';
import { StoreWriteError } from './store-errors.js';
import type { StoreProbe } from './store-probe.js';

export interface PendingLine {
  line: string;
  bytes: number;
  /** The index entry for a record line; undefined for a tombstone. */
  entry: IndexEntry | undefined;
}

export interface SegmentState {
  num: number;
  bytes: number;
  lines: number;
}

export interface WriterConfig {
  dir: string;
  maxBytes: number;
  maxRecords: number;
  fsync: boolean;
  probe: StoreProbe | undefined;
}

export interface AppendHooks {
  /** A line was given a place; called before any I/O so reads can be routed once it is durable. */
  place(line: PendingLine, seg: number, off: number): void;
  durable(lines: PendingLine[]): void;
  /** These lines did not reach the disk and must be retried. */
  undo(lines: PendingLine[]): void;
}

interface Group {
  state: SegmentState;
  beforeBytes: number;
  beforeLines: number;
  lines: PendingLine[];
}

export class SegmentWriter {
  readonly #segments = new Map<number, SegmentState>();
  #active: number;
  #handle: { num: number; file: FileHandle } | undefined;
  /** Set when a failed write could not be undone: that segment may end in garbage, so never append to it. */
  #mustRoll = false;
  /** Segments a write is in progress on; retention must not drop them. */
  readonly busy = new Set<number>();

  constructor(
    private readonly config: WriterConfig,
    existing: SegmentState[],
  ) {
    for (const state of existing) this.#segments.set(state.num, { ...state });
    this.#active = existing.at(-1)?.num ?? 1;
  }

  get active(): number {
    return this.#active;
  }

  /** Segment numbers, oldest first. */
  numbers(): number[] {
    return [...this.#segments.keys()];
  }

  async append(lines: PendingLine[], hooks: AppendHooks): Promise<void> {
    const groups = this.#plan(lines, hooks);
    for (const [i, group] of groups.entries()) {
      const { num } = group.state;
      this.busy.add(num);
      try {
        await this.#write(group);
      } catch (err) {
        await this.#undo(groups.slice(i), hooks);
        throw new StoreWriteError(path.join(this.config.dir, segmentName(num)), group.lines.length, err);
      } finally {
        this.busy.delete(num);
      }
      hooks.durable(group.lines);
    }
  }

  /** Deletes a sealed segment whose records are all gone. */
  async drop(num: number): Promise<void> {
    if (this.#handle?.num === num) await this.#closeHandle();
    try {
      await fsp.unlink(path.join(this.config.dir, segmentName(num)));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.#segments.delete(num);
  }

  async close(): Promise<void> {
    await this.#closeHandle();
  }

  #plan(lines: PendingLine[], hooks: AppendHooks): Group[] {
    const groups: Group[] = [];
    let state = this.#state(this.#active);
    for (const line of lines) {
      const full =
        state.lines >= this.config.maxRecords ||
        (state.lines > 0 && state.bytes + line.bytes > this.config.maxBytes);
      if (this.#mustRoll || full) {
        this.#mustRoll = false;
        this.#active++;
        state = this.#state(this.#active);
      }
      let group = groups.at(-1);
      if (group?.state !== state) {
        group = { state, beforeBytes: state.bytes, beforeLines: state.lines, lines: [] };
        groups.push(group);
      }
      hooks.place(line, state.num, state.bytes);
      state.bytes += line.bytes;
      state.lines++;
      group.lines.push(line);
    }
    return groups;
  }

  #state(num: number): SegmentState {
    let state = this.#segments.get(num);
    if (!state) {
      state = { num, bytes: 0, lines: 0 };
      this.#segments.set(num, state);
    }
    return state;
  }

  async #write(group: Group): Promise<void> {
    const { num } = group.state;
    const name = segmentName(num);
    const fresh = group.beforeBytes === 0;
    const file = await this.#open(num);
    const buffer = Buffer.from(group.lines.map((l) => l.line).join(''), 'utf8');
    for (let done = 0; done < buffer.length; ) {
      const { bytesWritten } = await file.write(buffer, done, buffer.length - done);
      this.config.probe?.write?.(name, bytesWritten);
      done += bytesWritten;
    }
    if (!this.config.fsync) return;
    // datasync also persists the new file size, which is all an append changes besides the data.
    await file.datasync();
    this.config.probe?.sync?.(name);
    if (fresh) await syncDir(this.config.dir);
  }

  async #open(num: number): Promise<FileHandle> {
    if (this.#handle?.num === num) return this.#handle.file;
    await this.#closeHandle();
    const file = await fsp.open(path.join(this.config.dir, segmentName(num)), 'a', PRIVATE_FILE_MODE);
    this.#handle = { num, file };
    return file;
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.file.close();
  }

  /** Puts the failed group and every later one back as they were, cutting off any partial write. */
  async #undo(groups: Group[], hooks: AppendHooks): Promise<void> {
    const [failed, ...later] = groups;
    if (!failed) return;
    for (const group of later) this.#segments.delete(group.state.num);
    failed.state.bytes = failed.beforeBytes;
    failed.state.lines = failed.beforeLines;
    this.#active = failed.state.num;
    try {
      if (this.#handle?.num === failed.state.num) await this.#handle.file.truncate(failed.beforeBytes);
    } catch {
      this.#mustRoll = true;
    }
    hooks.undo(groups.flatMap((group) => group.lines));
  }
}
