/** Times on the Hookscope clock, which may run ahead of the wall: time of day, with the date when it differs. */

/** "14:03:09", or "24 Nov, 14:03:09" when `ms` falls on another day than `reference`. */
export function formatClockTime(ms: number, reference: number = Date.now()): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (date.toDateString() === new Date(reference).toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** Compact durations for schedules: 0s, 30s, 1m, 6m, 1h 21m, 2d 3h (the two largest units). */
export function shortDuration(sec: number): string {
  if (sec < 60) return `${sec}s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = sec;
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** "+1m", "+1h 21m" from a start, for offsets on a schedule. */
export function formatOffset(ms: number): string {
  return ms < 1000 ? '+0s' : `+${shortDuration(Math.round(ms / 1000))}`;
}
