import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, harness, ids } from './record-fixtures.js';

const SEGMENT = 'seg-000001.ndjson';
// The harness clock starts at 1_000_000 ms after the epoch.
const STAMP = '1970-01-01T00-16-40.000Z';

describe('RecordStore repair at open', () => {
  it('cuts off a truncated last line, keeps the good prefix and saves the cut bytes', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 5; n++) store.put(capture(n), undefined, n);
    await store.close();
    const file = join(h.dir, SEGMENT);
    const goodSize = statSync(file).size;
    const fragment = '{"id":"cap_6","at":6,"rec":{"id":"cap_6","bo';
    appendFileSync(file, fragment);

    store = await h.open();
    expect(store.count()).toBe(5);
    expect(statSync(file).size).toBe(goodSize);
    expect(h.issues).toEqual([
      {
        file: SEGMENT,
        movedTo: `quarantine/seg-000001.tail.${STAMP}.ndjson`,
        reason: expect.stringContaining('incomplete'),
        at: new Date(h.clock.now).toISOString(),
      },
    ]);
    expect(readFileSync(join(h.dir, 'quarantine', `seg-000001.tail.${STAMP}.ndjson`), 'utf8')).toBe(fragment);

    // The repaired segment takes appends cleanly, and the next open finds nothing to report.
    store.put(capture(6), undefined, 6);
    await store.close();
    store = await h.open();
    expect(store.count()).toBe(6);
    expect(h.issues).toHaveLength(1);
    await store.close();
  });

  it('quarantines a whole segment with garbage in the middle and keeps every readable line', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 5; n++) store.put(capture(n), undefined, n);
    await store.close();
    const file = join(h.dir, SEGMENT);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = 'this is \u0000 not json';
    const damaged = lines.join('\n');
    writeFileSync(file, damaged);

    store = await h.open();
    expect(store.count()).toBe(4);
    expect(ids((await store.page({ limit: 10 })).items)).toEqual(['cap_5', 'cap_4', 'cap_2', 'cap_1']);
    expect(await store.get('cap_4')).toEqual(capture(4));
    expect(h.issues).toHaveLength(1);
    expect(h.issues[0]).toMatchObject({ file: SEGMENT, movedTo: `quarantine/seg-000001.${STAMP}.ndjson` });
    expect(h.issues[0]?.reason).toMatch(/1 unreadable line.*4 readable/);
    expect(readFileSync(join(h.dir, 'quarantine', `seg-000001.${STAMP}.ndjson`), 'utf8')).toBe(damaged);

    await store.close();
    store = await h.open();
    expect(store.count()).toBe(4);
    expect(h.issues).toHaveLength(1);
    await store.close();
  });

  it('handles garbage in the middle and a truncated tail in the same segment', async () => {
    const h = await harness();
    let store = await h.open();
    for (let n = 1; n <= 3; n++) store.put(capture(n), undefined, n);
    await store.close();
    const file = join(h.dir, SEGMENT);
    const [first, , third] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${first}\n{"broken\n${third}\n{"id":"cap_4"`);

    store = await h.open();
    expect(ids((await store.page({ limit: 10 })).items)).toEqual(['cap_3', 'cap_1']);
    expect(h.issues).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(`${first}\n${third}\n`);
    await store.close();
  });
});
