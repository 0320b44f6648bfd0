/**
 * What a body may have become between signing and verifying: JSON re-serialised (minified, pretty-printed,
 * keys sorted, Python's json.dumps spacing and \u escapes), a newline added or dropped, line endings
 * converted, a BOM stripped. The received bytes come first; each other variant names what changed.
 */
import { finding } from './findings.js';
import type { Variant } from './variants.js';

/** Re-serialising a huge body for every guess costs more than it is worth; the doctor says it skipped. */
export const DOCTOR_MAX_VARIANT_BYTES = 256 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Python's json.dumps defaults: ", " and ": " separators; with ensure_ascii, non-ASCII as \uXXXX. */
function pythonDumps(value: unknown, ensureAscii: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => pythonDumps(v, ensureAscii)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${pythonDumps(k, ensureAscii)}: ${pythonDumps(v, ensureAscii)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  const json = JSON.stringify(value) ?? 'null';
  return ensureAscii
    ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

function jsonVariants(text: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  const sorted = sortKeys(parsed);
  return [
    ['minified', JSON.stringify(parsed)],
    ['pretty-printed with 2 spaces', JSON.stringify(parsed, null, 2)],
    ['pretty-printed with 2 spaces and a trailing newline', `${JSON.stringify(parsed, null, 2)}\n`],
    ['pretty-printed with 4 spaces', JSON.stringify(parsed, null, 4)],
    ['pretty-printed with tabs', JSON.stringify(parsed, null, '\t')],
    ['with keys sorted (minified)', JSON.stringify(sorted)],
    ['with keys sorted and pretty-printed', JSON.stringify(sorted, null, 2)],
    ['as Python json.dumps writes it (", " and ": " separators)', pythonDumps(parsed, false)],
    ['as Python json.dumps writes it (separators and \\u escapes)', pythonDumps(parsed, true)],
    ['as Python json.dumps(sort_keys=True) writes it', pythonDumps(sorted, true)],
  ];
}

function textVariants(body: Buffer): [string, Buffer][] {
  const variants: [string, Buffer][] = [
    ['with a trailing newline added', Buffer.concat([body, Buffer.from('\n')])],
  ];
  const text = body.toString('latin1');
  if (text.endsWith('\r\n')) variants.push(['with its trailing CRLF removed', body.subarray(0, -2)]);
  else if (text.endsWith('\n')) variants.push(['with its trailing newline removed', body.subarray(0, -1)]);
  if (text.includes('\r\n'))
    variants.push([
      'with CRLF line endings turned into LF',
      Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'),
    ]);
  if (/(^|[^\r])\n/.test(text)) {
    variants.push([
      'with LF line endings turned into CRLF',
      Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1'),
    ]);
  }
  if (body.subarray(0, BOM.length).equals(BOM))
    variants.push(['with its UTF-8 BOM removed', body.subarray(BOM.length)]);
  return variants;
}

export interface BodyVariants {
  variants: Variant<Buffer>[];
  /** Why re-serialisations were not tried, if they were not. */
  skipped?: string;
}

export function bodyVariants(body: Buffer): BodyVariants {
  const variants: Variant<Buffer>[] = [{ value: body }];
  if (body.length > DOCTOR_MAX_VARIANT_BYTES) {
    return {
      variants,
      skipped: `the body is over ${DOCTOR_MAX_VARIANT_BYTES / 1024} KiB, so re-serialisations were not tried`,
    };
  }
  const seen = new Set<string>([body.toString('base64')]);
  const add = (label: string, bytes: Buffer) => {
    const key = bytes.toString('base64');
    if (seen.has(key)) return;
    seen.add(key);
    variants.push({ value: bytes, finding: finding.bodyReserialised(label) });
  };
  // Byte-level changes first: when both explain the signature, "CRLF became LF" says more than "re-serialised".
  for (const [label, bytes] of textVariants(body)) add(label, bytes);
  let text: string | undefined;
  try {
    text = utf8.decode(body);
  } catch {
    text = undefined; // not UTF-8: no JSON to re-serialise, but the newline guesses above still apply
  }
  if (text !== undefined)
    for (const [label, json] of jsonVariants(text)) add(label, Buffer.from(json, 'utf8'));
  return { variants };
}
