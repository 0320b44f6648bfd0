/**
 * What a command before `| curl … --data-binary @-` writes: printf (our own "Copy as curl" uses it for
 * bodies that are not plain text), echo, or cat with a here-document. Only these, evaluated without a shell.
 */
import { BadRequestError } from '../../../../shared/errors.js';
import type { ShellItem } from './shell-words.js';

const PRINTF_ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  '"': 34,
  "'": 39,
};

export function decodeStdinProducer(items: ShellItem[]): Buffer {
  const words = items.flatMap((item) => (item.kind === 'word' ? [item.bytes] : []));
  const heredoc = items.find((item) => item.kind === 'heredoc');
  const command = words[0]?.toString('utf8');
  if (command === 'cat' && heredoc && words.length === 1) return heredoc.bytes;
  if (command === 'printf' && words[1]) return printf(words[1], words.slice(2));
  if (command === 'echo') return echo(words.slice(1));
  throw new BadRequestError(
    `only printf, echo or cat <<EOF may feed curl through a pipe, got "${command ?? ''}"`,
  );
}

/** printf FORMAT [ARG…]: escapes and %% in the format; %s and %b take the arguments in turn. */
export function printf(format: Buffer, args: Buffer[]): Buffer {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < format.length; ) {
    const byte = format[i]!;
    if (byte === 0x5c /* \ */) i = decodeEscape(format, i, out);
    else if (byte === 0x25 /* % */) {
      const spec = String.fromCharCode(format[i + 1] ?? 0);
      if (spec === '%') out.push(0x25);
      else if (spec === 's') out.push(...(args[next++] ?? Buffer.alloc(0)));
      else if (spec === 'b') {
        const arg = args[next++] ?? Buffer.alloc(0);
        for (let j = 0; j < arg.length; ) {
          if (arg[j] === 0x5c) j = decodeEscape(arg, j, out, true);
          else out.push(arg[j++]!);
        }
      } else
        throw new BadRequestError(
          `printf conversion "%${spec}" is not supported; use %s or put the bytes in the format`,
        );
      i += 2;
    } else {
      out.push(byte);
      i++;
    }
  }
  return Buffer.from(out);
}

/**
 * Decodes the escape at `at` into `out`; returns the index after it. In a format an octal escape is up to
 * three digits (\0001 is NUL then "1"); in a %b argument it is \0 followed by up to three.
 */
function decodeEscape(bytes: Buffer, at: number, out: number[], inArgument = false): number {
  const c = String.fromCharCode(bytes[at + 1] ?? 0);
  if (c in PRINTF_ESCAPES) {
    out.push(PRINTF_ESCAPES[c]!);
    return at + 2;
  }
  const rest = bytes.subarray(at + 1, at + 5).toString('latin1');
  const octal = (inArgument ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/).exec(rest);
  if (octal) {
    const digits = inArgument ? octal[0].slice(1) || '0' : octal[0];
    out.push(Number.parseInt(digits, 8) & 0xff);
    return at + 1 + octal[0].length;
  }
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(rest);
  if (hex) {
    out.push(Number.parseInt(hex[1]!, 16));
    return at + 1 + hex[0].length;
  }
  out.push(0x5c);
  return at + 1;
}

function echo(args: Buffer[]): Buffer {
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0].toString('latin1'))) {
    const flags = args.shift()!.toString('latin1');
    if (flags.includes('n')) newline = false;
    if (flags.includes('e')) escapes = true;
  }
  const joined = Buffer.concat(args.flatMap((a, i) => (i > 0 ? [Buffer.from(' '), a] : [a])));
  const body = escapes
    ? printf(Buffer.from(joined.toString('latin1').replace(/%/g, '%%'), 'latin1'), [])
    : joined;
  return newline ? Buffer.concat([body, Buffer.from('\n')]) : body;
}
