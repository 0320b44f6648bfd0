import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../electron/core/receiver/formats/curl-export.js';
import { parseCurl } from '../../../electron/core/receiver/formats/curl-import.js';
import { printfFormat, quoteBytes } from '../../../electron/core/receiver/formats/shell-quote.js';
import { shellWords } from '../../../electron/core/receiver/formats/shell-words.js';
import { printf } from '../../../electron/core/receiver/formats/stdin-producers.js';

const words = (input: string) =>
  shellWords(input).map((item) => (item.kind === 'word' ? item.bytes.toString('latin1') : `<${item.kind}>`));

describe('shellWords', () => {
  it('handles quotes, escapes, $-strings and line continuations', () => {
    expect(words(`curl 'a b' "c \\"d\\" $e" f\\ g \\\n  $'h\\x41\\n\\'' x"y"'z'`)).toEqual([
      'curl',
      'a b',
      'c "d" $e',
      'f g',
      "hA\n'",
      'xyz',
    ]);
  });

  it('reads pipes and here-documents', () => {
    expect(shellWords("cat <<'EOF' | curl x\nline 1\nEOF\n").map((i) => i.kind)).toEqual([
      'word',
      'heredoc',
      'pipe',
      'word',
      'word',
    ]);
    const doc = shellWords("curl x --data-binary @- <<'B'\na\n\tb\nB\n").find((i) => i.kind === 'heredoc');
    expect(doc?.kind === 'heredoc' && doc.bytes.toString()).toBe('a\n\tb\n');
  });

  it('says where it got lost', () => {
    expect(() => shellWords("curl 'open")).toThrow(/single quote is never closed/);
    expect(() => shellWords('curl x <<EOF\nno end')).toThrow(/never closed by a line "EOF"/);
    expect(() => shellWords('curl x && rm y')).toThrow(/single curl command/);
  });
});

describe('quoting and printf', () => {
  it('round-trips any bytes through printfFormat and our printf', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(64 + i);
      const format = printfFormat(bytes);
      const word = shellWords(format)[0];
      expect(word?.kind === 'word' && printf(word.bytes, []).equals(bytes)).toBe(true);
    }
  });

  it('keeps NUL followed by a digit apart (\\0001 is NUL then "1")', () => {
    expect(printf(Buffer.from('\\0001'), []).equals(Buffer.from([0, 0x31]))).toBe(true);
    expect(printf(Buffer.from('%s|%b|%%'), [Buffer.from('a\\n'), Buffer.from('b\\0101')]).toString()).toBe(
      'a\\n|bA|%',
    );
  });

  it('quotes header values as ASCII', () => {
    expect(quoteBytes('plain-token')).toBe('plain-token');
    expect(quoteBytes("it's")).toBe(`'it'\\''s'`);
    expect(quoteBytes('caf\u00e9\n')).toBe("$'caf\\xe9\\x0a'");
  });
});

describe('curl import', () => {
  it('reads methods, headers, data forms and glued short options', () => {
    const req = parseCurl(
      `curl -sSL -XPUT 'https://h.example/p?q=1' -H'A: 1' -H 'Empty;' -H 'Gone:' -d a=1 -d b=2 -u user:pw`,
    );
    expect(req.method).toBe('PUT');
    expect(req.url).toBe('https://h.example/p?q=1');
    expect(req.headers).toEqual([
      ['A', '1'],
      ['Empty', ''],
      ['Authorization', `Basic ${Buffer.from('user:pw').toString('base64')}`],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(req.body.toString()).toBe('a=1&b=2');
  });

  it('turns -G data into the query, defaults the scheme, and url-encodes', () => {
    const req = parseCurl(`curl -G h.example/x --data-urlencode 'q=a b&c'`);
    expect(req).toMatchObject({ method: 'GET', url: 'http://h.example/x?q=a%20b%26c' });
    expect(req.body.length).toBe(0);
  });

  it('reads a body from printf, echo or a here-document on stdin', () => {
    expect(parseCurl(`printf '%s' '{"a":1}' | curl x --data-binary @-`).body.toString()).toBe('{"a":1}');
    expect(parseCurl(`echo -n 'hi' | curl x --data-binary @-`).body.toString()).toBe('hi');
    expect(parseCurl(`echo 'hi' | curl x -d @-`).body.toString()).toBe('hi');
    expect(parseCurl(`curl x --data-binary @- <<'E'\nbody\nE\n`).body.toString()).toBe('body\n');
  });

  it('round-trips what toCurl writes', () => {
    const body = Buffer.concat([Buffer.from('%d \\ \' "'), randomBytes(100)]);
    const command = toCurl({
      method: 'PATCH',
      url: 'http://h/x?y=[1]',
      headers: [
        ['X-A', 'b'],
        ['X-A', "c'd"],
      ],
      body,
    });
    const req = parseCurl(command);
    expect(req).toMatchObject({ method: 'PATCH', url: 'http://h/x?y=[1]' });
    expect(req.headers.slice(0, 2)).toEqual([
      ['X-A', 'b'],
      ['X-A', "c'd"],
    ]);
    expect(req.body.equals(body)).toBe(true);
  });
});

describe('curl export', () => {
  it('turns off curl defaults the capture did not have', () => {
    const command = toCurl({
      method: 'POST',
      url: 'http://h/',
      headers: [['Accept', 'x/y']],
      body: Buffer.from('a\n'),
    });
    expect(command).toContain("--header 'Accept: x/y'");
    expect(command).toContain('--header User-Agent:');
    expect(command).toContain('--header Content-Type:');
    expect(command).not.toContain('--header Accept:');
    expect(command.endsWith("<<'HOOKSCOPE_BODY'\na\nHOOKSCOPE_BODY\n")).toBe(true);
  });

  it('sends no body for a GET without one', () => {
    expect(toCurl({ method: 'GET', url: 'http://h/', headers: [], body: Buffer.alloc(0) })).not.toContain(
      '--data-binary',
    );
  });
});
