import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, harness, ids } from './record-fixtures.js';

const BODY = 'b'.repeat(200);

describe('RecordStore reads', () => {
  it('reads only the bytes of the records on a page, not the segment', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 1000; n++) store.put(capture(n, BODY), { n }, n);
    await store.close();
    const segmentBytes = statSync(join(h.dir, 'seg-000001.ndjson')).size;
    const lineBytes = segmentBytes / 1000;

    store = await h.open();
    const first = await store.page({ limit: 10 });
    expect(ids(first.items)).toEqual(Array.from({ length: 10 }, (_, i) => `cap_${1000 - i}`));
    expect(h.io.bytesRead).toBeGreaterThanOrEqual(10 * lineBytes - 10);
    expect(h.io.bytesRead).toBeLessThanOrEqual(10 * lineBytes + 10);
    // Consecutive records are one read.
    expect(h.io.reads).toBe(1);

    h.io.bytesRead = 0;
    expect(await store.get('cap_500')).toEqual(capture(500, BODY));
    expect(h.io.bytesRead).toBeLessThanOrEqual(lineBytes + 10);
    await store.close();
  });

  it('filters on meta in memory and reads only the matching records', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 1000; n++) store.put(capture(n, BODY), { failed: n % 100 === 0 }, n);
    await store.close();
    const lineBytes = statSync(join(h.dir, 'seg-000001.ndjson')).size / 1000;

    store = await h.open();
    const page = await store.page({ limit: 5, filter: (m) => m.failed === true });
    expect(ids(page.items)).toEqual(['cap_1000', 'cap_900', 'cap_800', 'cap_700', 'cap_600']);
    expect(h.io.bytesRead).toBeLessThanOrEqual(5 * lineBytes + 10);
    await store.close();
  });
});
