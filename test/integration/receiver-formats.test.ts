/**
 * Copy as curl (run with the real curl binary against the receiver, bytes compared), curl import, and HAR
 * export → import round trips, with clear errors for broken input.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIdOf, type ReceiverHarness, send, startReceiver } from '../helpers/receiver-harness.js';

/**
 * Runs a generated command in bash (asynchronously: the receiver answering it lives in this process) and
 * returns the capture id from the receiver's answer headers.
 */
async function runCurl(command: string): Promise<string> {
  // (--dump-header /dev/stderr crashes this curl when stderr is a pipe; --write-out reads the header instead.)
  const withId = command.replace(
    'curl \\\n',
    "curl --output /dev/null --write-out '%header{x-hookscope-capture}' \\\n",
  );
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', withId], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('latin1')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('latin1')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (run.status !== 0) throw new Error(`curl failed (${run.status}): ${run.stderr}\n${command}`);
  if (!run.stdout.startsWith('cap_'))
    throw new Error(`no capture id in curl's answer: ${run.stdout} ${run.stderr}`);
  return run.stdout.trim();
}

describe('copy as curl, run with the real curl', () => {
  let rx: ReceiverHarness;
  beforeAll(async () => {
    rx = await startReceiver();
    await rx.call('createEndpoint', { path: '/curl', guards: { dedupe: { enabled: false } } });
  });
  afterAll(() => rx.close());

  const cases: [string, Buffer, [string, string][]][] = [
    [
      'JSON without a final newline (printf)',
      Buffer.from('{"event":"form.completed","q":"it\'s 100% \\\\ done","u":"é"}'),
      [['Content-Type', 'application/json']],
    ],
    [
      'text ending in a newline (here-document)',
      Buffer.from('line one\n\tline "two" $HOME `x`\nHOOKSCOPE_BODY\n'),
      [['Content-Type', 'text/plain']],
    ],
    [
      'binary with NUL and high bytes',
      Buffer.concat([Buffer.from([0, 1, 0xff, 0x25, 0x5c, 0x27, 0x0a, 0x0d]), randomBytes(4096)]),
      [],
    ],
    [
      'gzip as received',
      gzipSync('{"event_id":"gz"}'),
      [
        ['Content-Encoding', 'gzip'],
        ['Content-Type', 'application/json'],
      ],
    ],
    ['empty body with Content-Length: 0', Buffer.alloc(0), []],
  ];

  it.each(cases)('%s reproduces the exact bytes and headers', async (_name, body, extra) => {
    const headers: [string, string][] = [
      ['User-Agent', 'Instafill-Webhooks/1.0'],
      ['X-Multi', 'one'],
      ['X-Quote', `it's "quoted" $x`],
      ['X-Empty', ''],
      ['X-Multi', 'two'],
      ['X-Latin1', 'caf\u00e9'],
      ...extra,
      ['Content-Length', String(body.length)],
    ];
    const original = await send(`${rx.url}/curl?a=1&b=[x]`, { headers, body });
    const command = await rx.call('getCaptureCurl', { id: captureIdOf(original) });
    const replayedId = await runCurl(command);
    const [a, b] = await Promise.all([
      rx.call('getCapture', { id: captureIdOf(original) }),
      rx.call('getCapture', { id: replayedId }),
    ]);
    expect(b.body.sha256).toBe(a.body.sha256);
    expect(Buffer.from(b.body.base64, 'base64').equals(body)).toBe(true);
    expect(b.url).toBe(a.url);
    expect(b.method).toBe('POST');
    const meaningful = (pairs: [string, string][]) =>
      pairs.filter(([n]) => !['host', 'content-length', 'connection'].includes(n.toLowerCase()));
    expect(meaningful(b.rawHeaders)).toEqual(meaningful(a.rawHeaders));
  });

  it('targets another URL when asked and refuses a capture without its body', async () => {
    const original = await send(`${rx.url}/curl`, { body: 'x' });
    const command = await rx.call('getCaptureCurl', {
      id: captureIdOf(original),
      url: 'https://example.test/hook',
    });
    expect(command).toContain('https://example.test/hook');
    expect(command).not.toContain(rx.url);
    await rx.call('createEndpoint', { path: '/curl/tiny', guards: { maxBodyBytes: 1 } });
    const big = await send(`${rx.url}/curl/tiny`, { body: 'too big' });
    await expect(rx.call('getCaptureCurl', { id: captureIdOf(big) })).rejects.toThrow(/no body/);
  });
});

describe('curl import', () => {
  let rx: ReceiverHarness;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  it("reads a browser's Copy as cURL", async () => {
    const command = `curl 'https://api.example.com/webhooks/instafill?x=1' \\
  -H 'accept: application/json' \\
  -H 'content-type: application/json' \\
  -H 'X-Instafill-Signature: sha256=abc123' \\
  --data-raw '{"event":"form.completed","event_id":"evt_1","name":"O'\\''Brien"}' \\
  --compressed`;
    const result = await rx.call('importCaptures', { curl: command });
    expect(result.imported).toHaveLength(1);
    const detail = await rx.call('getCapture', { id: result.imported[0]!.id });
    expect(detail).toMatchObject({
      method: 'POST',
      url: '/webhooks/instafill?x=1',
      source: 'imported',
      eventId: 'evt_1',
    });
    expect(detail.body.text).toBe(`{"event":"form.completed","event_id":"evt_1","name":"O'Brien"}`);
    expect(detail.rawHeaders).toEqual([
      ['accept', 'application/json'],
      ['content-type', 'application/json'],
      ['X-Instafill-Signature', 'sha256=abc123'],
    ]);
    expect(detail.notes[0]).toMatch(/imported from a curl command/);
  });

  it('round-trips our own curl export byte for byte, binary included', async () => {
    const body = Buffer.concat([Buffer.from('{"a":"%s\\n"}'), Buffer.from([0, 0xfe, 10, 39])]);
    const original = await send(`${rx.url}/roundtrip?z=9`, {
      headers: [
        ['X-A', 'b'],
        ['Content-Type', 'application/octet-stream'],
      ],
      body,
    });
    const command = await rx.call('getCaptureCurl', { id: captureIdOf(original) });
    const { imported } = await rx.call('importCaptures', { curl: command });
    const detail = await rx.call('getCapture', { id: imported[0]!.id });
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
    expect(detail.url).toBe('/roundtrip?z=9');
    expect(detail.rawHeaders.slice(0, 2)).toEqual([
      ['X-A', 'b'],
      ['Content-Type', 'application/octet-stream'],
    ]);
  });

  it.each([
    ['curl "https://x.example/', /double quote is never closed/],
    ['wget https://x.example/', /starting with "curl"/],
    ['curl -H "X: y"', /no URL/],
    ['curl --frobnicate https://x.example/', /unsupported curl option "--frobnicate"/],
    ['curl -F file=@a.png https://x.example/', /multipart forms/],
    ['curl --data-binary @payload.json https://x.example/', /local file we cannot read/],
    ['curl https://x.example/ ; rm -rf /', /single curl command/],
  ])('refuses %s with a clear message', async (command, message) => {
    await expect(rx.call('importCaptures', { curl: command })).rejects.toThrow(message);
  });
});

describe('HAR', () => {
  let rx: ReceiverHarness;
  let epId: string;
  beforeAll(async () => {
    rx = await startReceiver();
    epId = (await rx.call('createEndpoint', { path: '/har/a' })).id;
  });
  afterAll(() => rx.close());

  it('exports captures as HAR 1.2 and imports them back with identical bytes and headers', async () => {
    const bodies = [
      Buffer.from('{"event_id":"har-1","text":"é"}'),
      Buffer.concat([Buffer.from([0, 255, 1]), randomBytes(500)]),
      gzipSync('{"z":1}'),
    ];
    const ids: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const res = await send(`${rx.url}/har/a?i=${i}`, {
        headers: [
          ['X-Order', 'first'],
          ['X-Order', 'second'],
          ...(i === 2 ? ([['Content-Encoding', 'gzip']] as [string, string][]) : []),
        ],
        body,
      });
      ids.push(captureIdOf(res));
    }
    await send(`${rx.url}/elsewhere`, { body: 'not in the filtered export' });

    const har = JSON.parse(await rx.call('exportHar', { endpoint: epId }));
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('Hookscope');
    expect(har.log.entries.map((e: { _hookscope: { captureId: string } }) => e._hookscope.captureId)).toEqual(
      ids,
    );
    expect(har.log.entries[0].request).toMatchObject({
      method: 'POST',
      httpVersion: 'HTTP/1.1',
      queryString: [{ name: 'i', value: '0' }],
    });
    expect(har.log.entries[0].request.url).toBe(`${rx.url}/har/a?i=0`);
    expect(har.log.entries[1].request.postData.encoding).toBe('base64');
    expect(har.log.entries[0].response.status).toBe(200);

    const { imported, skipped } = await rx.call('importCaptures', { har: JSON.stringify(har) });
    expect(skipped).toEqual([]);
    expect(imported).toHaveLength(3);
    for (const [i, summary] of imported.entries()) {
      const [a, b] = await Promise.all([
        rx.call('getCapture', { id: ids[i]! }),
        rx.call('getCapture', { id: summary.id }),
      ]);
      expect(b.body.sha256).toBe(a.body.sha256);
      expect(b.rawHeaders).toEqual(a.rawHeaders);
      expect(b.url).toBe(a.url);
      expect(b.endpoint).toBe(epId);
      expect(b.response.status).toBe(200);
    }
    const selected = JSON.parse(await rx.call('exportHar', { ids: `${ids[2]},${ids[0]}` }));
    expect(
      selected.log.entries.map((e: { _hookscope: { captureId: string } }) => e._hookscope.captureId),
    ).toEqual([ids[2], ids[0]]);
    const all = JSON.parse(await rx.call('exportHar', {}));
    expect(all.log.entries.length).toBeGreaterThanOrEqual(7);
  });

  it('imports a devtools HAR (pseudo-headers, form params) and skips broken entries with reasons', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          {
            startedDateTime: '2024-02-16T10:30:00.000Z',
            request: {
              method: 'POST',
              url: 'https://customer.example/webhooks/instnt?src=ticket#frag',
              httpVersion: 'http/2.0',
              headers: [
                { name: ':authority', value: 'customer.example' },
                { name: ':method', value: 'POST' },
                { name: 'content-type', value: 'application/x-www-form-urlencoded' },
              ],
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                params: [
                  { name: 'a', value: '1 2' },
                  { name: 'b', value: 'é' },
                ],
              },
            },
            response: { status: 204, headers: [] },
          },
          { request: { method: 'GET' } },
          'junk',
        ],
      },
    };
    const { imported, skipped } = await rx.call('importCaptures', { har });
    expect(imported).toHaveLength(1);
    expect(skipped.map((s) => s.index)).toEqual([1, 2]);
    expect(skipped[0]!.reason).toMatch(/request.url/);
    const detail = await rx.call('getCapture', { id: imported[0]!.id });
    expect(detail).toMatchObject({
      url: '/webhooks/instnt?src=ticket',
      receivedAt: '2024-02-16T10:30:00.000Z',
      endpoint: 'inbox',
      status: 204,
    });
    expect(detail.rawHeaders[0]).toEqual(['Host', 'customer.example']);
    expect(detail.body.text).toBe('a=1+2&b=%C3%A9');
  });

  it('imports an HTTP Toolkit HAR, whose body is stored decoded under the original Content-Encoding', async () => {
    const text = '{"event":"form.completed","event_id":"evt_htk"}';
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'HTTP Toolkit', version: '1.19.0' },
        pages: [],
        entries: [
          {
            startedDateTime: '2024-02-16T10:30:00.000Z',
            time: 12,
            request: {
              method: 'POST',
              url: 'http://localhost:8000/hooks/instafill',
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: [
                { name: 'host', value: 'localhost:8000' },
                { name: 'content-type', value: 'application/json' },
                { name: 'content-encoding', value: 'gzip' },
                { name: 'content-length', value: '61' },
              ],
              queryString: [],
              postData: { mimeType: 'application/json', text, params: [] },
              headersSize: -1,
              bodySize: 61,
            },
            response: {
              status: 200,
              statusText: 'OK',
              httpVersion: 'HTTP/1.1',
              headers: [],
              cookies: [],
              content: { size: 0, mimeType: 'text/plain' },
              redirectURL: '',
              headersSize: -1,
              bodySize: 0,
            },
            cache: {},
            timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 1, wait: 10, receive: 1 },
          },
        ],
      },
    };
    const { imported } = await rx.call('importCaptures', { har: JSON.stringify(har) });
    const detail = await rx.call('getCapture', { id: imported[0]!.id });
    expect(detail.body.text).toBe(text);
    expect(detail.eventId).toBe('evt_htk');
    expect(detail.rawHeaders).toEqual([
      ['host', 'localhost:8000'],
      ['content-type', 'application/json'],
    ]);
    expect(detail.notes.join(' ')).toMatch(/already decoded; "Content-Encoding: gzip" was removed/);
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['{"foo": 1}', /not a HAR file/],
    [
      '{"log":{"entries":[{"request":{"method":"POST","url":"ftp://x"}}]}}',
      /no entry .* could be imported: entry 0: request.url/,
    ],
  ])('refuses %s with a clear message', async (har, message) => {
    await expect(rx.call('importCaptures', { har })).rejects.toThrow(message);
  });
});
