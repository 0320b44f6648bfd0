import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../../electron/core/store/store-errors.js';
import { capture, harness, ids } from './record-fixtures.js';

describe('RecordStore edge cases', () => {
  it('keeps records buffered after a failed write, undoes the partial write and retries', async () => {
    const h = await harness();
    let failNext = true;
    const store = await h.open({
      probe: {
        write: () => {
          if (!failNext) return;
          failNext = false;
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    store.put(capture(1));
    store.put(capture(2));
    await expect(store.flush()).rejects.toBeInstanceOf(StoreWriteError);
    expect(readFileSync(join(h.dir, 'seg-000001.ndjson'), 'utf8')).toBe('');
    expect(await store.get('cap_2')).toEqual(capture(2));
    await store.flush();
    const lines = readFileSync(join(h.dir, 'seg-000001.ndjson'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['cap_1', 'cap_2']);
    await store.close();
  });

  it('measures offsets in bytes, so multi-byte text and lines larger than a read chunk round-trip', async () => {
    const h = await harness();
    let store = await h.open();
    const big = 'é🙂'.repeat(200_000);
    store.put(capture(1, 'naïve ✓'), { label: 'ünï' }, 1);
    store.put(capture(2, big), undefined, 2);
    store.put(capture(3, '日本語'), undefined, 3);
    await store.close();
    store = await h.open();
    expect(await store.get('cap_1')).toEqual(capture(1, 'naïve ✓'));
    expect((await store.get('cap_2'))?.body).toBe(big);
    expect(ids((await store.page({ limit: 3 })).items)).toEqual(['cap_3', 'cap_2', 'cap_1']);
    expect(store.meta('cap_1')?.label).toBe('ünï');
    expect(h.issues).toEqual([]);
    await store.close();
  });

  it('pages correctly after thousands of deletes and out-of-order times', async () => {
    const h = await harness();
    const store = await h.open();
    for (let n = 1; n <= 3000; n++) store.put(capture(n), undefined, n);
    for (let n = 1; n <= 3000; n++) if (n % 3 !== 0) store.delete(`cap_${n}`);
    store.put(capture(5000), undefined, 1500);
    const all: string[] = [];
    let before: string | undefined;
    do {
      const page = await store.page({ limit: 250, before });
      all.push(...ids(page.items));
      before = page.nextBefore;
    } while (before);
    expect(all).toHaveLength(1001);
    // Same time as cap_1500 but put later, so newer: right before it.
    expect(all.indexOf('cap_1500')).toBe(all.indexOf('cap_5000') + 1);
    expect(store.count()).toBe(1001);
    await store.close();
  });

  it('returns undefined meta and records for unknown ids', async () => {
    const h = await harness();
    const store = await h.open();
    expect(store.meta('nope')).toBeUndefined();
    expect(await store.get('nope')).toBeUndefined();
    expect(await store.page({ limit: 5 })).toEqual({ items: [] });
    await store.close();
  });
});
