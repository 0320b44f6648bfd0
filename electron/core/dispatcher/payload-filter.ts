/**
 * The payload filter (Instafill's "choose which fields included in payload, exclude sensitive data, send
 * only form metadata, not field data"). Paths are dotted and relative to `data` (a leading "data." is
 * accepted); `*` matches every key of an object or every element of a list. Order: include, exclude,
 * metadata only. The input is never modified.
 */
import type { PayloadFilter } from '../../../shared/contract/dispatcher-model.js';

export const EMPTY_FILTER: PayloadFilter = { include: [], exclude: [], metadataOnly: false };
const SEGMENT = /^[^.\s]+$/;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Splits and checks a path; returns the reason it is unusable, or the segments. */
export function parsePath(path: string): string[] | string {
  const trimmed = path.trim().replace(/^data\./, '');
  if (trimmed === '' || trimmed === 'data')
    return 'an empty path (paths are inside data, e.g. "field_data.email")';
  const segments = trimmed.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) return `"${path}" has an empty segment or a space`;
  return segments;
}

export function isEmptyFilter(filter: PayloadFilter): boolean {
  return filter.include.length === 0 && filter.exclude.length === 0 && !filter.metadataOnly;
}

export function applyFilter(
  data: Record<string, unknown>,
  filter: PayloadFilter,
  contentFields: readonly string[],
): Record<string, unknown> {
  if (isEmptyFilter(filter)) return data;
  let out: Record<string, Json> = structuredClone(data);
  if (filter.include.length > 0) {
    let kept: Json = {};
    for (const path of filter.include) {
      const segments = parsePath(path);
      if (typeof segments === 'string') continue;
      const picked = pick(data, segments);
      if (picked !== undefined) kept = merge(kept, picked);
    }
    out = isObject(kept) ? kept : {};
  }
  for (const path of filter.exclude) {
    const segments = parsePath(path);
    if (typeof segments !== 'string') remove(out, segments);
  }
  if (filter.metadataOnly) {
    for (const key of Object.keys(out)) {
      const value = out[key];
      if (contentFields.includes(key) || (value !== null && typeof value === 'object')) delete out[key];
    }
  }
  return out;
}

/** The parts of `value` at `segments`, shaped like the original, or undefined if the path is absent. */
function pick(value: Json, segments: readonly string[]): Json {
  if (segments.length === 0) return structuredClone(value);
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    if (head === '*') return value.map((el) => pick(el, rest) ?? null);
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= value.length) return undefined;
    const picked = pick(value[index], rest);
    if (picked === undefined) return undefined;
    const sparse: Json[] = [];
    sparse[index] = picked;
    return sparse;
  }
  if (!isObject(value)) return undefined;
  const out: Record<string, Json> = {};
  for (const key of head === '*' ? Object.keys(value) : [head]) {
    if (!Object.hasOwn(value, key)) continue;
    const picked = pick(value[key], rest);
    if (picked !== undefined) out[key] = picked;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function merge(a: Json, b: Json): Json {
  if (isObject(a) && isObject(b)) {
    const out: Record<string, Json> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key], value) : value;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out = [...a];
    b.forEach((value, i) => {
      out[i] = out[i] === undefined || out[i] === null ? value : merge(out[i], value);
    });
    return out;
  }
  return b;
}

function remove(value: Json, segments: readonly string[]): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    const indexes =
      head === '*' ? value.map((_, i) => i) : [Number(head)].filter((i) => Number.isInteger(i) && i >= 0);
    if (rest.length === 0) {
      if (head === '*') value.length = 0;
      else for (const i of indexes.reverse()) value.splice(i, 1);
      return;
    }
    for (const i of indexes) remove(value[i], rest);
    return;
  }
  if (!isObject(value)) return;
  for (const key of head === '*' ? Object.keys(value) : [head]) {
    if (!Object.hasOwn(value, key)) continue;
    if (rest.length === 0) delete value[key];
    else remove(value[key], rest);
  }
}
