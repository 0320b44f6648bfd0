import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asText, decodeBody } from '../../../electron/core/receiver/body-decode.js';
import { catalogValidator } from '../../../electron/core/receiver/catalog-validator.js';
import { inspectPayload } from '../../../electron/core/receiver/payload-inspect.js';

describe('inspectPayload', () => {
  it('reads Instafill and Instnt event ids and types', () => {
    expect(
      inspectPayload(Buffer.from(' {"event":"form.completed","event_id":"e1"}'), undefined),
    ).toMatchObject({
      eventId: 'e1',
      eventType: 'form.completed',
    });
    expect(
      inspectPayload(Buffer.from('{"id":"evt_fh238sh3","type":"document.submitted"}'), undefined),
    ).toMatchObject({
      eventId: 'evt_fh238sh3',
      eventType: 'document.submitted',
    });
    expect(inspectPayload(Buffer.from('{"id":42}'), undefined).eventId).toBe('42');
  });

  it('prefers the webhook-id header and ignores what is not a JSON object', () => {
    expect(inspectPayload(Buffer.from('{"id":"body"}'), 'msg_1').eventId).toBe('msg_1');
    expect(inspectPayload(Buffer.from('[1,2]'), undefined)).toEqual({
      json: undefined,
      eventId: undefined,
      eventType: undefined,
    });
    expect(inspectPayload(Buffer.from('{broken'), undefined).json).toBeUndefined();
    expect(inspectPayload(undefined, undefined).eventId).toBeUndefined();
  });
});

describe('decodeBody', () => {
  const text = Buffer.from('{"hello":"wörld"}');
  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
  ])('undoes %s', (encoding, raw) => {
    const decoded = decodeBody(raw, encoding);
    expect(decoded.bytes.equals(text)).toBe(true);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.error).toBeUndefined();
  });

  it('undoes stacked codings in reverse and passes identity through', () => {
    expect(decodeBody(brotliCompressSync(gzipSync(text)), 'gzip, br').bytes.equals(text)).toBe(true);
    expect(decodeBody(text, 'identity')).toEqual({ bytes: text });
  });

  it('reports bad or unknown encodings and keeps the raw bytes', () => {
    expect(decodeBody(text, 'gzip')).toMatchObject({
      bytes: text,
      error: expect.stringMatching(/not valid gzip/),
    });
    expect(decodeBody(text, 'zstd-9000')).toMatchObject({
      bytes: text,
      error: expect.stringMatching(/cannot decode/),
    });
  });
});

describe('asText', () => {
  it('accepts UTF-8 text and refuses binary', () => {
    expect(asText(Buffer.from('line\r\n\ttab é'))).toBe('line\r\n\ttab é');
    expect(asText(Buffer.from([0xc3, 0x28]))).toBeUndefined();
    expect(asText(Buffer.from([0x61, 0x00]))).toBeUndefined();
    expect(asText(Buffer.from('\uFFFD'))).toBe('\uFFFD');
  });
});

describe('catalogValidator', () => {
  const validator = catalogValidator((type, body) =>
    type === 'form.completed'
      ? { valid: typeof (body as { data?: unknown }).data === 'object', type, problems: [] }
      : { valid: false, problems: [`unknown event type "${type}"`] },
  );
  const run = (json: Record<string, unknown> | undefined, headers: [string, string][] = []) =>
    validator({ json, body: Buffer.alloc(0), headers, endpointId: 'ep_1' });

  it('takes the type from the body or the X-Instafill-Event header', () => {
    expect(run({ event: 'form.completed', data: {} })).toEqual({
      ok: true,
      eventType: 'form.completed',
      problems: [],
    });
    expect(run({ data: {} }, [['X-Instafill-Event', 'form.completed']]).ok).toBe(true);
    expect(run({ type: 'nope' })).toEqual({ ok: false, problems: ['unknown event type "nope"'] });
  });

  it('flags a body without a type or that is not JSON', () => {
    expect(run({}).problems[0]).toMatch(/no event type/);
    expect(run(undefined).problems[0]).toMatch(/not a JSON object/);
  });
});
