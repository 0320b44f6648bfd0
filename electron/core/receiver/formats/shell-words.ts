/**
 * Splits a pasted shell command (bash syntax, as browsers' "Copy as cURL" and our own export write it) into
 * words, pipes and here-documents. Words are bytes: $'\xff' can produce bytes that are not UTF-8. No
 * expansion happens ($VAR stays as written): we read commands, we never run them.
 */
import { BadRequestError } from '../../../../shared/errors.js';

export type ShellItem =
  | { kind: 'word'; bytes: Buffer }
  | { kind: 'pipe' }
  | { kind: 'heredoc'; bytes: Buffer };

const ANSI_C: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  e: 27,
  E: 27,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};
const BLANK = /[ \t]/;
const WORD_END = /[ \t\n|;&<>()]/;

export function shellWords(input: string): ShellItem[] {
  const items: ShellItem[] = [];
  const heredocs: { delimiter: string; stripTabs: boolean; index: number }[] = [];
  let i = 0;
  const fail = (what: string) => {
    throw new BadRequestError(`cannot read the command: ${what} (at character ${i + 1})`);
  };

  while (i < input.length) {
    const c = input[i]!;
    if (BLANK.test(c)) i++;
    else if (c === '\\' && input[i + 1] === '\n') i += 2;
    else if (c === '\\' && input[i + 1] === '\r' && input[i + 2] === '\n') i += 3;
    else if (c === '\n' || c === '\r') {
      i++;
      // Here-document bodies start on the line after the operator.
      for (const doc of heredocs.splice(0)) i = readHeredoc(doc, items);
    } else if (c === '#') {
      while (i < input.length && input[i] !== '\n') i++;
    } else if (c === '|' && input[i + 1] !== '|') {
      items.push({ kind: 'pipe' });
      i++;
    } else if (c === '<' && input[i + 1] === '<' && input[i + 2] !== '<') {
      i += 2;
      const stripTabs = input[i] === '-';
      if (stripTabs) i++;
      while (BLANK.test(input[i] ?? '')) i++;
      const word = readWord();
      if (word.length === 0) fail('a here-document needs a delimiter');
      heredocs.push({ delimiter: word.toString('utf8'), stripTabs, index: items.length });
      items.push({ kind: 'heredoc', bytes: Buffer.alloc(0) });
    } else if (';&<>()'.includes(c)) fail(`"${c}" is not supported; paste a single curl command`);
    else items.push({ kind: 'word', bytes: readWord() });
  }
  if (heredocs.length > 0) fail(`the here-document ending in "${heredocs[0]!.delimiter}" has no body`);
  return items;

  function readWord(): Buffer {
    const parts: Buffer[] = [];
    const text = (s: string) => parts.push(Buffer.from(s, 'utf8'));
    while (i < input.length && !WORD_END.test(input[i]!)) {
      const c = input[i]!;
      if (c === "'") {
        const end = input.indexOf("'", i + 1);
        if (end < 0) fail('a single quote is never closed');
        text(input.slice(i + 1, end));
        i = end + 1;
      } else if (c === '$' && input[i + 1] === "'") {
        i += 2;
        parts.push(readAnsiC());
      } else if (c === '"') {
        i++;
        let s = '';
        while (i < input.length && input[i] !== '"') {
          if (input[i] === '\\' && '"\\$`\n'.includes(input[i + 1] ?? '')) {
            if (input[i + 1] !== '\n') s += input[i + 1];
            i += 2;
          } else s += input[i++];
        }
        if (i >= input.length) fail('a double quote is never closed');
        i++;
        text(s);
      } else if (c === '\\') {
        if (input[i + 1] === '\n') i += 2;
        else {
          text(input[i + 1] ?? '');
          i += 2;
        }
      } else {
        text(c);
        i++;
      }
    }
    return Buffer.concat(parts);
  }

  function readAnsiC(): Buffer {
    const bytes: number[] = [];
    while (i < input.length && input[i] !== "'") {
      const c = input[i]!;
      if (c !== '\\') {
        const char = String.fromCodePoint(input.codePointAt(i)!);
        bytes.push(...Buffer.from(char, 'utf8'));
        i += char.length;
        continue;
      }
      const escaped = ansiEscape(input.slice(i + 1, i + 6));
      bytes.push(...escaped.bytes);
      i += 1 + escaped.length;
    }
    if (i >= input.length) fail("a $'…' string is never closed");
    i++;
    return Buffer.from(bytes);
  }

  function readHeredoc(
    doc: { delimiter: string; stripTabs: boolean; index: number },
    out: ShellItem[],
  ): number {
    const lines: string[] = [];
    let pos = i;
    while (pos <= input.length) {
      const nl = input.indexOf('\n', pos);
      const raw = input.slice(pos, nl < 0 ? input.length : nl);
      const line = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
      pos = nl < 0 ? input.length + 1 : nl + 1;
      if (line === doc.delimiter || line === `${doc.delimiter}\r`) {
        out[doc.index] = { kind: 'heredoc', bytes: Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8') };
        return Math.min(pos, input.length);
      }
      lines.push(line);
    }
    return fail(`the here-document is never closed by a line "${doc.delimiter}"`) as never;
  }
}

/** One escape of a $'…' string (after the backslash): its bytes and how many characters it took. */
function ansiEscape(rest: string): { bytes: number[]; length: number } {
  const e = rest[0] ?? '';
  if (e in ANSI_C) return { bytes: [ANSI_C[e]!], length: 1 };
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(rest);
  if (hex) return { bytes: [Number.parseInt(hex[1]!, 16)], length: hex[0].length };
  const octal = /^[0-7]{1,3}/.exec(rest);
  if (octal) return { bytes: [Number.parseInt(octal[0], 8) & 0xff], length: octal[0].length };
  const unicode = /^u([0-9a-fA-F]{1,4})/.exec(rest);
  if (unicode) {
    return {
      bytes: [...Buffer.from(String.fromCodePoint(Number.parseInt(unicode[1]!, 16)), 'utf8')],
      length: unicode[0].length,
    };
  }
  // Unknown escapes keep their backslash, as bash does.
  return { bytes: [0x5c], length: 0 };
}
