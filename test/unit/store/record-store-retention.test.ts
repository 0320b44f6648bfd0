import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capture, harness, ids, LOTS } from './record-fixtures.js';

const segments = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('seg-'));

describe('RecordStore retention', () => {
  it('reads a retention function at each run, so a changed setting applies without reopening', async () => {
    const h = await harness();
    const policy = { maxAgeMs: LOTS.maxAgeMs, maxCount: 100 };
    const store = await h.open({ retention: () => policy });
    for (let n = 1; n <= 10; n++) store.put(capture(n), undefined, n);
    expect(await store.applyRetention()).toEqual({ removed: 0 });
    policy.maxCount = 3;
    expect(await store.applyRetention()).toEqual({ removed: 7 });
    expect(ids((await store.page({ limit: 100 })).items)).toEqual(['cap_10', 'cap_9', 'cap_8']);
    await store.close();
  });

  it('keeps the newest maxCount records, for good', async () => {
    const h = await harness();
    let store = await h.open({ retention: { maxAgeMs: LOTS.maxAgeMs, maxCount: 5 } });
    for (let n = 1; n <= 10; n++) store.put(capture(n), undefined, n);
    expect(await store.applyRetention()).toEqual({ removed: 5 });
    expect(store.count()).toBe(5);
    expect(ids((await store.page({ limit: 100 })).items)).toEqual([
      'cap_10',
      'cap_9',
      'cap_8',
      'cap_7',
      'cap_6',
    ]);
    expect(await store.get('cap_1')).toBeUndefined();
    await store.close();
    // Raising the limit later must not bring the removed records back.
    store = await h.open();
    expect(store.count()).toBe(5);
    await store.close();
  });

  it('removes records older than maxAgeMs as the clock moves', async () => {
    const h = await harness();
    const store = await h.open({ retention: { maxAgeMs: 1000, maxCount: LOTS.maxCount } });
    for (let n = 0; n < 10; n++) store.put(capture(n), undefined, h.clock.now + n * 100);
    expect(await store.applyRetention()).toEqual({ removed: 0 });
    h.clock.now += 1450;
    expect(await store.applyRetention()).toEqual({ removed: 5 });
    expect(ids((await store.page({ limit: 100 })).items)).toEqual([
      'cap_9',
      'cap_8',
      'cap_7',
      'cap_6',
      'cap_5',
    ]);
    await store.close();
  });

  it('applies the retention settings at open', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 10; n++) store.put(capture(n), undefined, n);
    await store.close();
    store = await h.open({ retention: { maxAgeMs: LOTS.maxAgeMs, maxCount: 3 } });
    expect(store.count()).toBe(3);
    await store.close();
  });

  it('deletes whole sealed segments once nothing in them is live, oldest first', async () => {
    const h = await harness();
    let store = await h.open({ segmentMaxRecords: 10 });
    for (let n = 1; n <= 35; n++) store.put(capture(n), undefined, n);
    await store.flush();
    expect(segments(h.dir)).toHaveLength(4);
    await store.close();
    // 28..35 stay: segments 1 and 2 go, segment 3 keeps 28..30 and gets tombstones for 21..27.
    store = await h.open({ segmentMaxRecords: 10, retention: { maxAgeMs: LOTS.maxAgeMs, maxCount: 8 } });
    expect(segments(h.dir)).toEqual(['seg-000003.ndjson', 'seg-000004.ndjson', 'seg-000005.ndjson']);
    expect(store.count()).toBe(8);
    await store.close();
    store = await h.open({ segmentMaxRecords: 10 });
    expect(store.count()).toBe(8);
    expect(await store.get('cap_21')).toBeUndefined();
    expect(await store.get('cap_28')).toEqual(capture(28));
    await store.close();
  });

  it('deletes segments emptied by deletes and replacements, but never the active one', async () => {
    const h = await harness();
    const store = await h.open({ segmentMaxRecords: 2 });
    for (let n = 1; n <= 4; n++) store.put(capture(n), undefined, n);
    await store.flush();
    store.delete('cap_1');
    store.put(capture(2, 'again'), undefined, 2);
    store.delete('cap_3');
    store.delete('cap_4');
    expect(await store.applyRetention()).toEqual({ removed: 0 });
    expect(segments(h.dir)).toEqual(['seg-000003.ndjson', 'seg-000004.ndjson']);
    expect(await store.get('cap_2')).toEqual(capture(2, 'again'));
    await store.close();
  });
});
