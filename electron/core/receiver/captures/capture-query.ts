/**
 * Listing and searching captures. Filters on indexed fields run on the in-memory meta. `q` also looks into
 * headers and the decoded body, which live in the records: candidates are read newest first until a page
 * is full, then the page itself is taken from the store so its cursor stays the store's own.
 */
import type { CaptureFilter } from '../../../../shared/contract/receiver.js';
import type { Page } from '../../../../shared/contract/system.js';
import type { MetaView } from '../../store/record-store.js';
import { asText, decodeBody } from '../body-decode.js';
import type { CaptureRecord } from './capture-record.js';
import type { CaptureStore } from './capture-store.js';

/** Records read per step while searching. */
const SCAN_CHUNK = 200;
/** Only this much of a body is searched (the start of a big payload is what people search for). */
const SEARCH_BODY_MAX_BYTES = 1024 * 1024;

export function metaFilter(filter: CaptureFilter): ((m: MetaView) => boolean) | undefined {
  const method = filter.method?.toUpperCase();
  const checks: ((m: MetaView) => boolean)[] = [];
  if (filter.endpoint !== undefined) checks.push((m) => m.endpoint === filter.endpoint);
  if (method !== undefined) checks.push((m) => m.method === method);
  if (filter.verdict !== undefined) checks.push((m) => m.verdict === filter.verdict);
  if (filter.duplicate !== undefined) checks.push((m) => m.duplicate === filter.duplicate);
  if (checks.length === 0) return undefined;
  return (m) => checks.every((check) => check(m));
}

export async function queryCaptures(
  store: CaptureStore,
  filter: CaptureFilter,
  limit: number,
  before?: string,
): Promise<Page<CaptureRecord>> {
  const byMeta = metaFilter(filter);
  const q = filter.q?.trim().toLowerCase();
  if (!q) return store.page({ limit, before, filter: byMeta });

  const matched = new Set<string>();
  let cursor = before;
  // One match beyond the page tells the store there is a next page.
  scan: while (matched.size <= limit) {
    const chunk = await store.page({ limit: SCAN_CHUNK, before: cursor, filter: byMeta });
    for (const record of chunk.items) {
      if (await matchesText(store, record, q)) matched.add(record.id);
      if (matched.size > limit) break scan;
    }
    if (!chunk.nextBefore) break;
    cursor = chunk.nextBefore;
  }
  return store.page({ limit, before, filter: (m) => matched.has(m.id) });
}

/** Case-insensitive search in the path and query, header names and values, and the decoded body text. */
export async function matchesText(
  store: CaptureStore,
  record: CaptureRecord,
  needle: string,
): Promise<boolean> {
  if (record.url.toLowerCase().includes(needle)) return true;
  for (const [name, value] of record.rawHeaders) {
    if (name.toLowerCase().includes(needle) || value.toLowerCase().includes(needle)) return true;
  }
  if (record.body.size === 0 || record.body.omitted) return false;
  let raw: Buffer;
  try {
    raw = await store.body(record);
  } catch {
    return false; // a body file removed by hand: the record is still listed, just not matched on its body
  }
  const decoded = decodeBody(raw, record.body.encoding).bytes.subarray(0, SEARCH_BODY_MAX_BYTES);
  const text = asText(decoded) ?? decoded.toString('latin1');
  return text.toLowerCase().includes(needle);
}
