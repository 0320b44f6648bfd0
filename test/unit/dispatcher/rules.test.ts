import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../electron/core/dispatcher/condition.js';
import { decide } from '../../../electron/core/dispatcher/deliveries/delivery-outcome.js';
import {
  MAX_RETRY_AFTER_SEC,
  maxAttemptsOf,
  nextDelayMs,
  parseRetryAfter,
} from '../../../electron/core/dispatcher/deliveries/retry-policy.js';
import { percentile, windowOf } from '../../../electron/core/dispatcher/deliveries/stats.js';
import { encodeForLog } from '../../../electron/core/dispatcher/http/response-body.js';
import { applyFilter, parsePath } from '../../../electron/core/dispatcher/payload-filter.js';
import { checkDeliveryUrl, isLoopbackHost } from '../../../electron/core/dispatcher/url-policy.js';
import type { DeliveryAttempt, DispatchEvent } from '../../../shared/contract/dispatcher-model.js';

const event = (data: Record<string, unknown>, extra: Partial<DispatchEvent> = {}): DispatchEvent => ({
  id: 'evt_1',
  type: 'form.completed',
  name: 'Form completed',
  createdAt: '2024-02-16T10:30:00.000Z',
  workspaceId: 'ws_sales',
  test: false,
  data,
  ...extra,
});

describe('conditions (CEL)', () => {
  it('evaluates the seed’s example and friends', () => {
    const big = compileCondition('data.total > 1000');
    expect(big(event({ total: 1500 }))).toEqual({ matched: true });
    expect(big(event({ total: 999.99 })).matched).toBe(false);
    const scoped = compileCondition(
      'event == "form.completed" && workspace_id == "ws_sales" && data.form_name.startsWith("Job")',
    );
    expect(scoped(event({ form_name: 'Job Application Form' })).matched).toBe(true);
    expect(
      compileCondition('data.items.exists(i, i.qty > 2)')(event({ items: [{ qty: 1 }, { qty: 3 }] })).matched,
    ).toBe(true);
    expect(compileCondition('')(event({})).matched).toBe(true);
  });

  it('reports a missing field as a reason instead of throwing', () => {
    const verdict = compileCondition('data.total > 1000')(event({}));
    expect(verdict).toEqual({ matched: false, reason: expect.stringMatching(/condition error: .*total/) });
  });

  it('rejects invalid expressions with the reason, and never evaluates JavaScript', () => {
    expect(() => compileCondition('data.total >')).toThrow(/not valid CEL/);
    expect(() => compileCondition('process.exit(1)')).toThrow(/type-check/);
    expect(() => compileCondition('data.total + 1')).toThrow();
    expect(() => compileCondition('"text"')).toThrow(/true or false/);
    expect(() => compileCondition('constructor.constructor("return process")()')).toThrow();
  });
});

describe('payload filter', () => {
  const data = {
    session_id: 'sess_1',
    form_id: 'form_1',
    field_data: { applicant_name: 'John', email: 'j@example.com', ssn: '123' },
    items: [
      { id: 1, secret: 'a' },
      { id: 2, secret: 'b' },
    ],
  };

  it('includes, excludes (with * and a leading data.) and keeps the input untouched', () => {
    expect(
      applyFilter(
        data,
        { include: ['session_id', 'field_data.email'], exclude: [], metadataOnly: false },
        [],
      ),
    ).toEqual({
      session_id: 'sess_1',
      field_data: { email: 'j@example.com' },
    });
    expect(
      applyFilter(
        data,
        { include: [], exclude: ['data.field_data.ssn', 'items.*.secret'], metadataOnly: false },
        [],
      ),
    ).toEqual({
      session_id: 'sess_1',
      form_id: 'form_1',
      field_data: { applicant_name: 'John', email: 'j@example.com' },
      items: [{ id: 1 }, { id: 2 }],
    });
    expect(applyFilter(data, { include: ['items.*.id'], exclude: [], metadataOnly: false }, [])).toEqual({
      items: [{ id: 1 }, { id: 2 }],
    });
    expect(data.field_data.ssn).toBe('123');
  });

  it('metadata only drops content fields and nested values', () => {
    expect(
      applyFilter({ ...data, note: 'x' }, { include: [], exclude: [], metadataOnly: true }, ['note']),
    ).toEqual({
      session_id: 'sess_1',
      form_id: 'form_1',
    });
  });

  it('rejects unusable paths', () => {
    expect(parsePath('a..b')).toMatch(/empty segment/);
    expect(parsePath('data')).toMatch(/empty path/);
    expect(parsePath('field_data.email')).toEqual(['field_data', 'email']);
  });
});

describe('URL policy', () => {
  it('wants HTTPS except for loopback or allow insecure', () => {
    expect(checkDeliveryUrl('https://example.com/hook', false).href).toBe('https://example.com/hook');
    expect(checkDeliveryUrl('http://127.0.0.1:8080/x', false).port).toBe('8080');
    expect(checkDeliveryUrl('http://localhost/x', false).hostname).toBe('localhost');
    expect(() => checkDeliveryUrl('http://example.com/x', false)).toThrow(/HTTPS/);
    expect(checkDeliveryUrl('http://example.com/x', true).protocol).toBe('http:');
    expect(() => checkDeliveryUrl('not a url', false)).toThrow(/not a valid URL/);
    expect(() => checkDeliveryUrl('ftp://example.com', false)).toThrow(/http/);
    expect(() => checkDeliveryUrl('https://u:p@example.com', false)).toThrow(/credentials/);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});

describe('retry policy', () => {
  it('has the Instafill schedule: immediately, +1m, +5m, +15m, +1h, +6h', () => {
    const policy = { preset: 'instafill' as const };
    expect(maxAttemptsOf(policy)).toBe(6);
    expect([1, 2, 3, 4, 5, 6].map((n) => nextDelayMs(policy, n))).toEqual([
      60e3,
      300e3,
      900e3,
      3600e3,
      21600e3,
      undefined,
    ]);
    expect(maxAttemptsOf({ preset: 'svix' })).toBe(8);
    expect(nextDelayMs({ preset: 'none' }, 1)).toBeUndefined();
    expect(nextDelayMs({ preset: 'custom', delaysSec: [2, 4] }, 2)).toBe(4000);
  });

  it('honours Retry-After, clamped, in both forms', () => {
    const policy = { preset: 'instafill' as const };
    expect(nextDelayMs(policy, 1, 120)).toBe(120_000);
    expect(nextDelayMs(policy, 1, 0)).toBe(1000);
    expect(nextDelayMs(policy, 1, 10 ** 9)).toBe(MAX_RETRY_AFTER_SEC * 1000);
    expect(nextDelayMs(policy, 6, 5)).toBeUndefined();
    const now = Date.UTC(2024, 1, 16, 10, 0, 0);
    expect(parseRetryAfter('Fri, 16 Feb 2024 10:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter(' 30 ', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('attempt verdicts', () => {
  const attempt = (status: number | undefined, ok = false, retryAfterSec?: number): DeliveryAttempt => ({
    n: 1,
    trigger: 'scheduled',
    clockAt: '',
    sentAt: '',
    request: { method: 'POST', url: 'https://x', headers: [], body: '' },
    ...(status !== undefined && {
      response: {
        status,
        headers: [],
        body: '',
        bodyEncoding: 'utf8' as const,
        bodyBytes: 0,
        truncated: false,
      },
    }),
    ...(status === undefined && { error: { code: 'ECONNREFUSED', message: 'refused' } }),
    timings: { totalMs: 1, reusedConnection: false },
    ok,
    ...(retryAfterSec !== undefined && { retryAfterSec }),
  });
  const base = {
    attemptCount: 1,
    wasPending: true,
    trigger: 'scheduled' as const,
    policy: { preset: 'instafill' as const },
    clockNowMs: 1000,
  };

  it('2xx succeeds; 5xx and network errors retry on schedule; Retry-After moves the retry', () => {
    expect(decide({ ...base, attempt: attempt(204, true) }).kind).toBe('succeeded');
    expect(decide({ ...base, attempt: attempt(503) })).toEqual({
      kind: 'retry',
      delayMs: 60_000,
      dueMs: 61_000,
    });
    expect(decide({ ...base, attempt: attempt(undefined) })).toMatchObject({
      kind: 'retry',
      delayMs: 60_000,
    });
    expect(decide({ ...base, attempt: attempt(429, false, 120) })).toMatchObject({
      kind: 'retry',
      delayMs: 120_000,
    });
  });

  it('410 disables; the last failure alerts; tests and manual re-sends never schedule', () => {
    expect(decide({ ...base, attempt: attempt(410) })).toMatchObject({
      kind: 'failed',
      disableSubscription: true,
      alert: true,
    });
    expect(decide({ ...base, attemptCount: 6, attempt: attempt(500) })).toMatchObject({
      kind: 'failed',
      alert: true,
    });
    expect(decide({ ...base, trigger: 'test', attempt: attempt(500) })).toMatchObject({
      kind: 'failed',
      alert: false,
    });
    expect(decide({ ...base, wasPending: false, trigger: 'manual', attempt: attempt(500) })).toMatchObject({
      kind: 'failed',
      alert: false,
    });
  });
});

describe('stats and logged bodies', () => {
  it('computes nearest-rank percentiles and success rate', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)]).toEqual([50, 95, 99]);
    const w = windowOf([
      { at: 1, ok: true, ms: 10 },
      { at: 2, ok: false, ms: 30 },
      { at: 3, ok: false },
      { at: 4, ok: true, ms: 20 },
    ]);
    expect(w).toMatchObject({
      attempts: 4,
      succeeded: 2,
      failed: 2,
      successRate: 0.5,
      latencyMs: { p50: 20, p95: 30, p99: 30 },
    });
    expect(windowOf([])).toMatchObject({ successRate: null, latencyMs: null });
  });

  it('keeps text as text even when the cut splits a character, and binary as base64', () => {
    const text = Buffer.from('héllo wörld');
    expect(encodeForLog(text.subarray(0, 2), text.length)).toMatchObject({
      body: 'h',
      bodyEncoding: 'utf8',
      truncated: true,
    });
    expect(encodeForLog(Buffer.from([0xff, 0xfe, 0x00]), 3)).toMatchObject({
      bodyEncoding: 'base64',
      truncated: false,
    });
  });
});
