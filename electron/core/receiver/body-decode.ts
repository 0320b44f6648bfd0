/**
 * Content-Encoding: bodies are stored as received (still compressed, so signatures over the raw bytes
 * verify) and decoded for display, search and event ids. Decoding is capped so a small gzip bomb cannot
 * take the receiver's memory.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Decoded output beyond this is refused (and the capture says so). */
export const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export interface Decoded {
  /** The decoded bytes, or the raw bytes when there is no (known) encoding. */
  bytes: Buffer;
  /** The encoding(s) undone, as in the header, e.g. "gzip"; undefined when none. */
  encoding?: string;
  error?: string;
}

const DECODERS: Record<string, (b: Buffer) => Buffer> = {
  gzip: (b) => gunzipSync(b, { maxOutputLength: MAX_DECODED_BYTES }),
  'x-gzip': (b) => gunzipSync(b, { maxOutputLength: MAX_DECODED_BYTES }),
  br: (b) => brotliDecompressSync(b, { maxOutputLength: MAX_DECODED_BYTES }),
  deflate: (b) => {
    // "deflate" is zlib-wrapped per RFC 9110, but some senders send raw deflate; accept both.
    try {
      return inflateSync(b, { maxOutputLength: MAX_DECODED_BYTES });
    } catch {
      return inflateRawSync(b, { maxOutputLength: MAX_DECODED_BYTES });
    }
  },
};

export function decodeBody(raw: Buffer, contentEncoding: string | undefined): Decoded {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0 || raw.length === 0) return { bytes: raw };
  const encoding = codings.join(', ');
  let bytes = raw;
  // Codings are listed in the order they were applied, so undo them from the last.
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (!decode)
      return { bytes: raw, encoding, error: `cannot decode Content-Encoding "${coding}"; shown raw` };
    try {
      bytes = decode(bytes);
    } catch (err) {
      return {
        bytes: raw,
        encoding,
        error: `the body is not valid ${coding}: ${(err as Error).message}; shown raw`,
      };
    }
  }
  return { bytes, encoding };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 text without control characters other than tab/CR/LF/FF: what the UI can show as text. */
export function asText(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return '';
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return undefined;
  return text;
}
