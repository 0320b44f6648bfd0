import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FLUSH_DEBOUNCE_MS } from '../../../electron/core/store/record-store.js';
import { capture, harness } from './record-fixtures.js';

const segmentText = (dir: string, num = 1) =>
  readFileSync(join(dir, `seg-${String(num).padStart(6, '0')}.ndjson`), 'utf8');

describe('RecordStore writes', () => {
  it('coalesces many puts into one write and one fsync', async () => {
    const h = await harness();
    const store = await h.open();
    for (let n = 0; n < 1000; n++) store.put(capture(n));
    await store.flush();
    expect(h.io).toMatchObject({ writes: 1, syncs: 1 });
    expect(segmentText(h.dir).split('\n')).toHaveLength(1001);
    await store.close();
  });

  it('flushes a burst by itself shortly after the last put', async () => {
    const h = await harness();
    const store = await h.open();
    for (let n = 0; n < 100; n++) store.put(capture(n));
    expect(h.io.writes).toBe(0);
    const started = Date.now();
    // Polls rather than sleeping a fixed time: fsync latency on a busy disk varies a lot.
    await vi.waitFor(() => expect(h.io.syncs).toBe(1), { timeout: 5_000, interval: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(FLUSH_DEBOUNCE_MS - 1);
    expect(h.io.writes).toBe(1);
    await store.close();
  });

  it('resolves concurrent flush callers only after their data is durable, with one shared flush', async () => {
    const events: string[] = [];
    const h = await harness();
    const store = await h.open({ probe: { sync: () => events.push('fsync') } });
    store.put(capture(1));
    const callers = [1, 2, 3].map((n) => store.flush().then(() => events.push(`resolved ${n}`)));
    await Promise.all(callers);
    expect(events).toEqual(['fsync', 'resolved 1', 'resolved 2', 'resolved 3']);
    await store.close();
  });

  it('gives callers arriving during a flush the next flush, which includes what they put', async () => {
    const h = await harness();
    const late: Promise<void>[] = [];
    let writes = 0;
    const store = await h.open({
      probe: {
        write: () => {
          writes++;
          if (writes > 1) return;
          // While the first write is in flight, two more callers put and flush.
          store.put(capture(2));
          late.push(store.flush());
          store.put(capture(3));
          late.push(store.flush());
        },
      },
    });
    store.put(capture(1));
    const first = store.flush();
    await first;
    expect(late).toHaveLength(2);
    expect(segmentText(h.dir)).not.toContain('cap_2');
    await Promise.all(late);
    expect(writes).toBe(2);
    const text = segmentText(h.dir);
    expect(text).toContain('cap_2');
    expect(text).toContain('cap_3');
    await store.close();
  });

  it('writes each touched segment once when a flush rolls over', async () => {
    const h = await harness();
    const store = await h.open({ segmentMaxRecords: 10 });
    for (let n = 1; n <= 35; n++) store.put(capture(n));
    await store.flush();
    expect(h.io).toMatchObject({ writes: 4, syncs: 4 });
    expect(h.io.writeFiles).toEqual([
      'seg-000001.ndjson',
      'seg-000002.ndjson',
      'seg-000003.ndjson',
      'seg-000004.ndjson',
    ]);
    expect(segmentText(h.dir, 4).trim().split('\n')).toHaveLength(5);
    expect(await store.get('cap_15')).toEqual(capture(15));
    await store.close();
  });

  it('rolls on size as well, and appends to the last segment after a restart', async () => {
    const h = await harness();
    let store = await h.open({ segmentMaxBytes: 1000 });
    for (let n = 1; n <= 10; n++) store.put(capture(n, 'x'.repeat(300)));
    await store.close();
    store = await h.open({ segmentMaxBytes: 1000 });
    store.put(capture(11, 'x'.repeat(300)));
    await store.flush();
    expect(h.io.writeFiles.at(-1)).toBe('seg-000006.ndjson');
    expect(segmentText(h.dir, 6).trim().split('\n')).toHaveLength(1);
    expect(await store.get('cap_11')).toEqual(capture(11, 'x'.repeat(300)));
    await store.close();
  });

  it('skips records replaced or deleted before they were written', async () => {
    const h = await harness();
    const store = await h.open();
    store.put(capture(1, 'first'));
    store.put(capture(1, 'second'));
    store.put(capture(2));
    store.delete('cap_2');
    await store.flush();
    const text = segmentText(h.dir);
    expect(text).not.toContain('first');
    expect(text).toContain('second');
    await store.close();
  });
});
