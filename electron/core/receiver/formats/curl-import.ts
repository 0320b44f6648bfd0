/**
 * Reads a curl command line (a browser's "Copy as cURL", a customer's support ticket, our own "Copy as
 * curl") into the request it would send: method, URL, headers in order, body bytes. Options that only
 * change how curl behaves locally are ignored; options whose meaning we cannot reproduce are refused
 * with a message saying what to do instead.
 */
import type { HeaderPairs } from '../../../../shared/contract/receiver.js';
import { BadRequestError } from '../../../../shared/errors.js';
import { type ShellItem, shellWords } from './shell-words.js';
import { decodeStdinProducer } from './stdin-producers.js';

export interface ParsedRequest {
  method: string;
  url: string;
  headers: HeaderPairs;
  body: Buffer;
}

/** Flags without a value that change nothing about the request sent. */
const IGNORED_FLAGS = new Set(
  `-s --silent -S --show-error -i --include -v --verbose -k --insecure -L --location --compressed --http1.0
  --http1.1 --http2 --http2-prior-knowledge -g --globoff --path-as-is -f --fail --fail-with-body -N --no-buffer
  -# --progress-bar -q --disable --no-progress-meter --raw --tr-encoding -4 -6 --ipv4 --ipv6 --no-keepalive`.split(
    /\s+/,
  ),
);
/** Options with a value that change nothing about the request sent. */
const IGNORED_WITH_VALUE = new Set(
  `-o --output -m --max-time --connect-timeout --retry --retry-delay --retry-max-time -w --write-out --resolve
  --cacert --capath -x --proxy --cert -E --key -c --cookie-jar --max-redirs --limit-rate -D --dump-header
  --interface --local-port --connect-to --unix-socket --abstract-unix-socket`.split(/\s+/),
);
const NO_VALUE_SHORT = new Set('sSivkLgfNq46#GI'.split(''));

export function parseCurl(command: string): ParsedRequest {
  const { raw, stdin } = splitPipeline(shellWords(command.trim()));
  const words = raw.map((b) => b.toString('utf8'));
  if (words[0] !== 'curl')
    throw new BadRequestError(`expected a command starting with "curl", got "${words[0] ?? ''}"`);
  const headers: HeaderPairs = [];
  const data: Buffer[] = [];
  let method: string | undefined;
  let url: string | undefined;
  let get = false;
  let head = false;

  for (let i = 1; i < words.length; i++) {
    let word = words[i]!;
    let bytes = raw[i]!;
    const value = (): Buffer => {
      const next = raw[++i];
      if (next === undefined) throw new BadRequestError(`curl option ${word} needs a value`);
      return next;
    };
    if (/^-[A-Za-z#]{2,}$/.test(word) && [...word.slice(1)].every((c) => NO_VALUE_SHORT.has(c))) {
      if (word.includes('G')) get = true;
      if (word.includes('I')) head = true;
      continue;
    }
    // -XPOST and -H'…' forms: a short option glued to its value.
    const glued = /^-([XHdAeubF])(.+)$/s.exec(word);
    if (glued) {
      word = `-${glued[1]}`;
      bytes = bytes.subarray(2);
      raw.splice(i + 1, 0, bytes);
      words.splice(i + 1, 0, bytes.toString('utf8'));
    }
    if (!word.startsWith('-') || word === '-') {
      if (url !== undefined)
        throw new BadRequestError(`two URLs in the command ("${url}" and "${word}"); keep one`);
      url = word;
    } else if (IGNORED_FLAGS.has(word)) continue;
    else if (IGNORED_WITH_VALUE.has(word)) value();
    else if (word === '-X' || word === '--request') method = value().toString('utf8');
    else if (word === '-H' || word === '--header') addHeader(headers, value());
    else if (word === '-A' || word === '--user-agent')
      headers.push(['User-Agent', value().toString('latin1')]);
    else if (word === '-e' || word === '--referer') headers.push(['Referer', value().toString('latin1')]);
    else if (word === '-b' || word === '--cookie') headers.push(['Cookie', value().toString('latin1')]);
    else if (word === '-u' || word === '--user')
      headers.push(['Authorization', `Basic ${value().toString('base64')}`]);
    else if (word === '--url') url = value().toString('utf8');
    else if (word === '-G' || word === '--get') get = true;
    else if (word === '-I' || word === '--head') head = true;
    else if (['-d', '--data', '--data-ascii', '--data-raw', '--data-binary'].includes(word)) {
      data.push(dataValue(word, value(), stdin));
    } else if (word === '--data-urlencode') data.push(Buffer.from(urlencodeData(value().toString('utf8'))));
    else if (word === '-F' || word === '--form' || word === '--form-string') {
      throw new BadRequestError(
        'multipart forms (-F/--form) are not supported; paste the request as HAR instead',
      );
    } else if (word === '-T' || word === '--upload-file') {
      throw new BadRequestError(
        `${word} uploads a local file we cannot read; use --data-binary with the content`,
      );
    } else
      throw new BadRequestError(`unsupported curl option "${word}"; remove it or import the request as HAR`);
  }
  if (url === undefined) throw new BadRequestError('the curl command has no URL');
  let body = data.length > 0 ? joinData(data) : Buffer.alloc(0);
  if (get && body.length > 0) {
    url += (url.includes('?') ? '&' : '?') + body.toString('utf8');
    body = Buffer.alloc(0);
  }
  const resolvedMethod = method ?? (head ? 'HEAD' : data.length > 0 && !get ? 'POST' : 'GET');
  if (data.length > 0 && !get && !headers.some(([n]) => n.toLowerCase() === 'content-type')) {
    // What curl itself sends with -d when no type is given.
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return { method: resolvedMethod.toUpperCase(), url: withScheme(url), headers, body };
}

/** The curl command's words, and what its standard input holds (a printf/echo before a pipe, a here-document). */
function splitPipeline(items: ShellItem[]): { raw: Buffer[]; stdin: Buffer | undefined } {
  const pipe = items.findIndex((item) => item.kind === 'pipe');
  let stdin: Buffer | undefined;
  let rest = items;
  if (pipe >= 0) {
    stdin = decodeStdinProducer(items.slice(0, pipe));
    rest = items.slice(pipe + 1);
    if (rest.some((item) => item.kind === 'pipe'))
      throw new BadRequestError('only one pipe (printf … | curl …) is supported');
  }
  const heredoc = rest.find((item) => item.kind === 'heredoc');
  if (heredoc) stdin = heredoc.bytes;
  const raw = rest.flatMap((item) => (item.kind === 'word' ? [item.bytes] : []));
  return { raw, stdin };
}

function addHeader(headers: HeaderPairs, bytes: Buffer): void {
  const text = bytes.toString('latin1');
  if (text.startsWith('@'))
    throw new BadRequestError('-H @file reads headers from a file we cannot read; paste them as -H options');
  const colon = text.indexOf(':');
  const semi = text.indexOf(';');
  // "Name;" sends an empty header; "Name:" with nothing after only removes one of curl's defaults.
  if (colon < 0 && semi > 0 && text.slice(semi + 1).trim() === '')
    headers.push([text.slice(0, semi).trim(), '']);
  else if (colon > 0 && text.slice(colon + 1).trim() !== '')
    headers.push([text.slice(0, colon).trim(), text.slice(colon + 1).trim()]);
  else if (colon <= 0) throw new BadRequestError(`"${text}" is not a header (expected "Name: value")`);
}

function dataValue(flag: string, bytes: Buffer, stdin: Buffer | undefined): Buffer {
  if (flag === '--data-raw' || bytes[0] !== 0x40 /* @ */) {
    // -d/--data strip CR and LF only when reading a file; a literal is sent as written.
    return bytes;
  }
  const source = bytes.subarray(1).toString('utf8');
  if (source !== '-')
    throw new BadRequestError(
      `${flag} @${source} reads a local file we cannot read; paste its content instead`,
    );
  if (stdin === undefined)
    throw new BadRequestError(
      `${flag} @- reads standard input, but the command gives none (use printf … | or a here-document)`,
    );
  return flag === '--data-binary'
    ? stdin
    : Buffer.from(stdin.toString('latin1').replace(/[\r\n]/g, ''), 'latin1');
}

function urlencodeData(spec: string): string {
  const eq = spec.indexOf('=');
  if (spec.startsWith('@') || (eq < 0 && spec.includes('@')))
    throw new BadRequestError('--data-urlencode with @file is not supported; paste the content');
  if (eq < 0) return encodeURIComponent(spec);
  return eq === 0
    ? encodeURIComponent(spec.slice(1))
    : `${spec.slice(0, eq)}=${encodeURIComponent(spec.slice(eq + 1))}`;
}

function joinData(parts: Buffer[]): Buffer {
  const out: Buffer[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(Buffer.from('&'));
    out.push(part);
  });
  return Buffer.concat(out);
}

/** curl assumes http:// for a URL without a scheme. */
function withScheme(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    if (!/^https?:\/\//i.test(url))
      throw new BadRequestError(`only http:// and https:// URLs can be imported, got "${url}"`);
    return url;
  }
  return `http://${url}`;
}
