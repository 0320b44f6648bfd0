/** Headers pasted as raw "Name: value" lines (as curl -v or a log prints them), in order, duplicates kept. */

export type HeaderPairs = [string, string][];

export type ParsedHeaders = { ok: true; headers: HeaderPairs } | { ok: false; error: string };

/** The request line a copied dump may start with ("POST /hooks HTTP/1.1"); skipped, it is not a header. */
const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/\d(\.\d)?$/;

export function parseHeaderLines(text: string): ParsedHeaders {
  const headers: HeaderPairs = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || REQUEST_LINE.test(line)) continue;
    const colon = line.indexOf(':');
    if (colon <= 0)
      return { ok: false, error: `line ${index + 1} is not "Name: value": ${line.slice(0, 60)}` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { ok: true, headers };
}

export function formatHeaderLines(headers: HeaderPairs): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** The bytes of a capture as text when they are valid UTF-8; undefined for binary bodies. */
export function utf8OrUndefined(base64: string): string | undefined {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
