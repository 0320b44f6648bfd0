import { describe, expect, it } from 'vitest';
import { issuesByPath, toProblem } from '../../../renderer/api/errors.js';
import { parseWholeNumber } from '../../../renderer/areas/settings/parse-number.js';
import { formatDuration, formatValue } from '../../../renderer/ui/format.js';
import { ApiError } from '../../../shared/errors.js';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(7_400)).toBe('7s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_660_000)).toBe('1h 01m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
  });
});

describe('formatValue', () => {
  it('makes audit values readable', () => {
    expect(formatValue('')).toBe('(empty)');
    expect(formatValue(undefined)).toBe('(unset)');
    expect(formatValue(30)).toBe('30');
    expect(formatValue('dark')).toBe('dark');
  });
});

describe('errors for the UI', () => {
  it('keeps code, message and field issues from an ApiError or its wire form', () => {
    const err = new ApiError({
      code: 'validation',
      message: 'bad',
      issues: [{ path: 'alertUrl', message: 'Invalid URL' }],
    });
    expect(toProblem(err)).toEqual({
      code: 'validation',
      message: 'bad',
      issues: [{ path: 'alertUrl', message: 'Invalid URL' }],
    });
    expect(
      toProblem({ code: 'validation', message: 'bad', issues: [{ path: 'x', message: 'y' }, { nope: 1 }] })
        .issues,
    ).toEqual([{ path: 'x', message: 'y' }]);
  });

  it('turns a network failure into advice', () => {
    expect(toProblem(new TypeError('Failed to fetch')).message).toMatch(/Cannot reach the Hookscope host/);
  });

  it('keys issues by path, first message wins', () => {
    expect(
      issuesByPath([
        { path: 'a', message: '1' },
        { path: 'a', message: '2' },
        { path: 'b', message: '3' },
      ]),
    ).toEqual({ a: '1', b: '3' });
  });
});

describe('parseWholeNumber', () => {
  it('accepts whole numbers only', () => {
    expect(parseWholeNumber(' 30 ')).toBe(30);
    expect(parseWholeNumber('-1')).toBe(-1);
    expect(parseWholeNumber('1.5')).toBeUndefined();
    expect(parseWholeNumber('')).toBeUndefined();
    expect(parseWholeNumber('1e3')).toBeUndefined();
  });
});
