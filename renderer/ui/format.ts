/** Small formatting helpers shared by screens. */

const UNITS: [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1000, 's'],
];

/** `3d 4h`, `1h 05m`, `2m 09s`, `7s`: the two largest units, enough to see it move. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000)) * 1000;
  const parts: string[] = [];
  let rest = total;
  for (const [size, unit] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (parts.length > 0) parts.push(`${String(n).padStart(2, '0')}${unit}`);
    else if (n > 0 || size === 1000) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** Local date and time with seconds, e.g. "23 Nov 2025, 14:03:09". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** A value from an audit diff, readable in one line. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  if (value === '') return '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
