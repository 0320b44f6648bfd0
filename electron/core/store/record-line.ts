/**
 * The on-disk form of one record or tombstone: a single NDJSON line. JSON.stringify escapes every newline
 * inside strings, so a line never contains a raw '\n' and a newline always ends exactly one entry.
 */

/** Small indexed fields used for filtering without loading records. */
export interface RecordMeta {
  [k: string]: string | number | boolean | undefined;
}

/** What filters and meta() see: the indexed fields plus the record's id and time. */
export type MetaView = RecordMeta & { id: string; at: number };

export interface RecordLine {
  id: string;
  at: number;
  meta?: RecordMeta;
  rec: unknown;
}

export interface TombstoneLine {
  id: string;
  at: number;
  del: true;
}

export type StoredLine = RecordLine | TombstoneLine;

export const isTombstone = (line: StoredLine): line is TombstoneLine => 'del' in line;

/** Drops undefined values so the in-memory meta equals what a reopen reads back from disk. */
export function compactMeta(meta: RecordMeta | undefined): RecordMeta | undefined {
  if (!meta) return undefined;
  const out: RecordMeta = {};
  let any = false;
  for (const [key, value] of Object.entries(meta)) {
    if (value === undefined) continue;
    out[key] = value;
    any = true;
  }
  return any ? out : undefined;
}

export function encodeRecord(id: string, at: number, meta: RecordMeta | undefined, rec: unknown): string {
  // Key order puts the small fields first, which keeps a damaged line's id readable by a human.
  return `${JSON.stringify(meta ? { id, at, meta, rec } : { id, at, rec })}\n`;
}

export const encodeTombstone = (id: string, at: number): string =>
  `${JSON.stringify({ id, at, del: true })}\n`;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function isMeta(value: unknown): value is RecordMeta {
  if (!isPlainObject(value)) return false;
  return Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
}

/** Parses one line (without its newline); undefined when it is not a well-formed record or tombstone. */
export function decodeLine(text: string): StoredLine | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed)) return undefined;
  const { id, at } = parsed;
  if (typeof id !== 'string' || id === '' || typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  if (parsed.del === true) return { id, at, del: true };
  if (!('rec' in parsed)) return undefined;
  if (parsed.meta !== undefined && !isMeta(parsed.meta)) return undefined;
  return parsed as unknown as RecordLine;
}
