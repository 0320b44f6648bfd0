/**
 * Where captures and replays live: capture records in a RecordStore (metadata and small bodies), bigger
 * bodies as files beside it, replays in a store of their own. `commit` is the receiver's durability point:
 * it resolves once the capture (and its body file) would survive a crash, sharing the fsync with every
 * request that arrived meanwhile (the record store's group commit).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Replay } from '../../../../shared/contract/receiver.js';
import type { Page } from '../../../../shared/contract/system.js';
import type { MetaView, PageQuery, RecordStore } from '../../store/record-store.js';
import { BodyFiles, INLINE_BODY_MAX_BYTES } from './body-files.js';
import { type CaptureRecord, captureMeta } from './capture-record.js';

/** Replays listed with a capture's detail. */
const REPLAYS_PER_CAPTURE = 100;

/** The parts of RecordStore the capture store uses; tests wrap it (e.g. to slow flush down). */
export type Records<T extends { id: string }> = Pick<
  RecordStore<T>,
  'put' | 'flush' | 'get' | 'meta' | 'delete' | 'page' | 'count' | 'applyRetention' | 'close'
>;

export class CaptureStore {
  /** Captures whose body file exists but whose record is not put yet: the sweep must leave them alone. */
  private readonly writing = new Set<string>();

  private constructor(
    private readonly records: Records<CaptureRecord>,
    private readonly replayRecords: Records<Replay>,
    private readonly bodies: BodyFiles,
  ) {}

  static async open(
    records: Records<CaptureRecord>,
    replays: Records<Replay>,
    bodiesDir: string,
  ): Promise<CaptureStore> {
    const store = new CaptureStore(records, replays, await BodyFiles.open(bodiesDir));
    await store.sweepBodies();
    return store;
  }

  /** Sets `record.body` from the bytes (inline or file) and makes the capture durable. */
  async commit(record: CaptureRecord, bytes: Buffer | undefined, at: number): Promise<void> {
    if (bytes && !record.body.omitted) {
      record.body.sha256 = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length <= INLINE_BODY_MAX_BYTES) record.body.inline = bytes.toString('base64');
      else {
        this.writing.add(record.id);
        try {
          record.body.file = await this.bodies.write(record.id, bytes);
          this.records.put(record, captureMeta(record), at);
        } finally {
          this.writing.delete(record.id);
        }
        return this.records.flush();
      }
    }
    this.records.put(record, captureMeta(record), at);
    await this.records.flush();
  }

  /** Stores a later version (forward result, how long a hang lasted); written with the next flush. */
  update(record: CaptureRecord, at: number): void {
    if (!this.records.meta(record.id)) return; // deleted meanwhile: do not bring it back
    this.records.put(record, captureMeta(record), at);
  }

  get(id: string): Promise<CaptureRecord | undefined> {
    return this.records.get(id);
  }

  meta(id: string): MetaView | undefined {
    return this.records.meta(id);
  }

  /** The raw body bytes as received. */
  async body(record: CaptureRecord): Promise<Buffer> {
    if (record.body.inline !== undefined) return Buffer.from(record.body.inline, 'base64');
    if (record.body.file !== undefined) return this.bodies.read(record.body.file);
    return Buffer.alloc(0);
  }

  page(query: PageQuery): Promise<Page<CaptureRecord>> {
    return this.records.page(query);
  }

  /** Visits every capture's meta, newest first, without reading a record. */
  async scanMeta(visit: (meta: MetaView) => void): Promise<void> {
    await this.records.page({
      limit: 1,
      filter: (m) => {
        visit(m);
        return false;
      },
    });
  }

  async delete(id: string): Promise<boolean> {
    const record = await this.records.get(id);
    if (!record || !this.records.delete(id)) return false;
    for (const replay of await this.replays(id)) this.replayRecords.delete(replay.id);
    await Promise.all([this.records.flush(), this.replayRecords.flush()]);
    if (record.body.file) await this.bodies.remove(record.body.file);
    return true;
  }

  async addReplay(replay: Replay, at: number): Promise<void> {
    this.replayRecords.put(replay, { captureId: replay.captureId }, at);
    await this.replayRecords.flush();
  }

  async replays(captureId: string): Promise<Replay[]> {
    const page = await this.replayRecords.page({
      limit: REPLAYS_PER_CAPTURE,
      filter: (m) => m.captureId === captureId,
    });
    return page.items;
  }

  count(): number {
    return this.records.count();
  }

  /** Applies retention to captures and replays, then removes bodies whose capture is gone. */
  async applyRetention(): Promise<number> {
    const { removed } = await this.records.applyRetention();
    await this.replayRecords.applyRetention();
    if (removed > 0) await this.sweepBodies();
    return removed;
  }

  async close(): Promise<void> {
    await this.records.close();
    await this.replayRecords.close();
  }

  private sweepBodies(): Promise<number> {
    return this.bodies.sweep((id) => this.writing.has(id) || this.records.meta(id) !== undefined);
  }
}

export const bodiesDirBeside = (recordsDir: string): string =>
  path.join(path.dirname(recordsDir), 'capture-bodies');
