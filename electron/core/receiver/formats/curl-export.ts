/**
 * "Copy as curl" that reproduces the exact bytes. curl's own defaults (User-Agent, Accept, a form
 * Content-Type, Expect: 100-continue) are switched off unless the capture had them, headers keep their
 * order, and the body is fed on stdin: a here-doc when it is plain text ending in a newline, otherwise a
 * printf with octal escapes (here-docs always end in a newline, and shell strings cannot hold NUL).
 */
import type { HeaderPairs } from '../../../../shared/contract/receiver.js';
import { asText } from '../body-decode.js';
import { printfFormat, quoteBytes, quoteText } from './shell-quote.js';

const HEREDOC_DELIMITER = 'HOOKSCOPE_BODY';
/** Headers curl must compute itself (it frames the body) or that describe one hop only. */
const SKIPPED = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'upgrade',
]);
/** Headers curl adds on its own; an empty `-H 'Name:'` stops it. */
const CURL_DEFAULTS = ['User-Agent', 'Accept'];
const BODY_DEFAULTS = ['Content-Type', 'Expect'];
const CONTINUATION = ' \\\n  ';

export interface CurlSource {
  method: string;
  /** Full target URL. */
  url: string;
  headers: HeaderPairs;
  body: Buffer;
  /** Send the body even when empty (the original had Content-Length: 0 on a POST, say). */
  sendEmptyBody?: boolean;
}

export function toCurl(source: CurlSource): string {
  const args: string[] = ['curl', '--silent', '--show-error', '--http1.1', '--globoff', '--path-as-is'];
  const method = source.method.toUpperCase();
  args.push(method === 'HEAD' ? '--head' : `--request ${quoteBytes(method)}`);
  args.push(quoteText(source.url));
  const present = new Set(source.headers.map(([n]) => n.toLowerCase()));
  for (const [name, value] of source.headers) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    // `-H 'Name:'` would remove the header; `Name;` is curl's way to send it with an empty value.
    args.push(`--header ${quoteBytes(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  const hasBody = source.body.length > 0 || source.sendEmptyBody === true;
  const suppress = hasBody ? [...CURL_DEFAULTS, ...BODY_DEFAULTS] : CURL_DEFAULTS;
  for (const name of suppress)
    if (!present.has(name.toLowerCase())) args.push(`--header ${quoteBytes(`${name}:`)}`);
  if (!hasBody) return `${args.join(CONTINUATION)}\n`;

  const text = asText(source.body);
  const delimiter = text === undefined ? undefined : heredocDelimiter(text);
  if (text !== undefined && delimiter && text.endsWith('\n') && !text.includes('\r')) {
    args.push(`--data-binary @- <<'${delimiter}'`);
    return `${args.join(CONTINUATION)}\n${text}${delimiter}\n`;
  }
  args.push('--data-binary @-');
  return `printf ${printfFormat(source.body)} |${CONTINUATION}${args.join(CONTINUATION)}\n`;
}

/** A delimiter that no line of the body equals. */
function heredocDelimiter(text: string): string | undefined {
  const lines = new Set(text.split('\n'));
  for (let n = 0; n < 100; n++) {
    const candidate = n === 0 ? HEREDOC_DELIMITER : `${HEREDOC_DELIMITER}_${n}`;
    if (!lines.has(candidate)) return candidate;
  }
  return undefined;
}
