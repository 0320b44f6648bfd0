/**
 * Routes live in the URL fragment (`#/settings`, later `#/inbox/cap_123?q=stripe`) so they work from the
 * headless host, from a file and from the desktop app's custom protocol alike, with no server support.
 */

export interface Route {
  /** The first path segment: which area. */
  areaId: string;
  /** Further segments, decoded, for the area to interpret (e.g. a selected item's id). */
  segments: string[];
  query: URLSearchParams;
}

/** Parses `#/area/seg?x=1`; the empty fragment (or `#/`) is the home route and gives undefined. */
export function parseHash(hash: string): Route | undefined {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  const parts = path
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
  const [areaId, ...segments] = parts;
  if (!areaId) return undefined;
  return { areaId, segments, query };
}

/** Builds the fragment for an area (and optional sub-path and query). */
export function hrefFor(areaId: string, segments: string[] = [], query?: Record<string, string>): string {
  const path = [areaId, ...segments].map(encodeURIComponent).join('/');
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#/${path}${search ? `?${search}` : ''}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
