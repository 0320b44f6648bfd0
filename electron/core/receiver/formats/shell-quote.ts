/**
 * Quoting for the shell commands we generate (bash and POSIX sh). Plain text goes in single quotes;
 * anything with control characters or bytes beyond ASCII uses $'…' with \xHH escapes, so the command is
 * pure ASCII and survives copy and paste byte for byte.
 */

const SAFE_BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Quotes a string whose characters are bytes (U+0000–U+00FF, as Node decodes header values). */
export function quoteBytes(value: string): string {
  if (value !== '' && SAFE_BARE.test(value)) return value;
  if (PRINTABLE_ASCII.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x27) out += "\\'";
    else if (code === 0x5c) out += '\\\\';
    else if (code >= 0x20 && code < 0x7f) out += value[i];
    else out += `\\x${(code & 0xff).toString(16).padStart(2, '0')}`;
  }
  return `${out}'`;
}

/** Quotes a Unicode string (a URL, a header value from the API) as its UTF-8 bytes. */
export const quoteText = (value: string): string => quoteBytes(Buffer.from(value, 'utf8').toString('latin1'));

/**
 * A printf format that prints exactly `bytes`, in single quotes: printable ASCII stays readable, `%` and
 * `\` are escaped, everything else is a three-digit octal escape (POSIX printf understands \ddd).
 */
export function printfFormat(bytes: Buffer): string {
  let out = "'";
  for (const byte of bytes) {
    if (byte === 0x27) out += `'\\''`;
    else if (byte === 0x25) out += '%%';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}'`;
}
