/**
 * Request headers as the signing code sees them: an ordered list of [name, value] pairs, looked up without
 * regard to case (HTTP names are case-insensitive), plus the near-miss search the doctor uses to spot a
 * misspelled signature header such as `X-Instnt-Signature` for `Instnt-Signature`.
 */

/** What callers may pass: Node's `req.headers` shape, a plain record, or the raw pairs in received order. */
export type HeaderInput =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>;

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** Senders and proxies trim optional whitespace around values; so do we. */
export function toHeaderList(input: HeaderInput): HeaderList {
  if (Array.isArray(input)) {
    return (input as ReadonlyArray<readonly [string, string]>).map(([n, v]) => [n.trim(), v.trim()] as const);
  }
  const list: [string, string][] = [];
  for (const [name, value] of Object.entries(
    input as Record<string, string | readonly string[] | undefined>,
  )) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) list.push([name.trim(), v.trim()]);
  }
  return list;
}

/** The first value of `name`, case-insensitively. */
export function getHeader(headers: HeaderList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v;
  return undefined;
}

/** Lowercase, `_` and spaces as `-`, without an `x-` prefix: the spellings people confuse look alike here. */
const normalise = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[_\s]+/g, '-')
    .replace(/^x-/, '');

const MAX_EDIT_DISTANCE = 2;
const MIN_LENGTH_FOR_EDITS = 6;

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

export interface NearMiss {
  name: string;
  value: string;
}

/**
 * A header that is probably `expected` misspelled: the same after normalising, within two edits, or one of
 * the scheme's known confusions (e.g. `svix-signature` for `webhook-signature`). Only called when the exact
 * name is absent.
 */
export function findNearMiss(
  headers: HeaderList,
  expected: string,
  aliases: readonly string[] = [],
): NearMiss | undefined {
  const target = normalise(expected);
  const known = new Set(aliases.map(normalise));
  for (const [name, value] of headers) {
    const candidate = normalise(name);
    if (candidate === target || known.has(candidate)) return { name, value };
  }
  if (target.length < MIN_LENGTH_FOR_EDITS) return undefined;
  for (const [name, value] of headers) {
    if (editDistance(normalise(name), target) <= MAX_EDIT_DISTANCE) return { name, value };
  }
  return undefined;
}
