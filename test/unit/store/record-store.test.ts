import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError, StoreClosedError } from '../../../electron/core/store/store-errors.js';
import { capture, harness, ids } from './record-fixtures.js';

describe('RecordStore basics', () => {
  it('serves a put at once, before any flush, without touching the disk', async () => {
    const h = await harness();
    const store = await h.open();
    store.put(capture(1), { status: 'ok' }, 5);
    expect(await store.get('cap_1')).toEqual(capture(1));
    expect(store.meta('cap_1')).toEqual({ id: 'cap_1', at: 5, status: 'ok' });
    expect(store.count()).toBe(1);
    expect(h.io.writes + h.io.reads).toBe(0);
    await store.close();
  });

  it('pages newest first and walks every record exactly once with cursors', async () => {
    const h = await harness();
    const store = await h.open();
    // Times out of insertion order and with ties; ties keep insertion order (later = newer).
    const at = (n: number) => (n * 7) % 5;
    for (let n = 1; n <= 20; n++) store.put(capture(n), undefined, at(n));
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await store.page({ limit: 7, before });
      seen.push(...ids(page.items));
      before = page.nextBefore;
    } while (before);
    const expected = Array.from({ length: 20 }, (_, i) => i + 1).sort((a, b) => at(b) - at(a) || b - a);
    expect(seen).toEqual(expected.map((n) => `cap_${n}`));
    await store.close();
  });

  it('omits nextBefore on the last page, also with a filter', async () => {
    const h = await harness();
    const store = await h.open();
    for (let n = 1; n <= 10; n++) store.put(capture(n), { ok: n % 3 === 0 }, n);
    const first = await store.page({ limit: 2, filter: (m) => m.ok === true });
    expect(ids(first.items)).toEqual(['cap_9', 'cap_6']);
    const second = await store.page({ limit: 2, before: first.nextBefore, filter: (m) => m.ok === true });
    expect(ids(second.items)).toEqual(['cap_3']);
    expect(second.nextBefore).toBeUndefined();
    expect((await store.page({ limit: 3, filter: (m) => m.ok === true })).nextBefore).toBeUndefined();
    await store.close();
  });

  it('replaces a record by id (latest version wins), also across a restart', async () => {
    const h = await harness();
    let store = await h.open();
    store.put(capture(1, 'v1'), { status: 'pending' }, 1);
    store.put(capture(2), undefined, 2);
    await store.flush();
    store.put(capture(1, 'v2'), { status: 'done' }, 3);
    expect((await store.get('cap_1'))?.body).toBe('v2');
    expect(store.count()).toBe(2);
    await store.close();
    store = await h.open();
    expect((await store.get('cap_1'))?.body).toBe('v2');
    expect(store.meta('cap_1')?.status).toBe('done');
    expect(ids((await store.page({ limit: 10 })).items)).toEqual(['cap_1', 'cap_2']);
    await store.close();
  });

  it('deletes with a tombstone that survives a restart', async () => {
    const h = await harness();
    let store = await h.open();
    store.put(capture(1));
    store.put(capture(2));
    await store.flush();
    store.put(capture(1, 'newer, never flushed on its own'));
    expect(store.delete('cap_1')).toBe(true);
    expect(store.delete('cap_1')).toBe(false);
    expect(store.delete('nope')).toBe(false);
    expect(await store.get('cap_1')).toBeUndefined();
    await store.close();
    store = await h.open();
    expect(await store.get('cap_1')).toBeUndefined();
    expect(store.count()).toBe(1);
    await store.close();
  });

  it('survives a restart with records, meta, order and cursors intact', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 30; n++) store.put(capture(n), { n, even: n % 2 === 0 }, n);
    const before = (await store.page({ limit: 10 })).nextBefore;
    await store.close();
    store = await h.open();
    expect(store.count()).toBe(30);
    expect(store.meta('cap_7')).toEqual({ id: 'cap_7', at: 7, n: 7, even: false });
    expect(await store.get('cap_30')).toEqual(capture(30));
    const page = await store.page({ limit: 3, before });
    expect(ids(page.items)).toEqual(['cap_20', 'cap_19', 'cap_18']);
    await store.close();
  });

  it('continues below a cursor whose record was deleted meanwhile', async () => {
    const h = await harness();
    const store = await h.open();
    for (let n = 1; n <= 6; n++) store.put(capture(n), undefined, n);
    const first = await store.page({ limit: 2 });
    store.delete('cap_5');
    expect(ids((await store.page({ limit: 2, before: first.nextBefore })).items)).toEqual(['cap_4', 'cap_3']);
    await store.close();
  });

  it('rejects cursors it did not make and limits below 1', async () => {
    const h = await harness();
    const store = await h.open();
    await expect(store.page({ limit: 5, before: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(store.page({ limit: 0 })).rejects.toThrow(/at least 1/);
    await store.close();
  });

  it('keeps its files owner-only and refuses use after close', async () => {
    const h = await harness();
    const store = await h.open();
    store.put(capture(1));
    await store.close();
    await store.close();
    expect(statSync(h.dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(h.dir, 'seg-000001.ndjson')).mode & 0o777).toBe(0o600);
    expect(() => store.put(capture(2))).toThrow(StoreClosedError);
  });
});
