/** The pure parts of Keys/Verify/Subscriptions: header lines, the editor draft, the condition preview, charts. */
import { describe, expect, it } from 'vitest';
import { previewCondition } from '../../../renderer/areas/subscriptions/condition-eval.js';
import { shortDuration } from '../../../renderer/areas/subscriptions/retry-timeline.js';
import { runningRate } from '../../../renderer/areas/subscriptions/sparkline.js';
import {
  EMPTY_DRAFT,
  issueFor,
  paramsOf,
  parseDelays,
} from '../../../renderer/areas/subscriptions/subscription-draft.js';
import { parseHeaderLines } from '../../../renderer/ui/header-lines.js';
import { describeSkew } from '../../../renderer/ui/signature-report.js';

const sample = {
  event: 'form.completed',
  data: { total: 1200, form_id: 'f1' },
  workspace_id: 'ws',
  form_id: '',
  test: false,
};

describe('header lines', () => {
  it('keeps order and duplicates, skips a request line and blank lines', () => {
    expect(parseHeaderLines('POST /hooks HTTP/1.1\nA: 1\n\nb:  two : parts \nA: 3')).toEqual({
      ok: true,
      headers: [
        ['A', '1'],
        ['b', 'two : parts'],
        ['A', '3'],
      ],
    });
  });

  it('names the line that is not a header', () => {
    expect(parseHeaderLines('A: 1\nnonsense')).toEqual({
      ok: false,
      error: expect.stringContaining('line 2'),
    });
  });
});

describe('subscription draft', () => {
  it('turns the form into API params', () => {
    const result = paramsOf({
      ...EMPTY_DRAFT,
      url: ' https://x.test/h ',
      events: ['form.*'],
      workspaces: 'ws_1, ws_2',
      include: 'a.b c',
      headers: 'X-A: 1',
      retryPreset: 'custom',
      delays: '0 60,300',
      timeoutSec: '12.5',
    });
    expect(result).toMatchObject({
      ok: true,
      params: {
        url: 'https://x.test/h',
        scope: { workspaces: ['ws_1', 'ws_2'], forms: [] },
        filter: { include: ['a.b', 'c'], exclude: [], metadataOnly: false },
        headers: { 'X-A': '1' },
        retry: { preset: 'custom', delaysSec: [0, 60, 300] },
        timeoutMs: 12_500,
      },
    });
  });

  it('reports what cannot be sent under the API paths', () => {
    const result = paramsOf({
      ...EMPTY_DRAFT,
      retryPreset: 'custom',
      delays: '1m',
      timeoutSec: 'x',
      headers: 'bad',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.issues).sort()).toEqual(['headers', 'retry.delaysSec', 'timeoutMs']);
    expect(parseDelays('5, x')).toBeUndefined();
  });

  it('finds a nested issue for its field', () => {
    expect(issueFor({ 'filter.include.1': 'bad path' }, 'filter.include')).toBe('1: bad path');
    expect(issueFor({ url: 'no' }, 'url')).toBe('no');
    expect(issueFor({}, 'url')).toBeUndefined();
  });
});

describe('condition preview', () => {
  it('matches, misses, and explains invalid expressions like the engine', () => {
    expect(previewCondition('', sample).kind).toBe('always');
    expect(previewCondition('data.total > 1000.0', sample).kind).toBe('matched');
    expect(previewCondition('event == "form.failed"', sample).kind).toBe('not-matched');
    expect(previewCondition('data.total >', sample)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('CEL'),
    });
    expect(previewCondition('"text"', sample).kind).toBe('invalid');
    expect(previewCondition('data.missing == 1.0', sample).kind).toBe('error');
  });
});

describe('charts and labels', () => {
  it('computes the running success rate', () => {
    expect(runningRate([true, false, true, true])).toEqual([1, 0.5, 2 / 3, 0.75]);
  });

  it('writes compact offsets and skews', () => {
    expect([0, 45, 60, 360, 4860, 26_460, 90_000].map(shortDuration)).toEqual([
      '0s',
      '45s',
      '1m',
      '6m',
      '1h 21m',
      '7h 21m',
      '1d 1h',
    ]);
    expect(describeSkew(12)).toBe('12 s ago');
    expect(describeSkew(-600)).toBe('10 min in the future');
  });
});
